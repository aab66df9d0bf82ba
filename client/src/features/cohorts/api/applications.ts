// Applications: apply, mine, the staff's review queue, decisions, withdrawal.

import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { idempotencyKey, retryLostRequest } from '@/lib/api/idempotency';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { cohortKeys, useInvalidateCohort } from './cohorts';

type Schemas = components['schemas'];
export type Application = Schemas['Application'];
export type ApplicationStatus = Schemas['ApplicationStatus'];
export type Decision = Schemas['AdmissionDecision'];
export type ApplyBody = Schemas['ApplicationCreate'];

export const applicationStatuses: readonly ApplicationStatus[] = ['Submitted', 'Waitlisted', 'Admitted', 'Rejected', 'Withdrawn'];

export const applicationKeys = {
  list: (cohortId: string, status: ApplicationStatus | 'all', page: number) =>
    [...cohortKeys.detail(cohortId), 'applications', status, page] as const,
  mine: (page: number) => ['me', 'applications', page] as const,
};

export function useApply(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    ...retryLostRequest,
    mutationFn: (body: ApplyBody, context) =>
      unwrap(
        api.POST('/api/v1/cohorts/{cohortId}/applications', {
          params: { path: { cohortId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'applications'] }),
  });
}

export function myApplicationsQuery(api: ApiClient, page: number) {
  return queryOptions({
    queryKey: applicationKeys.mine(page),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/me/applications', { params: { query: { page, pageSize: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useMyApplications(page: number) {
  const api = useApi();
  return useQuery(myApplicationsQuery(api, page));
}

export function useWithdraw() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ cohortId, applicationId }: { cohortId: string; applicationId: string }) =>
      unwrap(
        api.POST('/api/v1/cohorts/{cohortId}/applications/{applicationId}/withdraw', {
          params: { path: { cohortId, applicationId } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await queryClient.invalidateQueries({ queryKey: cohortKeys.all });
    },
  });
}

export function applicationsQuery(api: ApiClient, cohortId: string, status: ApplicationStatus | 'all', page: number) {
  return queryOptions({
    queryKey: applicationKeys.list(cohortId, status, page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/cohorts/{cohortId}/applications', {
          params: {
            path: { cohortId },
            query: { ...(status === 'all' ? {} : { status }), page, pageSize: 20 },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useApplications(cohortId: string, status: ApplicationStatus | 'all', page: number) {
  const api = useApi();
  return useQuery(applicationsQuery(api, cohortId, status, page));
}

export function useDecide(cohortId: string) {
  const api = useApi();
  const invalidate = useInvalidateCohort(cohortId);
  return useMutation({
    mutationFn: ({ applicationId, decision, note }: { applicationId: string; decision: Decision; note?: string }) =>
      unwrap(
        api.POST('/api/v1/cohorts/{cohortId}/applications/{applicationId}/decision', {
          params: { path: { cohortId, applicationId } },
          body: { decision, note: note?.trim() ? note.trim() : null },
        }),
      ),
    onSettled: invalidate,
  });
}
