import { describe, expect, it, vi } from 'vitest';
import { installFakeApi, json, noContent, problem } from '@/testing/fake-api';
import { tokenPair, trainerMe } from '@/testing/fixtures';
import { createApiClient, unwrap } from './api-client';
import { ApiError, problemTypes } from './api-error';
import { createTokenStore, SESSION_KEY } from './token-store';

function setup(initial?: { accessToken: string }) {
  const tokens = createTokenStore(() => window.localStorage);
  if (initial) tokens.setTokens({ ...initial, expiresIn: 900 });
  const onSessionExpired = vi.fn();
  const client = createApiClient({ tokens, onSessionExpired });
  return { tokens, client, onSessionExpired };
}

/** /me that accepts only `valid` as access token. */
function meAccepting(valid: () => string | null) {
  return (request: Request) =>
    request.headers.get('Authorization') === `Bearer ${valid()}` ? json(trainerMe) : problem(401, 'unauthorized');
}

describe('API client', () => {
  it('sends the access token as a bearer token', async () => {
    const api = installFakeApi({ 'GET /api/v1/me': meAccepting(() => 'access-1') });
    const { client } = setup({ accessToken: 'access-1' });

    const me = await unwrap(client.GET('/api/v1/me'));

    expect(me.displayName).toBe('Benoît Lefèvre');
    expect(api.sent('GET /api/v1/me')[0]?.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('on 401 refreshes once from the session cookie, keeps the new access token and retries the call', async () => {
    const rotated = tokenPair();
    const api = installFakeApi({
      'GET /api/v1/me': meAccepting(() => rotated.accessToken),
      'POST /api/v1/auth/refresh': () => json(rotated),
    });
    const { client, tokens } = setup({ accessToken: 'expired' });

    const me = await unwrap(client.GET('/api/v1/me'));

    expect(me.email).toBe(trainerMe.email);
    expect(api.sent('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(api.sent('GET /api/v1/me').map((r) => r.headers.get('Authorization'))).toEqual([
      'Bearer expired',
      `Bearer ${rotated.accessToken}`,
    ]);
    expect(tokens.getAccessToken()).toBe(rotated.accessToken);
    // The refresh token is the browser's HttpOnly cookie: no body, nothing kept by scripts.
    const [refresh] = api.sent('POST /api/v1/auth/refresh');
    expect(await refresh?.json()).toEqual({});
    expect(refresh?.credentials).toBe('same-origin');
    expect(refresh?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(localStorage)).not.toMatch(/refresh|access/);
  });

  it('after a reload (a session, no access token) refreshes before the first call, so no 401 reaches the browser', async () => {
    const rotated = tokenPair();
    const api = installFakeApi({
      'GET /api/v1/me': meAccepting(() => rotated.accessToken),
      'POST /api/v1/auth/refresh': () => json(rotated),
    });
    setup({ accessToken: 'before-reload' });
    const { client } = setup();

    const me = await unwrap(client.GET('/api/v1/me'));

    expect(me.id).toBe(trainerMe.id);
    expect(api.sent('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(api.sent('GET /api/v1/me').map((r) => r.headers.get('Authorization'))).toEqual([`Bearer ${rotated.accessToken}`]);
  });

  it('retries a refresh lost on the network with the same Idempotency-Key, so the server replays it', async () => {
    const rotated = tokenPair();
    const keys: (string | null)[] = [];
    let attempts = 0;
    installFakeApi({ 'GET /api/v1/me': meAccepting(() => rotated.accessToken) });
    const fakeFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (request: Request) => {
      if (!request.url.endsWith('/api/v1/auth/refresh')) return fakeFetch(request);
      keys.push(request.headers.get('Idempotency-Key'));
      attempts += 1;
      return attempts === 1 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(json(rotated));
    });
    const { client } = setup({ accessToken: 'expired' });

    const me = await unwrap(client.GET('/api/v1/me'));

    expect(me.id).toBe(trainerMe.id);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('shares one in-flight refresh between concurrent calls', async () => {
    const rotated = tokenPair();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const api = installFakeApi({
      'GET /api/v1/me': meAccepting(() => rotated.accessToken),
      'POST /api/v1/auth/refresh': async () => {
        await gate;
        return json(rotated);
      },
    });
    const { client } = setup({ accessToken: 'expired' });

    const calls = Promise.all([1, 2, 3].map(() => unwrap(client.GET('/api/v1/me'))));
    await vi.waitFor(() => expect(api.sent('POST /api/v1/auth/refresh')).toHaveLength(1));
    release();
    const results = await calls;

    expect(results.map((me) => me.id)).toEqual([trainerMe.id, trainerMe.id, trainerMe.id]);
    expect(api.sent('POST /api/v1/auth/refresh')).toHaveLength(1);
  });

  it('re-sends the request body when it retries after a refresh', async () => {
    const rotated = tokenPair();
    const api = installFakeApi({
      'POST /api/v1/auth/refresh': () => json(rotated),
      'POST /api/v1/auth/logout': (request) =>
        request.headers.get('Authorization') === `Bearer ${rotated.accessToken}` ? noContent() : problem(401, 'unauthorized'),
    });
    const { client } = setup({ accessToken: 'expired' });

    const { response } = await client.POST('/api/v1/auth/logout', { body: { refreshToken: 'mobile-token' } });

    expect(response.status).toBe(204);
    const bodies = await Promise.all(api.sent('POST /api/v1/auth/logout').map((r) => r.text()));
    expect(bodies).toEqual(['{"refreshToken":"mobile-token"}', '{"refreshToken":"mobile-token"}']);
  });

  it('ends the session when the refresh token is refused', async () => {
    installFakeApi({
      'GET /api/v1/me': () => problem(401, 'unauthorized'),
      'POST /api/v1/auth/refresh': () => problem(401, 'invalid-refresh-token'),
    });
    const { client, tokens, onSessionExpired } = setup({ accessToken: 'expired' });

    const error = await unwrap(client.GET('/api/v1/me')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(tokens.getAccessToken()).toBeNull();
    expect(tokens.hasSession()).toBe(false);
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('never adds a bearer token nor refreshes on the sign-in call itself', async () => {
    const api = installFakeApi({
      'POST /api/v1/auth/token': () =>
        problem(401, 'invalid-credentials', { title: 'Invalid credentials', detail: 'Wrong email or password.' }),
      'POST /api/v1/auth/refresh': () => json(tokenPair()),
    });
    const { client } = setup({ accessToken: 'a' });

    const error = (await unwrap(
      client.POST('/api/v1/auth/token', { body: { email: 'x@y.z', password: 'nope' } }),
    ).catch((e: unknown) => e)) as ApiError;

    expect(error.type).toBe(problemTypes.invalidCredentials);
    expect(error.code).toBe('invalid-credentials');
    expect(error.detail).toBe('Wrong email or password.');
    expect(api.sent('POST /api/v1/auth/token')[0]?.headers.get('Authorization')).toBeNull();
    expect(api.sent('POST /api/v1/auth/refresh')).toHaveLength(0);
  });

  it('turns problem+json into a typed ApiError with field errors', async () => {
    installFakeApi({
      'POST /api/v1/auth/register': () =>
        problem(400, 'validation-failed', {
          title: 'One or more validation errors occurred.',
          errors: { Password: ['Password must contain a digit.'], email: ['Email is invalid.'] },
        }),
    });
    const { client } = setup();

    const error = (await unwrap(
      client.POST('/api/v1/auth/register', { body: { email: 'a', password: 'b', displayName: 'c' } }),
    ).catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, type: problemTypes.validationFailed, title: 'One or more validation errors occurred.' });
    expect(error.fieldErrors('password')).toEqual(['Password must contain a digit.']);
    expect(error.fieldErrors('Email')).toEqual(['Email is invalid.']);
    expect(error.fieldErrors('displayName')).toEqual([]);
  });

  it('reads Retry-After on 429', async () => {
    installFakeApi({ 'POST /api/v1/auth/token': () => problem(429, 'too-many-requests', {}, { 'Retry-After': '30' }) });
    const { client } = setup();

    const error = (await unwrap(
      client.POST('/api/v1/auth/token', { body: { email: 'a@b.c', password: 'x' } }),
    ).catch((e: unknown) => e)) as ApiError;

    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(30);
  });

  it('sends the UI language as Accept-Language, on anonymous calls too', async () => {
    const api = installFakeApi({ 'POST /api/v1/auth/token': () => json(tokenPair()) });
    const tokens = createTokenStore(() => window.localStorage);
    let language = 'fr';
    const client = createApiClient({ tokens, language: () => language });

    await unwrap(client.POST('/api/v1/auth/token', { body: { email: 'a@b.c', password: 'x' } }));
    language = 'en';
    await unwrap(client.POST('/api/v1/auth/token', { body: { email: 'a@b.c', password: 'x' } }));

    expect(api.sent('POST /api/v1/auth/token').map((r) => r.headers.get('Accept-Language'))).toEqual(['fr', 'en']);
  });

  it('reports a network failure as an ApiError', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const { client } = setup({ accessToken: 'a' });

    const error = (await unwrap(client.GET('/api/v1/me')).catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('network-error');
    expect(error.status).toBe(0);
  });
});
