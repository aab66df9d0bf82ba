import type { Me } from '../lib/auth/roles';
import { REFRESH_TOKEN_KEY } from '../lib/api/token-store';
import { installFakeApi, json, noContent, problem, type Handler } from './fake-api';
import { tokenPair } from './fixtures';

/** A signed-in `me` (as after a reload: refresh token in storage) plus the routes a test needs. */
export function signedInApi(me: Me, routes: Record<string, Handler> = {}) {
  localStorage.setItem(REFRESH_TOKEN_KEY, 'stored-refresh');
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
