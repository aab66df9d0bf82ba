// Courses: list, create, read and update with ETags.

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { ifMatch } from '@/lib/api/if-match';
import { idempotencyKey, retryLostRequest } from '@/lib/api/idempotency';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { outlineKeys } from './outline';

type Schemas = components['schemas'];
export type CreateCourseBody = Schemas['CourseCreate'];
export type Course = Schemas['Course'];
export type UpdateCourseBody = Schemas['CourseUpdate'];

export const courseKeys = {
  all: ['courses'] as const,
  list: ['courses', 'list'] as const,
  edit: (courseId: string) => ['courses', courseId, 'edit'] as const,
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

/** A new draft copy of the course (same organisation, "… (copie)"), with its sections and activities. */
export function useDuplicateCourse(courseId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    ...retryLostRequest,
    mutationFn: (_: undefined, context) =>
      unwrap(api.POST('/api/v1/courses/{courseId}/duplicate', { params: { path: { courseId }, header: { 'Idempotency-Key': idempotencyKey(context) } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: courseKeys.list }),
  });
}

/** The courses the caller may see (drafts only for their staff). */
export function coursesQuery(api: ApiClient) {
  return queryOptions({
    queryKey: courseKeys.list,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/courses', { params: { query: { page: 1, pageSize: 100 } }, signal })),
  });
}

export function useCourses() {
  const api = useApi();
  return useQuery(coursesQuery(api));
}

/** The course with its ETag: PUT needs If-Match (412 when someone changed it meanwhile). */
export function courseForEditQuery(api: ApiClient, courseId: string) {
  return queryOptions({
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

export function useCourseForEdit(courseId: string) {
  const api = useApi();
  return useQuery(courseForEditQuery(api, courseId));
}

export function useUpdateCourse(courseId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: UpdateCourseBody; etag: string | null }) => {
      const call = api.PUT('/api/v1/courses/{courseId}', {
        params: { path: { courseId }, header: ifMatch(etag) },
        body,
      });
      const course = await unwrap(call);
      return { course, etag: (await call).response.headers.get('ETag') };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(courseKeys.edit(courseId), saved);
      void queryClient.invalidateQueries({ queryKey: courseKeys.list });
      void queryClient.invalidateQueries({ queryKey: outlineKeys.outline(courseId) });
    },
  });
}
