// Cohorts: list, read, create, update; the types the cohort pages share.

import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { ifMatch } from '@/lib/api/if-match';
import { idempotencyKey, retryLostRequest } from '@/lib/api/idempotency';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { meQueryKey } from '@/lib/auth/session-context';

type Schemas = components['schemas'];
export type Cohort = Schemas['Cohort'];
export type AdmissionMode = Schemas['AdmissionMode'];
export type CohortRole = Schemas['CohortRole'];
export type CohortCapability = Schemas['CohortCapability'];
export type CreateCohortBody = Schemas['CohortCreate'];
export type UpdateCohortBody = Schemas['CohortUpdate'];

/** What the caller may do in this cohort: the API's capability table decides, the UI only reads it. */
export function can(cohort: Pick<Cohort, 'capabilities'>, capability: CohortCapability): boolean {
  return cohort.capabilities.includes(capability);
}

export const admissionModes: readonly AdmissionMode[] = ['Application', 'InviteOnly', 'OrganizationEnrollment'];

/** The API's lists cap pageSize at 100: enough for a cohort (200 seats at most: two pages). */
export const LIST_PAGE_SIZE = 100;

export const cohortKeys = {
  all: ['cohorts'] as const,
  list: (filter: 'open' | 'mine') => ['cohorts', 'list', filter] as const,
  /** Everything under one cohort (its applications, members, groups...): what moves seats invalidates it. */
  detail: (cohortId: string) => ['cohorts', cohortId] as const,
};

/** Cohorts open for application now (GET /cohorts?openForApplication=true). */
export function openCohortsQuery(api: ApiClient, page: number) {
  return queryOptions({
    queryKey: [...cohortKeys.list('open'), page],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/cohorts', {
          params: { query: { openForApplication: true, page, pageSize: 20 } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useOpenCohorts(page: number) {
  const api = useApi();
  return useQuery(openCohortsQuery(api, page));
}

/** Every cohort the caller may see: theirs, their organisations' (admins), and those open to them. */
export function visibleCohortsQuery(api: ApiClient) {
  return queryOptions({
    queryKey: cohortKeys.list('mine'),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts', { params: { query: { page: 1, pageSize: LIST_PAGE_SIZE } }, signal })),
  });
}

export function useVisibleCohorts() {
  const api = useApi();
  return useQuery(visibleCohortsQuery(api));
}

/** The cohort with its ETag, for the settings form (PUT needs If-Match; 412 when someone changed it meanwhile). */
export function cohortForEditQuery(api: ApiClient, cohortId: string) {
  return queryOptions({
    queryKey: [...cohortKeys.detail(cohortId), 'edit'] as const,
    queryFn: async ({ signal }) => {
      const call = api.GET('/api/v1/cohorts/{cohortId}', { params: { path: { cohortId } }, signal });
      const cohort = await unwrap(call);
      const etag = (await call).response.headers.get('ETag');
      return { cohort, etag };
    },
    // The form must start from what the server has now.
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useCohortForEdit(cohortId: string) {
  const api = useApi();
  return useQuery(cohortForEditQuery(api, cohortId));
}

export function useUpdateCohort(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: UpdateCohortBody; etag: string | null }) =>
      unwrap(
        api.PUT('/api/v1/cohorts/{cohortId}', {
          params: { path: { cohortId }, header: ifMatch(etag) },
          body,
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: cohortKeys.detail(cohortId) });
      await queryClient.invalidateQueries({ queryKey: cohortKeys.all });
    },
  });
}

export function cohortQuery(api: ApiClient, cohortId: string) {
  return queryOptions({
    queryKey: cohortKeys.detail(cohortId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}', { params: { path: { cohortId } }, signal })),
  });
}

export function useCohort(cohortId: string) {
  const api = useApi();
  return useQuery(cohortQuery(api, cohortId));
}

export function useCreateCohort() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    ...retryLostRequest,
    mutationFn: (body: CreateCohortBody, context) =>
      unwrap(api.POST('/api/v1/cohorts', { body, params: { header: { 'Idempotency-Key': idempotencyKey(context) } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: cohortKeys.all });
      // The creating trainer becomes the cohort's trainer: /me lists it now.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

/** Anything that moves seats or the waitlist: refresh the cohort's counts and lists. */
export function useInvalidateCohort(cohortId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: cohortKeys.detail(cohortId) });
}
