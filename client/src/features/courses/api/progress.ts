// The staff's learners × activities progress matrix.

import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type Progress = Schemas['Progress'];
export type ProgressRow = Schemas['LearnerProgress'];

export const progressKeys = {
  progress: (cohortId: string) => ['cohorts', cohortId, 'progress'] as const,
};

export function progressQuery(api: ApiClient, cohortId: string) {
  return queryOptions({
    queryKey: progressKeys.progress(cohortId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cohorts/{cohortId}/progress', { params: { path: { cohortId } }, signal })),
  });
}

export function useProgress(cohortId: string) {
  const api = useApi();
  return useQuery(progressQuery(api, cohortId));
}
