import { useMutation, useQuery, useQueryClient, type MutationFunctionContext } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { idempotencyKey, retryLostRequest } from '@/lib/api/idempotency';
import { useApi, useTokens } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { uploadWithProgress, type UploadProgress } from '@/lib/api/upload';
import { i18n } from '@/lib/i18n/i18n';

type Schemas = components['schemas'];
export type CreateCourseBody = Schemas['CreateCourseCommand'];
export type Course = Schemas['CourseResponse'];
export type UpdateCourseBody = Schemas['UpdateCourseRequest'];
export type Outline = Schemas['GetCourseOutlineResponse'];
export type OutlineSection = Schemas['GetCourseOutlineOutlineSection'];
export type Activity = Schemas['ActivityResponse'];
export type ActivityInput = Schemas['ActivityInput'];
export type ActivityKind = Schemas['ActivityKind'];
export type Schedule = Schemas['GetScheduleResponse'];
export type ScheduledActivity = Schemas['GetScheduleScheduledActivity'];
export type Progress = Schemas['GetProgressResponse'];
export type ProgressRow = Schemas['GetProgressLearnerRow'];
export type PacingBody = Schemas['SetPacingRequest'];
export type Pacing = Schemas['GetPacingResponse'];
export type UploadedFile = Schemas['UploadFileResponse'];

export const activityKinds: readonly ActivityKind[] = ['Lesson', 'Resource', 'Video', 'Preparation'];

export const courseKeys = {
  all: ['courses'] as const,
  list: ['courses', 'list'] as const,
  edit: (courseId: string) => ['courses', courseId, 'edit'] as const,
  outline: (courseId: string) => ['courses', courseId, 'outline'] as const,
  schedule: (cohortId: string, userId?: string) => ['cohorts', cohortId, 'schedule', userId ?? 'me'] as const,
  progress: (cohortId: string) => ['cohorts', cohortId, 'progress'] as const,
  pacing: (cohortId: string, userId: string) => ['cohorts', cohortId, 'pacing', userId] as const,
};

export function useCreateCourse() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    ...retryLostRequest,
    mutationFn: (body: CreateCourseBody, context) =>
      unwrap(api.POST('/api/v1/courses', { body, params: { header: { 'Idempotency-Key': idempotencyKey(context) } } })),
    // The cohort form's course select reads ['courses', 'list'].
    onSuccess: () => queryClient.invalidateQueries({ queryKey: courseKeys.all }),
  });
}

/** The courses the caller may see (drafts only for their staff). */
export function useCourses() {
  const api = useApi();
  return useQuery({
    queryKey: courseKeys.list,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/courses', { params: { query: { page: 1, pageSize: 100 } }, signal })),
  });
}

/** The course with its ETag: PUT needs If-Match (412 when someone changed it meanwhile). */
export function useCourseForEdit(courseId: string) {
  const api = useApi();
  return useQuery({
    queryKey: courseKeys.edit(courseId),
    queryFn: async ({ signal }) => {
      const call = api.GET('/api/v1/courses/{courseId}', { params: { path: { courseId } }, signal });
      const course = await unwrap(call);
      const etag = (await call).response.headers.get('ETag');
      return { course, etag };
    },
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useUpdateCourse(courseId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: UpdateCourseBody; etag: string | null }) => {
      const call = api.PUT('/api/v1/courses/{courseId}', {
        params: { path: { courseId }, header: etag ? { 'If-Match': etag } : {} },
        body,
      });
      const course = await unwrap(call);
      return { course, etag: (await call).response.headers.get('ETag') };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(courseKeys.edit(courseId), saved);
      void queryClient.invalidateQueries({ queryKey: courseKeys.list });
      void queryClient.invalidateQueries({ queryKey: courseKeys.outline(courseId) });
    },
  });
}

export function useOutline(courseId: string) {
  const api = useApi();
  return useQuery({
    queryKey: courseKeys.outline(courseId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/courses/{courseId}/outline', { params: { path: { courseId } }, signal })),
    enabled: courseId !== '',
  });
}

/** Sends the tag read with the outline: someone else's change in between is a 412, never silently overwritten. */
function ifMatch(etag: string | undefined) {
  return etag ? { 'If-Match': etag } : {};
}

function useOutlineMutation<V, R>(courseId: string, run: (variables: V, context: MutationFunctionContext) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    // On a 412 too: the outline is reloaded with the other person's change and its new tags.
    onSettled: () => queryClient.invalidateQueries({ queryKey: courseKeys.outline(courseId) }),
  });
}

export function useAddSection(courseId: string) {
  const api = useApi();
  return useOutlineMutation(courseId, (body: { title: string }, context: MutationFunctionContext) =>
    unwrap(
      api.POST('/api/v1/courses/{courseId}/sections', {
        params: { path: { courseId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
        body,
      }),
    ),
  );
}

export function useUpdateSection(courseId: string) {
  const api = useApi();
  return useOutlineMutation(courseId, ({ sectionId, etag, title, position }: { sectionId: string; etag?: string; title: string; position: number }) =>
    unwrap(
      api.PUT('/api/v1/courses/{courseId}/sections/{sectionId}', {
        params: { path: { courseId, sectionId }, header: ifMatch(etag) },
        body: { title, position },
      }),
    ),
  );
}

export function useSaveActivity(courseId: string) {
  const api = useApi();
  return useOutlineMutation(courseId, ({ activityId, etag, body }: { activityId?: string; etag?: string; body: ActivityInput }, context: MutationFunctionContext) =>
    activityId
      ? unwrap(api.PUT('/api/v1/courses/{courseId}/activities/{activityId}', { params: { path: { courseId, activityId }, header: ifMatch(etag) }, body }))
      : unwrap(
          api.POST('/api/v1/courses/{courseId}/activities', {
            params: { path: { courseId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
            body,
          }),
        ),
  );
}

export function useDeleteActivity(courseId: string) {
  const api = useApi();
  return useOutlineMutation(courseId, ({ id: activityId, etag }: { id: string; etag?: string }) =>
    unwrap(api.DELETE('/api/v1/courses/{courseId}/activities/{activityId}', { params: { path: { courseId, activityId }, header: ifMatch(etag) } })),
  );
}

/**
 * POST /files with upload progress (XMLHttpRequest). A 401 (access token expired) refreshes through
 * the typed client (GET /me) and retries once.
 */
export function useUploadFile() {
  const api = useApi();
  const tokens = useTokens();
  return useMutation({
    mutationFn: async ({ file, onProgress }: { file: File; onProgress: (progress: UploadProgress) => void }) => {
      const url = `${globalThis.location?.origin ?? ''}/api/v1/files`;
      const send = () =>
        uploadWithProgress<UploadedFile>({ url, file, token: tokens.getAccessToken(), language: i18n.resolvedLanguage, onProgress });
      try {
        return await send();
      } catch (error) {
        if ((error as { status?: number }).status !== 401) throw error;
        await unwrap(api.GET('/api/v1/me'));
        return send();
      }
    },
  });
}

/** The caller's schedule in a cohort, or a learner's (staff: `userId`). */
export function useSchedule(cohortId: string, userId?: string) {
  const api = useApi();
  return useQuery({
    queryKey: courseKeys.schedule(cohortId, userId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/cohorts/{cohortId}/schedule', {
          params: { path: { cohortId }, query: userId ? { userId } : {} },
          signal,
        }),
      ),
  });
}

export function useMarkDone(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (activityId: string) =>
      unwrap(api.POST('/api/v1/cohorts/{cohortId}/activities/{activityId}/completion', { params: { path: { cohortId, activityId } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['cohorts', cohortId, 'schedule'] });
      await queryClient.invalidateQueries({ queryKey: courseKeys.progress(cohortId) });
    },
  });
}

export function useProgress(cohortId: string) {
  const api = useApi();
  return useQuery({
    queryKey: courseKeys.progress(cohortId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cohorts/{cohortId}/progress', { params: { path: { cohortId } }, signal })),
  });
}

/** A learner's pacing as the staff last set it (shifts and extra resources in Markdown), with the ETag its PUT sends back as If-Match. */
export function usePacing(cohortId: string, userId: string) {
  const api = useApi();
  return useQuery({
    queryKey: courseKeys.pacing(cohortId, userId),
    queryFn: async ({ signal }) => {
      const call = api.GET('/api/v1/cohorts/{cohortId}/members/{userId}/pacing', { params: { path: { cohortId, userId } }, signal });
      const pacing = await unwrap(call);
      return { ...pacing, etag: (await call).response.headers.get('ETag') ?? undefined };
    },
  });
}

export function useSetPacing(cohortId: string, userId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: PacingBody; etag?: string }) =>
      unwrap(api.PUT('/api/v1/cohorts/{cohortId}/members/{userId}/pacing', { params: { path: { cohortId, userId }, header: ifMatch(etag) }, body })),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['cohorts', cohortId, 'schedule'] });
      await queryClient.invalidateQueries({ queryKey: courseKeys.pacing(cohortId, userId) });
    },
  });
}

/** The cohort's title and zone for the course pages (GET /cohorts/{id}). */
export function useCohortSummary(cohortId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['cohorts', cohortId] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cohorts/{cohortId}', { params: { path: { cohortId } }, signal })),
  });
}

/** GET the activity's file (an attachment) with the bearer token, then hand it to the browser as a download. */
export function useDownloadActivityFile(cohortId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async (activityId: string) => {
      const call = api.GET('/api/v1/cohorts/{cohortId}/activities/{activityId}/file', {
        params: { path: { cohortId, activityId } },
        parseAs: 'blob',
      });
      const blob = (await unwrap(call)) as unknown as Blob;
      const disposition = (await call).response.headers.get('Content-Disposition') ?? '';
      const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
      const name = match ? decodeURIComponent(match[1] ?? match[2] ?? 'file') : 'file';
      const href = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = href;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      return name;
    },
  });
}
