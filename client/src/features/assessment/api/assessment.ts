// Assessment: assignments, submissions, grading, and the home pages' lists ("à rendre", "à corriger").

import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { ifMatch } from '@/lib/api/if-match';
import { useApi } from '@/lib/api/api-context';
import { idempotencyKey, retryLostRequest } from '@/lib/api/idempotency';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type Assignment = Schemas['Assignment'];
export type AssignmentBody = Schemas['AssignmentDefinition'];
export type AssignmentKind = Schemas['AssignmentKind'];
export type LatePolicy = Schemas['LatePolicy'];
export type QuizQuestion = Schemas['QuizQuestion'];
export type QuestionType = Schemas['QuestionType'];
export type QuizAnswer = Schemas['QuizAnswer'];
export type Submission = Schemas['Submission'];
export type Grade = Schemas['Grade'];
export type GradeStatus = Schemas['GradeStatus'];
export type MyAssignment = Schemas['MyAssignment'];
export type SubmissionToGrade = Schemas['SubmissionToGrade'];

/** The API caps pages at 100: a cohort's assignments and an assignment's attempts fit in one or two. */
const PAGE_SIZE = 100;

export const assessmentKeys = {
  all: ['assessment'] as const,
  assignments: (cohortId: string) => ['assessment', 'cohort', cohortId] as const,
  assignment: (assignmentId: string) => ['assessment', 'assignment', assignmentId] as const,
  submissions: (assignmentId: string) => ['assessment', 'assignment', assignmentId, 'submissions'] as const,
  submission: (submissionId: string) => ['assessment', 'submission', submissionId] as const,
  mine: (filter: { cohortId?: string; toDoOnly?: boolean; page?: number }) => ['assessment', 'mine', filter] as const,
  toGrade: (page: number) => ['assessment', 'to-grade', page] as const,
};

export function assignmentsQuery(api: ApiClient, cohortId: string) {
  return queryOptions({
    queryKey: assessmentKeys.assignments(cohortId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}/assignments', { params: { path: { cohortId }, query: { page: 1, pageSize: PAGE_SIZE } }, signal })),
  });
}

export function useAssignments(cohortId: string) {
  return useQuery(assignmentsQuery(useApi(), cohortId));
}

/** The assignment with its ETag: PUT needs If-Match (412 when someone changed it meanwhile). */
export function useAssignment(assignmentId: string) {
  const api = useApi();
  return useQuery({
    queryKey: assessmentKeys.assignment(assignmentId),
    queryFn: async ({ signal }) => {
      const call = api.GET('/api/v1/assignments/{assignmentId}', { params: { path: { assignmentId } }, signal });
      const assignment = await unwrap(call);
      return { assignment, etag: (await call).response.headers.get('ETag') };
    },
    refetchOnWindowFocus: false,
  });
}

export function useCreateAssignment(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    ...retryLostRequest,
    mutationFn: (body: AssignmentBody, context) =>
      unwrap(
        api.POST('/api/v1/cohorts/{cohortId}/assignments', {
          params: { path: { cohortId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentKeys.all }),
  });
}

export function useUpdateAssignment(assignmentId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: AssignmentBody; etag: string | null }) =>
      unwrap(
        api.PUT('/api/v1/assignments/{assignmentId}', {
          params: { path: { assignmentId }, header: ifMatch(etag) },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentKeys.all }),
  });
}

/** The caller's assignments as a learner: one cohort's (with their state), or "à rendre" across cohorts. */
export function useMyAssignments(filter: { cohortId?: string; toDoOnly?: boolean; page?: number }, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: assessmentKeys.mine(filter),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/me/assignments', {
          params: { query: { cohortId: filter.cohortId, toDoOnly: filter.toDoOnly, page: filter.page ?? 1, pageSize: filter.cohortId ? PAGE_SIZE : 20 } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** "À corriger": the latest attempts waiting for the caller's grading, across their cohorts. */
export function useToGrade(page: number) {
  const api = useApi();
  return useQuery({
    queryKey: assessmentKeys.toGrade(page),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/to-grade', { params: { query: { page, pageSize: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/**
 * Every page of a list the API pages by 100: a cohort of more than 100 learners stays whole, so the grading screen walks
 * (J/K) through all of them.
 */
async function allPages<T>(fetchPage: (page: number) => Promise<{ items: T[]; totalCount: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const next = await fetchPage(page);
    items.push(...next.items);
    if (next.items.length === 0 || items.length >= next.totalCount) return items;
  }
}

/** Each learner's latest attempt (a group's hand-in: one copy per member), oldest hand-in first: what a grader walks through. */
export function useLatestSubmissions(assignmentId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: assessmentKeys.submissions(assignmentId),
    queryFn: ({ signal }) =>
      allPages((page) =>
        unwrap(
          api.GET('/api/v1/assignments/{assignmentId}/submissions', {
            params: { path: { assignmentId }, query: { latestOnly: true, page, pageSize: PAGE_SIZE } },
            signal,
          }),
        ),
      ),
    enabled,
  });
}

/** A group's hand-in is one copy per member, graded once: listed once, by its first copy. */
export function onePerHandIn(submissions: readonly Submission[]): Submission[] {
  return submissions.filter((s, i) => !s.groupId || submissions.findIndex((other) => other.groupId === s.groupId && other.attempt === s.attempt) === i);
}

export function useSubmission(submissionId: string | null | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: assessmentKeys.submission(submissionId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/submissions/{submissionId}', { params: { path: { submissionId: submissionId ?? '' } }, signal })),
    enabled: Boolean(submissionId),
    refetchOnWindowFocus: false,
  });
}

export function useCreateSubmission(assignmentId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    ...retryLostRequest,
    mutationFn: (body: Schemas['SubmissionCreate'], context) =>
      unwrap(
        api.POST('/api/v1/assignments/{assignmentId}/submissions', {
          params: { path: { assignmentId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentKeys.all }),
  });
}

/** PUT the grade; `etag` is the grade's version once one exists (a stale one is 412: someone else graded meanwhile). */
export function useGradeSubmission(submissionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: Schemas['GradeUpdate']; etag: string | null }) =>
      unwrap(
        api.PUT('/api/v1/submissions/{submissionId}/grade', {
          params: { path: { submissionId }, header: ifMatch(etag) },
          body,
        }),
      ),
    onSuccess: (grade) => {
      queryClient.setQueryData<Submission>(assessmentKeys.submission(submissionId), (old) => (old ? { ...old, grade } : old));
      void queryClient.invalidateQueries({ queryKey: ['assessment', 'to-grade'] });
      void queryClient.invalidateQueries({ queryKey: ['assessment', 'assignment'] });
    },
  });
}

/** Learners' display names in a cohort (GET /members), to put a name on each submission's author. */
export function useLearnerNames(cohortId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['cohorts', cohortId ?? '', 'members', 'names'],
    queryFn: async ({ signal }) => {
      const members = await allPages((page) =>
        unwrap(api.GET('/api/v1/cohorts/{cohortId}/members', { params: { path: { cohortId: cohortId ?? '' }, query: { role: 'Learner', page, pageSize: PAGE_SIZE } }, signal })),
      );
      return new Map(members.map((member) => [member.userId, member.displayName]));
    },
    enabled: Boolean(cohortId),
  });
}

/** GET a file handed in (an attachment) with the bearer token, then hand it to the browser as a download. */
export function useDownloadSubmissionFile(submissionId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async (fileId: string) => {
      const call = api.GET('/api/v1/submissions/{submissionId}/files/{fileId}', { params: { path: { submissionId, fileId } }, parseAs: 'blob' });
      const blob = (await unwrap(call)) as unknown as Blob;
      const disposition = (await call).response.headers.get('Content-Disposition') ?? '';
      const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
      const href = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = href;
      link.download = match ? decodeURIComponent(match[1] ?? match[2] ?? 'file') : 'file';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    },
  });
}
