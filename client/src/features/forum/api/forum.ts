// Forums: a cohort's threads (its forum, group spaces, announcements), a thread's posts, and staff moderation.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { useLiveEvent, useThreadLive } from '@/lib/live/live-context';

type Schemas = components['schemas'];
export type ThreadSummary = Schemas['ForumThreadSummary'];
export type Thread = Schemas['ForumThread'];
export type Post = Schemas['ForumPost'];
export type ForumSpace = Schemas['ForumSpace'];

export const REACTIONS = { thumbsup: '👍', heart: '❤️', tada: '🎉', laugh: '😄', thinking: '🤔', eyes: '👀' } as const;
export type Reaction = keyof typeof REACTIONS;

export const forumKeys = {
  all: ['forum'] as const,
  list: (cohortId: string, filter: { space?: ForumSpace; q?: string; page: number }) => ['forum', 'cohort', cohortId, filter] as const,
  summary: (cohortId: string) => ['forum', 'cohort', cohortId, 'summary'] as const,
  thread: (threadId: string, page: number) => ['forum', 'thread', threadId, page] as const,
  threadPages: (threadId: string) => ['forum', 'thread', threadId] as const,
};

export function useThreads(cohortId: string, filter: { space?: ForumSpace; q?: string; page: number }) {
  const api = useApi();
  return useQuery({
    queryKey: forumKeys.list(cohortId, filter),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}/threads', {
        params: { path: { cohortId }, query: { space: filter.space, q: filter.q || undefined, page: filter.page, pageSize: 20 } },
        signal,
      })),
    placeholderData: keepPreviousData,
  });
}

export function useForumSummary(cohortId: string) {
  const api = useApi();
  return useQuery({
    queryKey: forumKeys.summary(cohortId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cohorts/{cohortId}/forum', { params: { path: { cohortId } }, signal })),
  });
}

/**
 * A thread's page of posts, live: the connection joins the thread's group while it is shown, and each `postPublished`
 * of this thread refetches its pages (the push carries ids only, ADR 0026).
 */
export function useThread(threadId: string, page: number) {
  const api = useApi();
  const client = useQueryClient();
  useThreadLive(threadId);
  useLiveEvent('postPublished', (published) => {
    if (published.threadId === threadId) void client.invalidateQueries({ queryKey: forumKeys.threadPages(threadId) });
  });
  return useQuery({
    queryKey: forumKeys.thread(threadId, page),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/threads/{threadId}', { params: { path: { threadId }, query: { page, pageSize: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Every forum mutation refreshes the forum's queries: lists, counts and the thread. */
function useForumMutation<T>(run: (api: ReturnType<typeof useApi>, input: T) => Promise<unknown>) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: T) => run(api, input),
    onSuccess: () => client.invalidateQueries({ queryKey: forumKeys.all }),
  });
}

export const useCreateThread = (cohortId: string) =>
  useForumMutation((api, body: Schemas['ThreadCreate']) =>
    unwrap(api.POST('/api/v1/cohorts/{cohortId}/threads', { params: { path: { cohortId } }, body })));

export const useReply = (threadId: string) =>
  useForumMutation((api, body: Schemas['PostCreate']) => unwrap(api.POST('/api/v1/threads/{threadId}/posts', { params: { path: { threadId } }, body })));

export const useEditPost = () =>
  useForumMutation((api, { postId, body }: { postId: string; body: string }) =>
    unwrap(api.PATCH('/api/v1/posts/{postId}', { params: { path: { postId } }, body: { body } })));

export const useDeletePost = () =>
  useForumMutation((api, postId: string) => unwrap(api.DELETE('/api/v1/posts/{postId}', { params: { path: { postId } } })));

export const useHidePost = () =>
  useForumMutation((api, { postId, reason }: { postId: string; reason: string | null }) =>
    reason === null
      ? unwrap(api.DELETE('/api/v1/posts/{postId}/hidden', { params: { path: { postId } } }))
      : unwrap(api.POST('/api/v1/posts/{postId}/hidden', { params: { path: { postId } }, body: { reason } })));

export const useReact = () =>
  useForumMutation((api, { postId, emoji, mine }: { postId: string; emoji: Reaction; mine: boolean }) =>
    mine
      ? unwrap(api.DELETE('/api/v1/posts/{postId}/reactions/{emoji}', { params: { path: { postId, emoji } } }))
      : unwrap(api.POST('/api/v1/posts/{postId}/reactions/{emoji}', { params: { path: { postId, emoji } } })));

/** Rename (its author or staff), pin or lock (staff); `version` makes it conditional (412 when someone changed it meanwhile). */
export const useUpdateThread = (threadId: string) =>
  useForumMutation((api, { version, ...body }: Schemas['ThreadUpdate'] & { version?: string }) =>
    unwrap(api.PATCH('/api/v1/threads/{threadId}', {
      params: { path: { threadId }, header: version ? { 'If-Match': `"${version.replaceAll('-', '')}"` } : {} },
      body,
    })));

export const useMarkAnswer = (threadId: string) =>
  useForumMutation((api, postId: string | null) =>
    unwrap(api.PUT('/api/v1/threads/{threadId}/answer', { params: { path: { threadId } }, body: { postId } })));
