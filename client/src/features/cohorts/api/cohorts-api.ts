import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { idempotencyKey, retryLostRequest } from '@/lib/api/idempotency';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { meQueryKey } from '@/lib/auth/session-context';

type Schemas = components['schemas'];
export type Cohort = Schemas['CohortResponse'];
export type AdmissionMode = Schemas['AdmissionMode'];
export type CohortRole = Schemas['CohortRole'];
export type Application = Schemas['ApplicationResponse'];
export type ApplicationStatus = Schemas['ApplicationStatus'];
export type Decision = Schemas['DecideApplicationDecision'];
export type Member = Schemas['ListMembersMember'];
export type Group = Schemas['GroupResponse'];
export type Invitation = Schemas['ListInvitationsInvitation'];
export type EnrolmentOutcome = Schemas['EnrolEmployeesOutcome'];
export type Course = Schemas['CourseResponse'];
export type CreateCohortBody = Schemas['CreateCohortCommand'];
export type ApplyBody = Schemas['ApplyToCohortRequest'];
export type CohortCapability = Schemas['CohortCapability'];
export type PartnershipItem = Schemas['ListPartnershipsItem'];

/** What the caller may do in this cohort: the API's capability table decides, the UI only reads it. */
export function can(cohort: Pick<Cohort, 'capabilities'>, capability: CohortCapability): boolean {
  return cohort.capabilities.includes(capability);
}

export const admissionModes: readonly AdmissionMode[] = ['Application', 'InviteOnly', 'OrganizationEnrollment'];
export const applicationStatuses: readonly ApplicationStatus[] = ['Submitted', 'Waitlisted', 'Admitted', 'Rejected', 'Withdrawn'];

/** The API's lists cap pageSize at 100: enough for a cohort (200 seats at most: two pages). */
export const LIST_PAGE_SIZE = 100;

export const cohortKeys = {
  all: ['cohorts'] as const,
  list: (filter: 'open' | 'mine') => ['cohorts', 'list', filter] as const,
  detail: (cohortId: string) => ['cohorts', cohortId] as const,
  applications: (cohortId: string, status: ApplicationStatus | 'all', page: number) =>
    ['cohorts', cohortId, 'applications', status, page] as const,
  members: (cohortId: string, filter: { role?: CohortRole; mentorId?: string; page?: number }) =>
    ['cohorts', cohortId, 'members', filter] as const,
  groups: (cohortId: string) => ['cohorts', cohortId, 'groups'] as const,
  invitations: (cohortId: string, page: number) => ['cohorts', cohortId, 'invitations', page] as const,
  myApplications: (page: number) => ['me', 'applications', page] as const,
  partnerships: (organizationId: string) => ['partnerships', organizationId] as const,
  courses: ['courses', 'list'] as const,
};

/** Cohorts open for application now (GET /cohorts?openForApplication=true). */
export function useOpenCohorts(page: number) {
  const api = useApi();
  return useQuery({
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

/** Every cohort the caller may see: theirs, their organisations' (admins), and those open to them. */
export function useVisibleCohorts() {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.list('mine'),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts', { params: { query: { page: 1, pageSize: LIST_PAGE_SIZE } }, signal })),
  });
}

export type UpdateCohortBody = Schemas['UpdateCohortRequest'];

/** The cohort with its ETag, for the settings form (PUT needs If-Match; 412 when someone changed it meanwhile). */
export function useCohortForEdit(cohortId: string) {
  const api = useApi();
  return useQuery({
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

export function useUpdateCohort(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: UpdateCohortBody; etag: string | null }) =>
      unwrap(
        api.PUT('/api/v1/cohorts/{cohortId}', {
          params: { path: { cohortId }, header: etag ? { 'If-Match': etag } : {} },
          body,
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: cohortKeys.detail(cohortId) });
      await queryClient.invalidateQueries({ queryKey: cohortKeys.all });
    },
  });
}

export function useCohort(cohortId: string) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.detail(cohortId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}', { params: { path: { cohortId } }, signal })),
  });
}

/** Courses of the caller's organisations, for the cohort form's course select. */
export function useCourseOptions() {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.courses,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/courses', { params: { query: { page: 1, pageSize: LIST_PAGE_SIZE } }, signal })),
  });
}

/** The trainers of an organisation, among whom its admin names a new cohort's trainer. */
export function useOrganizationTrainers(organizationId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['organizations', organizationId, 'trainers'] as const,
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

export function useMyApplications(page: number) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.myApplications(page),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/me/applications', { params: { query: { page, pageSize: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
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

export function useApplications(cohortId: string, status: ApplicationStatus | 'all', page: number) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.applications(cohortId, status, page),
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

/** Anything that moves seats or the waitlist: refresh the cohort's counts and lists. */
function useInvalidateCohort(cohortId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: cohortKeys.detail(cohortId) });
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

export function useMembers(cohortId: string, filter: { role?: CohortRole; mentorId?: string; page?: number } = {}, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.members(cohortId, filter),
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
          params: { path: { cohortId, userId }, header: etag ? { 'If-Match': etag } : {} },
          body: { mentorId },
        }),
      ),
    onSettled: invalidate,
  });
}

export function useEnrol(cohortId: string) {
  const api = useApi();
  const invalidate = useInvalidateCohort(cohortId);
  return useMutation({
    ...retryLostRequest,
    mutationFn: (emails: string[], context) =>
      unwrap(
        api.POST('/api/v1/cohorts/{cohortId}/enrolments', {
          params: { path: { cohortId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
          body: { emails },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useInvitations(cohortId: string, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.invitations(cohortId, page),
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

export function useGroups(cohortId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.groups(cohortId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}/groups', { params: { path: { cohortId } }, signal })),
    enabled,
  });
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

/** Cohorts of other organisations waiting for this organisation's consent (its admins answer). */
export function usePendingPartnerships(organizationId: string) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.partnerships(organizationId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/organizations/{organizationId}/partnerships', {
          params: { path: { organizationId }, query: { status: 'Pending', page: 1, pageSize: LIST_PAGE_SIZE } },
          signal,
        }),
      ),
  });
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
      await queryClient.invalidateQueries({ queryKey: cohortKeys.partnerships(organizationId) });
      await queryClient.invalidateQueries({ queryKey: cohortKeys.all });
    },
  });
}
