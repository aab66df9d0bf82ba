// API clients: other systems acting for the organisation within their scopes (docs/integrations.md).

import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import { idempotencyKey } from '@/lib/api/idempotency';
import { ifMatch } from '@/lib/api/if-match';
import type { components } from '@/lib/api/schema';
import { secretAnswer } from './secret-answer';

type Schemas = components['schemas'];
export type OrganizationApiClient = Schemas['ApiClient'];
/** Holds a secret shown once: it goes back to the component that shows it, never into the cache. */
export type ApiClientCredentials = Schemas['ApiClientCredentials'];

/** The scopes the API grants (docs/openapi.json, `clientCredentials`), in the order the form lists them. */
export const apiClientScopes = ['cohorts:read', 'members:read', 'enrolments:write', 'progress:read', 'grades:read', 'certificates:read'] as const;
export type ApiClientScope = (typeof apiClientScopes)[number];

export const API_CLIENTS_PAGE_SIZE = 20;

export const apiClientKeys = {
  all: (organizationId: string) => ['organizations', organizationId, 'api-clients'] as const,
  list: (organizationId: string, page: number) => [...apiClientKeys.all(organizationId), 'list', page] as const,
  detail: (organizationId: string, clientId: string) => [...apiClientKeys.all(organizationId), clientId] as const,
};

export function apiClientsQuery(api: ApiClient, organizationId: string, page: number) {
  return queryOptions({
    queryKey: apiClientKeys.list(organizationId, page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/organizations/{orgId}/api-clients', {
          params: { path: { orgId: organizationId }, query: { page, pageSize: API_CLIENTS_PAGE_SIZE } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useApiClients(organizationId: string, page: number) {
  const api = useApi();
  return useQuery(apiClientsQuery(api, organizationId, page));
}

export function useCreateApiClient(organizationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    ...secretAnswer,
    mutationFn: (body: { name: string; scopes: string[] }, context) =>
      unwrap(
        api.POST('/api/v1/organizations/{orgId}/api-clients', {
          params: { path: { orgId: organizationId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.all(organizationId) }),
  });
}

export function useRotateApiClientSecret(organizationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    ...secretAnswer,
    mutationFn: ({ client, overlapHours }: { client: OrganizationApiClient; overlapHours: number }, context) =>
      unwrap(
        api.POST('/api/v1/organizations/{orgId}/api-clients/{clientId}/rotate', {
          params: { path: { orgId: organizationId, clientId: client.id }, header: { 'Idempotency-Key': idempotencyKey(context) } },
          body: { overlapHours },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.all(organizationId) }),
  });
}

export function useRevokeApiClient(organizationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (client: OrganizationApiClient) =>
      unwrap(
        api.POST('/api/v1/organizations/{orgId}/api-clients/{clientId}/revoke', {
          params: { path: { orgId: organizationId, clientId: client.id } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.all(organizationId) }),
  });
}

/** One client with its ETag, read when its edit form opens: the change is conditional on what the form started from. */
export function useApiClientForEdit(organizationId: string, clientId: string) {
  const api = useApi();
  return useQuery({
    queryKey: apiClientKeys.detail(organizationId, clientId),
    queryFn: async ({ signal }) => {
      const call = api.GET('/api/v1/organizations/{orgId}/api-clients/{clientId}', {
        params: { path: { orgId: organizationId, clientId } },
        signal,
      });
      const client = await unwrap(call);
      return { client, etag: (await call).response.headers.get('ETag') };
    },
    // The form starts from the server's copy each time it opens, not from a cached one.
    staleTime: 0,
    gcTime: 0,
  });
}

export function useUpdateApiClient(organizationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ clientId, body, etag }: { clientId: string; body: { name: string; scopes: string[] }; etag: string | null }) =>
      unwrap(
        api.PUT('/api/v1/organizations/{orgId}/api-clients/{clientId}', {
          params: { path: { orgId: organizationId, clientId }, header: ifMatch(etag) },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.all(organizationId) }),
  });
}
