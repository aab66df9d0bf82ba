import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { Providers } from '@/app/providers';
import { routes } from '@/app/router';
import { createApiClient } from '@/lib/api/api-client';
import { createQueryClient } from '@/lib/api/query-client';
import { createTokenStore } from '@/lib/api/token-store';
import { i18n } from '@/lib/i18n/i18n';

/**
 * Renders the whole app (real routes, providers, API client and token store) at `path`, against
 * whatever fetch the test installed (see installFakeApi).
 */
export function renderApp(path: string) {
  const tokens = createTokenStore(() => window.localStorage);
  const listeners = new Set<() => void>();
  const apiClient = createApiClient({
    tokens,
    onSessionExpired: () => listeners.forEach((listener) => listener()),
    language: () => i18n.resolvedLanguage,
  });
  const queryClient = createQueryClient();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
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
