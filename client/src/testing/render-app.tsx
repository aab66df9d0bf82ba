import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { Providers } from '@/app/providers';
import { routes } from '@/app/router';
import { createApiClient } from '@/lib/api/api-client';
import { createQueryClient } from '@/lib/api/query-client';
import { createTokenStore } from '@/lib/api/token-store';
import { useSession } from '@/lib/auth/session-context';
import { i18n } from '@/lib/i18n/i18n';

/** The app's providers (a fresh query client, API client and token store) around a memory router at `path`. */
function renderWithRouter(routeObjects: RouteObject[], path: string) {
  const tokens = createTokenStore(() => window.localStorage);
  const listeners = new Set<() => void>();
  const apiClient = createApiClient({
    tokens,
    onSessionExpired: () => listeners.forEach((listener) => listener()),
    language: () => i18n.resolvedLanguage,
  });
  const queryClient = createQueryClient();
  const router = createMemoryRouter(routeObjects, { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <Providers
      queryClient={queryClient}
      apiClient={apiClient}
      tokens={tokens}
      sessionExpired={(listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      }}
    >
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...view, user, router, tokens, queryClient };
}

/**
 * Renders the whole app (real routes, guards, lazy pages, shell) at `path`, against whatever fetch the
 * test installed (see installFakeApi). For the app's own tests: routing, guards, redirects, the shell.
 */
export function renderApp(path: string) {
  return renderWithRouter(routes, path);
}

/** Pages render once the session is known, as behind the app's guards (which these tests leave out). */
function SessionSettled({ children }: { children: ReactNode }) {
  return useSession().status === 'loading' ? null : children;
}

/**
 * Renders only the pages under test, each at its route pattern (`{ '/cohorts/:cohortId': <CohortPage /> }`),
 * at `path`: no shell, no guards, no lazy chunks. Any other address renders nothing, so a test can still
 * read where a page navigated (`router.state.location`).
 */
export function renderRoute(path: string, pages: Record<string, ReactElement>) {
  const routeObjects: RouteObject[] = [
    ...Object.entries(pages).map(([pattern, element]) => ({ path: pattern, element: <SessionSettled>{element}</SessionSettled> })),
    { path: '*', element: null },
  ];
  return renderWithRouter(routeObjects, path);
}

/** Renders one component with the app's providers and a real API client, without the router and the pages around it. */
export function renderWithProviders(ui: ReactElement) {
  const tokens = createTokenStore(() => window.localStorage);
  const apiClient = createApiClient({ tokens, onSessionExpired: () => {}, language: () => i18n.resolvedLanguage });
  const user = userEvent.setup();
  const view = render(
    <Providers queryClient={createQueryClient()} apiClient={apiClient} tokens={tokens} sessionExpired={() => () => {}}>
      {ui}
    </Providers>,
  );
  return { ...view, user };
}
