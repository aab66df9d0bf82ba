// A cohort's members: roster, add, remove, leave, mentor assignment.

import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { ifMatch } from '@/lib/api/if-match';
import { idempotencyKey, retryLostRequest } from '@/lib/api/idempotency';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { type CohortRole, LIST_PAGE_SIZE, cohortKeys, useInvalidateCohort } from './cohorts';

type Schemas = components['schemas'];
export type Member = Schemas['CohortMember'];

export const memberKeys = {
  list: (cohortId: string, filter: { role?: CohortRole; mentorId?: string; page?: number }) =>
    [...cohortKeys.detail(cohortId), 'members', filter] as const,
};

export function membersQuery(api: ApiClient, cohortId: string, filter: { role?: CohortRole; mentorId?: string; page?: number } = {}, enabled = true) {
  return queryOptions({
    queryKey: memberKeys.list(cohortId, filter),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/cohorts/{cohortId}/members', {
          params: {
            path: { cohortId },
            query: {
              ...(filter.role ? { role: filter.role } : {}),
              ...(filter.mentorId ? { mentorId: filter.mentorId } : {}),
              page: filter.page ?? 1,
              pageSize: LIST_PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useMembers(cohortId: string, filter: { role?: CohortRole; mentorId?: string; page?: number } = {}, enabled = true) {
  const api = useApi();
  return useQuery(membersQuery(api, cohortId, filter, enabled));
}

export function useAddMember(cohortId: string) {
  const api = useApi();
  const invalidate = useInvalidateCohort(cohortId);
  return useMutation({
    ...retryLostRequest,
    mutationFn: (body: { email: string; role: CohortRole }, context) =>
      unwrap(
        api.POST('/api/v1/cohorts/{cohortId}/members', {
          params: { path: { cohortId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useRemoveMember(cohortId: string) {
  const api = useApi();
  const invalidate = useInvalidateCohort(cohortId);
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.DELETE('/api/v1/cohorts/{cohortId}/members/{userId}', { params: { path: { cohortId, userId } } })),
    onSuccess: invalidate,
  });
}

/** A learner leaves the cohort: their seat goes to the head of the waitlist. */
export function useLeaveCohort(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.DELETE('/api/v1/cohorts/{cohortId}/members/{userId}', { params: { path: { cohortId, userId } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await queryClient.invalidateQueries({ queryKey: cohortKeys.all });
    },
  });
}

export function useAssignMentor(cohortId: string) {
  const api = useApi();
  const invalidate = useInvalidateCohort(cohortId);
  return useMutation({
    // The member's etag from the roster: a reassignment made meanwhile by someone else is a 412, not overwritten.
    mutationFn: ({ userId, etag, mentorId }: { userId: string; etag?: string; mentorId: string | null }) =>
      unwrap(
        api.PUT('/api/v1/cohorts/{cohortId}/members/{userId}/mentor', {
          params: { path: { cohortId, userId }, header: ifMatch(etag) },
          body: { mentorId },
        }),
      ),
    onSettled: invalidate,
  });
}
