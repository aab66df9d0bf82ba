// The staff home's "à suivre" (GET /me/follow-up/attention) and a mentor's learners with their progress, per cohort.

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { useLiveEvent } from '@/lib/live/live-context';

export type FollowUpAttention = components['schemas']['FollowUpAttention'];
export type LearnerToFollow = components['schemas']['LearnerToFollow'];
export type ActionDueSoon = components['schemas']['FollowUpActionDueSoon'];

/** Across the caller's cohorts; a level change anywhere refetches it. */
export function useFollowUpAttention(page: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  useLiveEvent('followUpChanged', () => void queryClient.invalidateQueries({ queryKey: ['follow-up', 'attention'] }));
  return useQuery({
    queryKey: ['follow-up', 'attention', page] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/follow-up/attention', { params: { query: { page, pageSize: 10 } }, signal })),
    placeholderData: keepPreviousData,
  });
}
