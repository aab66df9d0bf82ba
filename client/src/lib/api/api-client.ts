import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError } from './api-error';
import type { paths } from './schema';
import type { TokenStore } from './token-store';

export type ApiClient = ReturnType<typeof createClient<paths>>;

export interface ApiClientOptions {
  tokens: TokenStore;
  /** Called once when the refresh token is refused: the session is over. */
  onSessionExpired?: () => void;
  /** The UI language, sent as Accept-Language so the API can answer in it. */
  language?: () => string | undefined;
  baseUrl?: string;
}

const REFRESH_PATH = '/api/v1/auth/refresh';
/** Endpoints that authenticate by their body, never by bearer, and whose 401 means "bad input". */
const ANONYMOUS_PATHS = new Set(['/api/v1/auth/token', '/api/v1/auth/register', REFRESH_PATH]);

function baseOptions(baseUrl: string | undefined) {
  return {
    baseUrl: baseUrl ?? globalThis.location?.origin ?? '',
    // Resolved at call time so tests can stub globalThis.fetch.
    fetch: (request: Request) => globalThis.fetch(request),
  };
}

/** Runs `task` under a cross-tab lock when the browser has one, so two tabs never spend the same refresh cookie. */
async function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks?.request) return locks.request('spoc-token-refresh', task) as Promise<T>;
  return task();
}

/**
 * The one API client of the app: adds the bearer token, refreshes once on 401 (a single in-flight
 * refresh shared by concurrent calls and tabs) and retries the call with the new token. The refresh
 * token is an HttpOnly cookie the browser sends to /api/v1/auth: this code never sees it.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const { tokens, onSessionExpired } = options;
  const client = createClient<paths>(baseOptions(options.baseUrl));
  // A bare client for the refresh call itself, so it never recurses into the middleware.
  const bare = createClient<paths>(baseOptions(options.baseUrl));

  let inFlight: Promise<string | null> | null = null;

  async function refreshNow(): Promise<string | null> {
    return withRefreshLock(async () => {
      if (!tokens.hasSession()) return null;
      const { data, error, response } = await refreshFromCookie();
      if (data) {
        tokens.setTokens(data);
        return data.accessToken;
      }
      if (response.status === 400 || response.status === 401) {
        // Expired, revoked or reused: the session is over.
        tokens.clear();
        onSessionExpired?.();
        return null;
      }
      // The server failed (5xx, 429): not a sign-out; the call fails with this error and may be retried.
      throw ApiError.fromResponse(error, response);
    });
  }

  /**
   * POST /auth/refresh with the cookie. A network failure is retried once with the same Idempotency-Key: if the first
   * attempt reached the server, the retry replays its answer (and cookie) instead of spending the cookie twice.
   */
  async function refreshFromCookie() {
    const key = globalThis.crypto.randomUUID();
    const send = () =>
      // An empty JSON object: no refreshToken in the body means "the cookie's" (a POST without a body would need no Content-Type rules).
      bare.POST(REFRESH_PATH, { body: {}, credentials: 'same-origin', params: { header: { 'Idempotency-Key': key } } });
    try {
      return await send();
    } catch {
      return send();
    }
  }

  /** Shared by every caller that hits a 401 while a refresh is running. */
  function refresh(): Promise<string | null> {
    inFlight ??= refreshNow().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  const pending = new Map<string, Request>();

  const auth: Middleware = {
    async onRequest({ request, schemaPath, id }) {
      const language = options.language?.();
      if (language) request.headers.set('Accept-Language', language);
      if (ANONYMOUS_PATHS.has(schemaPath)) return request;
      if (inFlight) await inFlight.catch(() => null);
      // After a reload only the session cookie is left: refresh before the call, not after a 401 the browser would log.
      else if (!tokens.getAccessToken() && tokens.hasSession()) await refresh().catch(() => null);
      const token = tokens.getAccessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      // Keep an unread copy: the body of `request` is consumed by fetch.
      pending.set(id, request.clone());
      return request;
    },
    async onResponse({ response, id, options: { fetch } }) {
      const copy = pending.get(id);
      pending.delete(id);
      if (response.status !== 401 || !copy) return undefined;
      if (!tokens.hasSession()) return undefined;
      const sentToken = copy.headers.get('Authorization')?.slice('Bearer '.length) ?? null;
      // Another call may have refreshed while this one was in flight: reuse its token.
      const current = tokens.getAccessToken();
      const token = current && current !== sentToken ? current : await refresh();
      if (!token) return undefined;
      copy.headers.set('Authorization', `Bearer ${token}`);
      return fetch(copy);
    },
    onError({ id }) {
      pending.delete(id);
      return undefined;
    },
  };
  client.use(auth);
  return client;
}

interface ClientResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws a typed ApiError built from the
 * problem+json body (or from the network failure).
 */
export async function unwrap<D>(call: Promise<ClientResult<D>>): Promise<D> {
  let result: ClientResult<D>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw ApiError.network(error);
  }
  if (!result.response.ok) throw ApiError.fromResponse(result.error, result.response);
  return result.data as D;
}
