import { vi } from 'vitest';

export type Handler = (request: Request) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problem(
  status: number,
  slug: string,
  extra: { title?: string; detail?: string; errors?: Record<string, string[]> } = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({ type: `https://spoc.dev/problems/${slug}`, title: extra.title ?? slug, status, ...extra }),
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/**
 * A stand-in for the API at the fetch level: routes are `"METHOD /path"`; every request is recorded
 * (cloned, so tests can read bodies). Unknown routes answer 404 so a test notices a wrong call.
 */
export function installFakeApi(routes: Record<string, Handler>) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request.clone());
    const url = new URL(request.url);
    const handler = routes[`${request.method} ${url.pathname}`];
    if (!handler) return problem(404, 'not-found', { title: `No fake route for ${request.method} ${url.pathname}` });
    return handler(request);
  });
  vi.stubGlobal('fetch', fetch);
  return {
    fetch,
    requests,
    /** Requests sent to `"METHOD /path"`. */
    sent(route: string) {
      return requests.filter((request) => `${request.method} ${new URL(request.url).pathname}` === route);
    },
  };
}
