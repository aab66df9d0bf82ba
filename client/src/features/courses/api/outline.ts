// A course's outline: sections and activities, each change sent with the If-Match of what was read.

import { queryOptions, useMutation, useQuery, useQueryClient, type MutationFunctionContext } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { ifMatch } from '@/lib/api/if-match';
import { idempotencyKey } from '@/lib/api/idempotency';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type Outline = Schemas['CourseOutline'];
export type OutlineSection = Schemas['OutlineSection'];
export type Activity = Schemas['Activity'];
export type ActivityInput = Schemas['ActivityDefinition'];
export type ActivityKind = Schemas['ActivityKind'];

export const activityKinds: readonly ActivityKind[] = ['Lesson', 'Resource', 'Video', 'Preparation'];

export const outlineKeys = {
  outline: (courseId: string) => ['courses', courseId, 'outline'] as const,
};

export function outlineQuery(api: ApiClient, courseId: string) {
  return queryOptions({
    queryKey: outlineKeys.outline(courseId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/courses/{courseId}/outline', { params: { path: { courseId } }, signal })),
    enabled: courseId !== '',
  });
}

export function useOutline(courseId: string) {
  const api = useApi();
  return useQuery(outlineQuery(api, courseId));
}

function useOutlineMutation<V, R>(courseId: string, run: (variables: V, context: MutationFunctionContext) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    // On a 412 too: the outline is reloaded with the other person's change and its new tags.
    onSettled: () => queryClient.invalidateQueries({ queryKey: outlineKeys.outline(courseId) }),
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

export type OutlineOrderBody = Schemas['OutlineOrder'];

/** The whole new order in one request, with the outline's tag: a change by someone else in between is a 412, then a reload. */
export function useReorderOutline(courseId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useOutlineMutation(courseId, ({ etag, body }: { etag?: string; body: OutlineOrderBody }) =>
    unwrap(api.PUT('/api/v1/courses/{courseId}/outline/order', { params: { path: { courseId }, header: ifMatch(etag) }, body })).then((outline) => {
      queryClient.setQueryData(outlineKeys.outline(courseId), outline);
      return outline;
    }),
  );
}

export function useDeleteSection(courseId: string) {
  const api = useApi();
  return useOutlineMutation(courseId, ({ id: sectionId, etag }: { id: string; etag?: string }) =>
    unwrap(api.DELETE('/api/v1/courses/{courseId}/sections/{sectionId}', { params: { path: { courseId, sectionId }, header: ifMatch(etag) } })),
  );
}

/** What deleting a section or an activity would take away, read when its confirmation opens (never cached: counts move). */
export function useDeletionImpact(courseId: string, target: { kind: 'section' | 'activity'; id: string } | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['courses', courseId, 'impact', target?.kind, target?.id],
    queryFn: ({ signal }) =>
      target?.kind === 'section'
        ? unwrap(api.GET('/api/v1/courses/{courseId}/sections/{sectionId}/impact', { params: { path: { courseId, sectionId: target.id } }, signal }))
        : unwrap(api.GET('/api/v1/courses/{courseId}/activities/{activityId}/impact', { params: { path: { courseId, activityId: target?.id ?? '' } }, signal })),
    enabled: target !== null,
    gcTime: 0,
    staleTime: 0,
  });
}
