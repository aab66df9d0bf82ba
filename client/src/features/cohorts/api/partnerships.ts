// Partnerships: cohorts of other organisations waiting for this organisation's consent.

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { LIST_PAGE_SIZE, cohortKeys } from './cohorts';

type Schemas = components['schemas'];
export type PartnershipItem = Schemas['PartnerCohort'];

export const partnershipKeys = {
  pending: (organizationId: string) => ['partnerships', organizationId] as const,
};

/** Cohorts of other organisations waiting for this organisation's consent (its admins answer). */
export function pendingPartnershipsQuery(api: ApiClient, organizationId: string) {
  return queryOptions({
    queryKey: partnershipKeys.pending(organizationId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/organizations/{organizationId}/partnerships', {
          params: { path: { organizationId }, query: { status: 'Pending', page: 1, pageSize: LIST_PAGE_SIZE } },
          signal,
        }),
      ),
  });
}

export function usePendingPartnerships(organizationId: string) {
  const api = useApi();
  return useQuery(pendingPartnershipsQuery(api, organizationId));
}

export function useDecidePartnership(organizationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ cohortId, accept }: { cohortId: string; accept: boolean }) =>
      unwrap(
        accept
          ? api.POST('/api/v1/organizations/{organizationId}/partnerships/{cohortId}/accept', { params: { path: { organizationId, cohortId } } })
          : api.POST('/api/v1/organizations/{organizationId}/partnerships/{cohortId}/decline', { params: { path: { organizationId, cohortId } } }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: partnershipKeys.pending(organizationId) });
      await queryClient.invalidateQueries({ queryKey: cohortKeys.all });
    },
  });
}
