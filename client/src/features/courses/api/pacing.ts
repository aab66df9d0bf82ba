// A learner's pacing: shifts and extra resources set by the staff.

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { ifMatch } from '@/lib/api/if-match';
import { scheduleKeys } from './schedule';

type Schemas = components['schemas'];
export type PacingBody = Schemas['PacingUpdate'];
export type Pacing = Schemas['Pacing'];

export const pacingKeys = {
  pacing: (cohortId: string, userId: string) => ['cohorts', cohortId, 'pacing', userId] as const,
};

/** A learner's pacing as the staff last set it (shifts and extra resources in Markdown), with the ETag its PUT sends back as If-Match. */
export function pacingQuery(api: ApiClient, cohortId: string, userId: string) {
  return queryOptions({
    queryKey: pacingKeys.pacing(cohortId, userId),
    queryFn: async ({ signal }) => {
      const call = api.GET('/api/v1/cohorts/{cohortId}/members/{userId}/pacing', { params: { path: { cohortId, userId } }, signal });
      const pacing = await unwrap(call);
      return { ...pacing, etag: (await call).response.headers.get('ETag') ?? undefined };
    },
  });
}

export function usePacing(cohortId: string, userId: string) {
  const api = useApi();
  return useQuery(pacingQuery(api, cohortId, userId));
}

export function useSetPacing(cohortId: string, userId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: PacingBody; etag?: string }) =>
      unwrap(api.PUT('/api/v1/cohorts/{cohortId}/members/{userId}/pacing', { params: { path: { cohortId, userId }, header: ifMatch(etag) }, body })),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.all(cohortId) });
      await queryClient.invalidateQueries({ queryKey: pacingKeys.pacing(cohortId, userId) });
    },
  });
}
