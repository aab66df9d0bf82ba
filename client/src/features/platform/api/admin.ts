// The admin screens: an org admin's members and dashboard, the platform admin's organisations, users and system page.

import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { ifMatch } from '@/lib/api/if-match';
import { useApi } from '@/lib/api/api-context';
import type { paths } from '@/lib/api/schema';
import type { OrganizationRole } from '@/lib/auth/roles';

type Json<P extends keyof paths, M extends 'get' | 'put' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type OrganizationMember = Json<'/api/v1/organizations/{orgId}/members', 'get'>['items'][number];
export type Organization = Json<'/api/v1/organizations', 'get'>['items'][number];
export type UserAccount = Json<'/api/v1/users', 'get'>['items'][number];
export type SystemStatus = Json<'/api/v1/system', 'get'>;
export type Cohort = Json<'/api/v1/cohorts', 'get'>['items'][number];

export const ADMIN_PAGE_SIZE = 20;

export const adminKeys = {
  members: (organizationId: string) => ['organizations', organizationId, 'members'] as const,
  admins: (organizationId: string) => ['organizations', organizationId, 'members', 'admins'] as const,
  // Under the members' key: whatever refreshes the list refreshes the version the changes are conditional on.
  version: (organizationId: string) => ['organizations', organizationId, 'members', 'version'] as const,
  organizations: ['organizations', 'list'] as const,
  users: ['users'] as const,
  system: ['system'] as const,
};

/** The organisation's admins: their number tells whether the last one may be demoted (the server decides; this only hides the action). */
export function useOrganizationAdmins(organizationId: string) {
  const api = useApi();
  return useQuery({
    queryKey: adminKeys.admins(organizationId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/organizations/{orgId}/members', {
          params: { path: { orgId: organizationId }, query: { role: 'OrgAdmin', page: 1, pageSize: 1 } },
          signal,
        }),
      ),
  });
}

export function useAddMember(organizationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: OrganizationRole }) =>
      unwrap(api.POST('/api/v1/organizations/{orgId}/members', { params: { path: { orgId: organizationId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.members(organizationId) }),
  });
}

/**
 * The organisation's ETag, read with its member list: role changes and removals send it as If-Match, so an admin acting
 * on a list another admin has just changed gets 412 and the fresh list instead of overwriting (GET /organizations/{orgId}).
 */
export function useMembersVersion(organizationId: string) {
  const api = useApi();
  return useQuery({
    queryKey: adminKeys.version(organizationId),
    queryFn: async ({ signal }) => {
      const call = api.GET('/api/v1/organizations/{orgId}', { params: { path: { orgId: organizationId } }, signal });
      await unwrap(call);
      return (await call).response.headers.get('ETag');
    },
  });
}

export function useChangeMemberRole(organizationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ member, role, etag }: { member: OrganizationMember; role: OrganizationRole; etag?: string | null }) =>
      unwrap(
        api.PUT('/api/v1/organizations/{orgId}/members/{userId}', {
          params: { path: { orgId: organizationId, userId: member.userId }, header: ifMatch(etag) },
          body: { role },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.members(organizationId) }),
  });
}

export function useRemoveMember(organizationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ member, etag }: { member: OrganizationMember; etag?: string | null }) =>
      unwrap(
        api.DELETE('/api/v1/organizations/{orgId}/members/{userId}', {
          params: { path: { orgId: organizationId, userId: member.userId }, header: ifMatch(etag) },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.members(organizationId) }),
  });
}

/** The cohorts the org admin runs (GET /cohorts?mine=true: their organisation's and those they belong to). */
export function useMyCohorts() {
  const api = useApi();
  return useQuery({
    queryKey: ['cohorts', 'mine', 'dashboard'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts', { params: { query: { mine: true, page: 1, pageSize: 100 } }, signal })),
  });
}

/** Partner cohorts this organisation accepted: with those it owns, where it may enrol its employees. */
export function useAcceptedPartnerships(organizationId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['partnerships', organizationId, 'accepted'],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/organizations/{organizationId}/partnerships', {
          params: { path: { organizationId }, query: { status: 'Accepted', page: 1, pageSize: 100 } },
          signal,
        }),
      ),
  });
}

export function organizationListQuery(api: ApiClient, page: number) {
  return queryOptions({
    queryKey: [...adminKeys.organizations, page],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/organizations', { params: { query: { page, pageSize: ADMIN_PAGE_SIZE } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateOrganization() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; slug: string }) => unwrap(api.POST('/api/v1/organizations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.organizations }),
  });
}

export function useRenameOrganization() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organization, name }: { organization: Organization; name: string }) =>
      unwrap(api.PUT('/api/v1/organizations/{orgId}', { params: { path: { orgId: organization.id } }, body: { name } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.organizations }),
  });
}

export function useSuspendOrganization() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organization, suspend }: { organization: Organization; suspend: boolean }) =>
      unwrap(
        suspend
          ? api.POST('/api/v1/organizations/{orgId}/suspend', { params: { path: { orgId: organization.id } } })
          : api.POST('/api/v1/organizations/{orgId}/reactivate', { params: { path: { orgId: organization.id } } }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.organizations }),
  });
}

export function useSearchUsers(q: string, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...adminKeys.users, q, page],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/users', { params: { query: { q: q || undefined, page, pageSize: ADMIN_PAGE_SIZE } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useSetUserDisabled() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, disable }: { user: UserAccount; disable: boolean }) =>
      unwrap(
        disable
          ? api.POST('/api/v1/users/{userId}/disable', { params: { path: { userId: user.id } } })
          : api.POST('/api/v1/users/{userId}/enable', { params: { path: { userId: user.id } } }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useSendPasswordReset() {
  const api = useApi();
  return useMutation({
    mutationFn: (user: UserAccount) => unwrap(api.POST('/api/v1/users/{userId}/password-reset', { params: { path: { userId: user.id } } })),
  });
}

export function useSystemStatus() {
  const api = useApi();
  return useQuery({
    queryKey: adminKeys.system,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/system', { signal })),
  });
}
