import type { Me } from '@/lib/auth/roles';
import { SESSION_KEY } from '@/lib/api/token-store';
import { installFakeApi, json, noContent, problem, type Handler } from './fake-api';
import { tokenPair } from './fixtures';

/** A signed-in `me` (as after a reload: a session cookie, flagged in storage) plus the routes a test needs. */
export function signedInApi(me: Me, routes: Record<string, Handler> = {}) {
  localStorage.setItem(SESSION_KEY, '1');
  let current = tokenPair();
  return installFakeApi({
    'POST /api/v1/auth/refresh': () => {
      current = tokenPair();
      return json(current);
    },
    'GET /api/v1/me': (request) =>
      request.headers.get('Authorization') === `Bearer ${current.accessToken}` ? json(me) : problem(401, 'unauthorized'),
    'POST /api/v1/auth/logout': () => noContent(),
    ...routes,
  });
}
