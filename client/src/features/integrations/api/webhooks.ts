// Webhooks: the organisation's events POSTed, signed, to other systems' https endpoints, with a delivery log.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import { idempotencyKey, retryLostRequest } from '@/lib/api/idempotency';
import { ifMatch } from '@/lib/api/if-match';
import type { components } from '@/lib/api/schema';
import { secretAnswer } from './secret-answer';

type Schemas = components['schemas'];
export type Webhook = Schemas['Webhook'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
/** Holds a secret shown once: it goes back to the component that shows it, never into the cache. */
export type WebhookCredentials = Schemas['WebhookCredentials'];

/** The event types one subscribes to (WebhookEventTypes.cs), in the order the form lists them. */
export const webhookEventTypes = [
  'application.decided',
  'enrolment.created',
  'enrolment.withdrawn',
  'activity.completed',
  'submission.received',
  'grade.released',
  'attendance.recorded',
  'certificate.issued',
  'certificate.revoked',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
/** Sent by the test ping only: in the log, never subscribed to. */
export const pingEventType = 'webhook.ping';

export const deliveryStates = ['Pending', 'Sending', 'Succeeded', 'Failed'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export interface DeliveryFilter {
  state: DeliveryState | null;
  eventType: string | null;
  page: number;
}

const WEBHOOKS_PAGE_SIZE = 20;
const DELIVERIES_PAGE_SIZE = 20;
/** How often the log is read again while a delivery is on its way (the sender picks it up within seconds). */
const DELIVERY_POLL_MS = 3_000;

export const webhookKeys = {
  all: ['webhooks'] as const,
  lists: () => [...webhookKeys.all, 'organization'] as const,
  list: (organizationId: string, page: number) => [...webhookKeys.lists(), organizationId, page] as const,
  one: (webhookId: string) => [...webhookKeys.all, webhookId] as const,
  detail: (webhookId: string) => [...webhookKeys.one(webhookId), 'detail'] as const,
  deliveries: (webhookId: string) => [...webhookKeys.one(webhookId), 'deliveries'] as const,
  deliveryList: (webhookId: string, filter: DeliveryFilter) => [...webhookKeys.deliveries(webhookId), 'list', filter] as const,
  // A new attempt, or a new state, is a new version of the delivery: the log's polling reads it again.
  delivery: (webhookId: string, { id, state, attempts }: WebhookDelivery) => [...webhookKeys.deliveries(webhookId), id, state, attempts] as const,
};

export function useWebhooks(organizationId: string, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: webhookKeys.list(organizationId, page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/organizations/{orgId}/webhooks', {
          params: { path: { orgId: organizationId }, query: { page, pageSize: WEBHOOKS_PAGE_SIZE } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** One webhook with its ETag: a change is conditional on the version shown. */
export function useWebhook(webhookId: string) {
  const api = useApi();
  return useQuery({
    queryKey: webhookKeys.detail(webhookId),
    queryFn: async ({ signal }) => {
      const call = api.GET('/api/v1/webhooks/{webhookId}', { params: { path: { webhookId } }, signal });
      const webhook = await unwrap(call);
      return { webhook, etag: (await call).response.headers.get('ETag') };
    },
  });
}

export function useCreateWebhook(organizationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    ...secretAnswer,
    mutationFn: (body: { url: string; eventTypes: string[]; description: string | null }, context) =>
      unwrap(
        api.POST('/api/v1/organizations/{orgId}/webhooks', {
          params: { path: { orgId: organizationId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

interface WebhookChange {
  url: string;
  eventTypes: string[];
  description: string | null;
  paused: boolean;
}

export function useUpdateWebhook(webhookId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: WebhookChange; etag: string | null }) =>
      unwrap(api.PUT('/api/v1/webhooks/{webhookId}', { params: { path: { webhookId }, header: ifMatch(etag) }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

/** Enables a paused webhook, or one disabled after failing. */
export function useEnableWebhook(webhookId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/webhooks/{webhookId}/enable', { params: { path: { webhookId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useDeleteWebhook(webhookId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/webhooks/{webhookId}', { params: { path: { webhookId } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: webhookKeys.one(webhookId) });
      return queryClient.invalidateQueries({ queryKey: webhookKeys.lists() });
    },
  });
}

export function useRotateWebhookSecret(webhookId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    ...secretAnswer,
    mutationFn: (overlapHours: number, context) =>
      unwrap(
        api.POST('/api/v1/webhooks/{webhookId}/rotate-secret', {
          params: { path: { webhookId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
          body: { overlapHours },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

/** Queues a signed `webhook.ping`; it shows in the log. */
export function usePingWebhook(webhookId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    ...retryLostRequest,
    mutationFn: (_: undefined, context) =>
      unwrap(
        api.POST('/api/v1/webhooks/{webhookId}/ping', {
          params: { path: { webhookId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(webhookId) }),
  });
}

export function useResendDelivery(webhookId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    ...retryLostRequest,
    mutationFn: (deliveryId: string, context) =>
      unwrap(
        api.POST('/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/resend', {
          params: { path: { webhookId, deliveryId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(webhookId) }),
  });
}

const onItsWay = (delivery: WebhookDelivery) => delivery.state === 'Pending' || delivery.state === 'Sending';

/** The delivery log, newest first; read again every few seconds while a delivery is on its way. */
export function useDeliveries(webhookId: string, filter: DeliveryFilter) {
  const api = useApi();
  return useQuery({
    queryKey: webhookKeys.deliveryList(webhookId, filter),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/webhooks/{webhookId}/deliveries', {
          params: {
            path: { webhookId },
            query: {
              state: filter.state ?? undefined,
              eventType: filter.eventType ?? undefined,
              page: filter.page,
              pageSize: DELIVERIES_PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(onItsWay) ? DELIVERY_POLL_MS : false),
  });
}

/** One delivery's body and attempts, read when its row is opened, and again when the log shows it changed. */
export function useDelivery(webhookId: string, delivery: WebhookDelivery) {
  const api = useApi();
  return useQuery({
    queryKey: webhookKeys.delivery(webhookId, delivery),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}', {
          params: { path: { webhookId, deliveryId: delivery.id } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** How the screens name a webhook: its description, else its URL. */
export const webhookName = (webhook: Webhook) => webhook.description?.trim() || webhook.url;
