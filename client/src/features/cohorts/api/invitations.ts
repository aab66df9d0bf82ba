// Invitations: list, invite by email, accept a link.

import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { idempotencyKey, retryLostRequest } from '@/lib/api/idempotency';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { meQueryKey } from '@/lib/auth/session-context';
import { cohortKeys, useInvalidateCohort } from './cohorts';

type Schemas = components['schemas'];
export type Invitation = Schemas['Invitation'];

export const invitationKeys = {
  list: (cohortId: string, page: number) => [...cohortKeys.detail(cohortId), 'invitations', page] as const,
};

export function invitationsQuery(api: ApiClient, cohortId: string, page: number) {
  return queryOptions({
    queryKey: invitationKeys.list(cohortId, page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/cohorts/{cohortId}/invitations', {
          params: { path: { cohortId }, query: { page, pageSize: 20 } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useInvitations(cohortId: string, page: number) {
  const api = useApi();
  return useQuery(invitationsQuery(api, cohortId, page));
}

export function useInvite(cohortId: string) {
  const api = useApi();
  const invalidate = useInvalidateCohort(cohortId);
  return useMutation({
    ...retryLostRequest,
    mutationFn: (email: string, context) =>
      unwrap(
        api.POST('/api/v1/cohorts/{cohortId}/invitations', {
          params: { path: { cohortId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
          body: { email },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useAcceptInvitation() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      unwrap(api.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      await queryClient.invalidateQueries({ queryKey: cohortKeys.all });
    },
  });
}
