// The learner's "à venir": their next activities from Mon suivi and their agenda's coming weeks, two requests whatever the number of cohorts.

import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';

export type NextSteps = components['schemas']['MyFollowUp'];

export function useNextSteps() {
  const api = useApi();
  return useQuery({
    queryKey: ['calendar', 'next-steps'] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/follow-up', { signal })),
  });
}
