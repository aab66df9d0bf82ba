// What the cohort form picks from: the courses and the trainers of the caller's organisations.

import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { LIST_PAGE_SIZE } from './cohorts';

type Schemas = components['schemas'];
export type Course = Schemas['Course'];

export const formOptionKeys = {
  courses: ['courses', 'list'] as const,
  trainers: (organizationId: string | undefined) => ['organizations', organizationId, 'trainers'] as const,
};

/** Courses of the caller's organisations, for the cohort form's course select. */
export function courseOptionsQuery(api: ApiClient) {
  return queryOptions({
    queryKey: formOptionKeys.courses,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/courses', { params: { query: { page: 1, pageSize: LIST_PAGE_SIZE } }, signal })),
  });
}

export function useCourseOptions() {
  const api = useApi();
  return useQuery(courseOptionsQuery(api));
}

/** The trainers of an organisation, among whom its admin names a new cohort's trainer. */
export function organizationTrainersQuery(api: ApiClient, organizationId: string | undefined) {
  return queryOptions({
    queryKey: formOptionKeys.trainers(organizationId),
    enabled: !!organizationId,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/organizations/{orgId}/members', {
          params: { path: { orgId: organizationId ?? '' }, query: { role: 'Trainer', page: 1, pageSize: LIST_PAGE_SIZE } },
          signal,
        }),
      ),
  });
}

export function useOrganizationTrainers(organizationId: string | undefined) {
  const api = useApi();
  return useQuery(organizationTrainersQuery(api, organizationId));
}
