// A learner's schedule in a cohort and their completions.

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { progressKeys } from './progress';

type Schemas = components['schemas'];
export type Schedule = Schemas['Schedule'];
export type ScheduledActivity = Schemas['ScheduledActivity'];

export const scheduleKeys = {
  all: (cohortId: string) => ['cohorts', cohortId, 'schedule'] as const,
  schedule: (cohortId: string, userId?: string) => ['cohorts', cohortId, 'schedule', userId ?? 'me'] as const,
};

/** The caller's schedule in a cohort, or a learner's (staff: `userId`). */
export function scheduleQuery(api: ApiClient, cohortId: string, userId?: string) {
  return queryOptions({
    queryKey: scheduleKeys.schedule(cohortId, userId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/cohorts/{cohortId}/schedule', {
          params: { path: { cohortId }, query: userId ? { userId } : {} },
          signal,
        }),
      ),
  });
}

export function useSchedule(cohortId: string, userId?: string) {
  const api = useApi();
  return useQuery(scheduleQuery(api, cohortId, userId));
}

export function useMarkDone(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (activityId: string) =>
      unwrap(api.POST('/api/v1/cohorts/{cohortId}/activities/{activityId}/completion', { params: { path: { cohortId, activityId } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: scheduleKeys.all(cohortId) });
      await queryClient.invalidateQueries({ queryKey: progressKeys.progress(cohortId) });
    },
  });
}

/** The cohort's title and zone for the course pages (GET /cohorts/{id}). */
export function cohortSummaryQuery(api: ApiClient, cohortId: string) {
  return queryOptions({
    queryKey: ['cohorts', cohortId] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cohorts/{cohortId}', { params: { path: { cohortId } }, signal })),
  });
}

export function useCohortSummary(cohortId: string) {
  const api = useApi();
  return useQuery(cohortSummaryQuery(api, cohortId));
}
