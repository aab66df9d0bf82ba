import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { api, onSessionExpired, tokenStore } from '@/lib/api/api';
import type { ApiClient } from '@/lib/api/api-client';
import { ApiContext, TokensContext } from '@/lib/api/api-context';
import type { TokenStore } from '@/lib/api/token-store';
import { SessionProvider } from '@/lib/auth/session-provider';
import { i18n } from '@/lib/i18n/i18n';
import { LiveProvider, type HubOpener } from '@/lib/live/live-provider';
import { cssVariablesResolver, theme } from './theme';

interface ProvidersProps {
  queryClient: QueryClient;
  children: ReactNode;
  /** Tests pass their own client and token store. */
  apiClient?: ApiClient;
  tokens?: TokenStore;
  sessionExpired?: (listener: () => void) => () => void;
  /** Opens the live hub; the app passes SignalR's, tests none (no connection). */
  openHub?: HubOpener;
}

export function Providers({ queryClient, children, apiClient = api, tokens = tokenStore, sessionExpired = onSessionExpired, openHub }: ProvidersProps) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <ApiContext.Provider value={apiClient}>
            <TokensContext.Provider value={tokens}>
              <SessionProvider api={apiClient} tokens={tokens} onSessionExpired={sessionExpired}>
                <LiveProvider openHub={openHub}>{children}</LiveProvider>
              </SessionProvider>
            </TokensContext.Provider>
          </ApiContext.Provider>
        </QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>
  );
}
