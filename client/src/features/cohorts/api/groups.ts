// Project groups: list, create, split the learners automatically, edit and dissolve.

import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { idempotencyKey, retryLostRequest } from '@/lib/api/idempotency';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { cohortKeys, useInvalidateCohort } from './cohorts';

type Schemas = components['schemas'];
export type Group = Schemas['Group'];

export const groupKeys = {
  list: (cohortId: string) => [...cohortKeys.detail(cohortId), 'groups'] as const,
};

export function groupsQuery(api: ApiClient, cohortId: string, enabled = true) {
  return queryOptions({
    queryKey: groupKeys.list(cohortId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}/groups', { params: { path: { cohortId } }, signal })),
    enabled,
  });
}

export function useGroups(cohortId: string, enabled = true) {
  const api = useApi();
  return useQuery(groupsQuery(api, cohortId, enabled));
}

export function useCreateGroup(cohortId: string) {
  const api = useApi();
  const invalidate = useInvalidateCohort(cohortId);
  return useMutation({
    ...retryLostRequest,
    mutationFn: (body: { name: string; memberIds: string[] }, context) =>
      unwrap(
        api.POST('/api/v1/cohorts/{cohortId}/groups', {
          params: { path: { cohortId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useAutoGroups(cohortId: string) {
  const api = useApi();
  const invalidate = useInvalidateCohort(cohortId);
  return useMutation({
    ...retryLostRequest,
    mutationFn: (groupSize: number, context) =>
      unwrap(
        api.POST('/api/v1/cohorts/{cohortId}/groups/auto', {
          params: { path: { cohortId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
          body: { groupSize },
        }),
      ),
    onSuccess: invalidate,
  });
}

/** Rename a group and set its members; its etag as If-Match, so an edit made meanwhile is a 412, not overwritten. */
export function useUpdateGroup(cohortId: string) {
  const api = useApi();
  const invalidate = useInvalidateCohort(cohortId);
  return useMutation({
    mutationFn: ({ group, name, memberIds }: { group: Group; name: string; memberIds: string[] }) =>
      unwrap(
        api.PUT('/api/v1/cohorts/{cohortId}/groups/{groupId}', {
          params: { path: { cohortId, groupId: group.id }, header: { 'If-Match': group.etag } },
          body: { name, memberIds },
        }),
      ),
    onSettled: invalidate,
  });
}

/** Dissolve a group (its members become ungrouped), conditional on its etag like an edit. */
export function useDeleteGroup(cohortId: string) {
  const api = useApi();
  const invalidate = useInvalidateCohort(cohortId);
  return useMutation({
    mutationFn: (group: Group) =>
      unwrap(
        api.DELETE('/api/v1/cohorts/{cohortId}/groups/{groupId}', {
          params: { path: { cohortId, groupId: group.id }, header: { 'If-Match': group.etag } },
        }),
      ),
    onSettled: invalidate,
  });
}
