// Notifications (the bell, its panel, the preferences) and private conversations with one's follow-up.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { useLiveEvent } from '@/lib/live/live-context';

type Schemas = components['schemas'];
export type Notification = Schemas['Notification'];
export type NotificationPreferences = Schemas['NotificationPreferences'];
export type NotificationChannel = Schemas['NotificationChannel'];
export type NotificationKind = Schemas['NotificationKind'];
export type Conversation = Schemas['Conversation'];
export type Message = Schemas['Message'];

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  feed: ['notifications', 'feed'] as const,
  preferences: ['notifications', 'preferences'] as const,
  conversations: (cohortId: string) => ['conversations', 'cohort', cohortId] as const,
  conversation: (id: string) => ['conversations', id] as const,
  messages: (id: string) => ['conversations', id, 'messages'] as const,
};

/**
 * The bell's count: refetched when the hub says the feed changed (useLiveNotifications), on focus, and after the live
 * connection comes back (what it missed meanwhile). No poll: the connection retries until it is up again.
 */
export function useUnreadCount() {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/notifications/unread-count', { signal })),
    refetchOnWindowFocus: true,
  });
}

/** On the hub's `notificationsChanged`: refetch the count, and the panel if it is open (the others on their next use). */
export function useLiveNotifications() {
  const queryClient = useQueryClient();
  useLiveEvent('notificationsChanged', () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }));
}

export function useNotifications(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.feed,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/notifications', { params: { query: { pageSize: 20 } }, signal })),
    enabled,
  });
}

export function useMarkRead() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (notificationId: string) => {
      await unwrap(api.POST('/api/v1/me/notifications/{notificationId}/read', { params: { path: { notificationId } } }));
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** Up to the newest notification shown, so one arriving meanwhile stays unread. */
export function useMarkAllRead() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upTo: string | undefined) => unwrap(api.POST('/api/v1/me/notifications/read-all', { params: { query: { upTo } } })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useNotificationPreferences() {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/notification-preferences', { signal })),
    refetchOnWindowFocus: false,
  });
}

export function useUpdateNotificationPreferences() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: Schemas['NotificationPreferencesUpdate']; etag: string }) =>
      unwrap(api.PUT('/api/v1/me/notification-preferences', { params: { header: { 'If-Match': etag } }, body })),
    onSuccess: (preferences) => queryClient.setQueryData(notificationKeys.preferences, preferences),
  });
}

export function useConversations(cohortId: string, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...notificationKeys.conversations(cohortId), page],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}/conversations', { params: { path: { cohortId }, query: { page, pageSize: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Opens (or finds) the conversation of a learner: the caller's own when `learnerId` is left out. */
export function useOpenConversation(cohortId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: (learnerId: string | undefined) =>
      unwrap(api.POST('/api/v1/cohorts/{cohortId}/conversations', { params: { path: { cohortId } }, body: { learnerId } })),
  });
}

export function useConversation(conversationId: string) {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.conversation(conversationId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/conversations/{conversationId}', { params: { path: { conversationId } }, signal })),
  });
}

/**
 * The latest 100 messages. A message notifies the other side, so the hub's `notificationsChanged` is the cue to refetch
 * them: a reply shows up without a reload.
 */
export function useMessages(conversationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const queryKey = notificationKeys.messages(conversationId);
  useLiveEvent('notificationsChanged', () => void queryClient.invalidateQueries({ queryKey }));
  return useQuery({
    queryKey,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/conversations/{conversationId}/messages', { params: { path: { conversationId }, query: { pageSize: 100 } }, signal })),
  });
}

export function useSendMessage(conversationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      unwrap(api.POST('/api/v1/conversations/{conversationId}/messages', { params: { path: { conversationId } }, body: { body } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.messages(conversationId) }),
  });
}

export function useMarkConversationRead(conversationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await unwrap(api.POST('/api/v1/conversations/{conversationId}/read', { params: { path: { conversationId } } }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['conversations'] });
    },
  });
}
