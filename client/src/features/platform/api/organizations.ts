// Organisations and their members.

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';

export const MEMBERS_PAGE_SIZE = 20;

export function organizationMembersQuery(api: ApiClient, organizationId: string | undefined, page: number) {
  return queryOptions({
    queryKey: ['organizations', organizationId, 'members', page],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/organizations/{orgId}/members', {
          params: { path: { orgId: organizationId ?? '' }, query: { page, pageSize: MEMBERS_PAGE_SIZE } },
          signal,
        }),
      ),
    enabled: organizationId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useOrganizationMembers(organizationId: string | undefined, page: number) {
  const api = useApi();
  return useQuery(organizationMembersQuery(api, organizationId, page));
}

export const ORGANIZATIONS_PAGE_SIZE = 20;

/** The caller's organisations; all of them for the platform admin. */
export function organizationsQuery(api: ApiClient, page: number) {
  return queryOptions({
    queryKey: ['organizations', 'list', page],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/organizations', { params: { query: { page, pageSize: ORGANIZATIONS_PAGE_SIZE } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useOrganizations(page: number) {
  const api = useApi();
  return useQuery(organizationsQuery(api, page));
}
