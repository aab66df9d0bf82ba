import { MutationObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createApiClient, unwrap } from './api-client';
import { ApiError } from './api-error';
import { idempotencyKey, retryLostRequest } from './idempotency';
import { createQueryClient } from './query-client';
import { createTokenStore } from './token-store';
import { installFakeApi, json } from '@/testing/fake-api';

/** POST /courses through the app's client, a key per user action, the app's retry policy for lost requests. */
function createCourseAction(failFirstAttempts: number) {
  let calls = 0;
  const api = installFakeApi({
    'POST /api/v1/courses': () => {
      calls += 1;
      if (calls <= failFirstAttempts) throw new TypeError('Failed to fetch');
      return json({ id: 'c1' }, 201);
    },
  });
  const client = createApiClient({ tokens: createTokenStore(() => window.localStorage), baseUrl: 'http://spoc.test' });
  const observer = new MutationObserver(createQueryClient(), {
    mutationFn: (title: string, context) =>
      unwrap(
        client.POST('/api/v1/courses', {
          body: { organizationId: 'o1', title, summary: null, language: 'fr', competencies: [] },
          params: { header: { 'Idempotency-Key': idempotencyKey(context) } },
        }),
      ),
    ...retryLostRequest,
  });
  const keys = () => api.sent('POST /api/v1/courses').map((request) => request.headers.get('Idempotency-Key'));
  return { observer, keys };
}

describe('Idempotency-Key: one per user action', () => {
  it('reuses the key when a request lost on the network is retried', async () => {
    const { observer, keys } = createCourseAction(1);
    await observer.mutate('Design');
    expect(keys()).toHaveLength(2);
    expect(keys()[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys()[1]).toBe(keys()[0]);
  });

  it('gives the next action a new key', async () => {
    const { observer, keys } = createCourseAction(0);
    await observer.mutate('Design');
    await observer.mutate('Design');
    expect(keys()).toHaveLength(2);
    expect(keys()[1]).not.toBe(keys()[0]);
  });

  it('retries a lost request once only, and never an answer of the API', async () => {
    const lost = createCourseAction(2);
    await expect(lost.observer.mutate('Design')).rejects.toMatchObject({ status: 0 });
    expect(lost.keys()).toHaveLength(2);
    expect(retryLostRequest.retry(0, new ApiError({ type: 'https://spoc.dev/problems/unavailable', title: 'Unavailable', status: 503 }))).toBe(false);
  });
});
