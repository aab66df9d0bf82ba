import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import type { ApiClient } from '@/lib/api/api-client';
import { useApi, useTokens } from '@/lib/api/api-context';
import type { TokenStore } from '@/lib/api/token-store';
import { useSession } from '@/lib/auth/session-context';
import { createLiveConnection, type Hub } from './live-connection';
import { LiveContext } from './live-context';

/**
 * The access token lives in memory for 15 minutes: a missing or expired one is renewed the way every call renews it
 * (a 401, then the refresh cookie), by a request that costs little.
 */
async function freshAccessToken(api: ApiClient, tokens: TokenStore): Promise<string> {
  const expiry = tokens.getAccessTokenExpiry();
  if (!tokens.getAccessToken() || (expiry !== null && expiry <= Date.now())) await api.GET('/api/v1/me').catch(() => undefined);
  return tokens.getAccessToken() ?? '';
}

export type HubOpener = (accessToken: () => Promise<string>) => Promise<Hub>;

/** One live connection per signed-in person, opened with `openHub` (none when absent: tests without a hub). */
export function LiveProvider({ openHub, children }: { openHub?: HubOpener; children: ReactNode }) {
  const api = useApi();
  const tokens = useTokens();
  const queryClient = useQueryClient();
  const userId = useSession().user?.id;

  const live = useMemo(() => {
    if (!openHub || !userId) return null;
    const accessToken = () => freshAccessToken(api, tokens);
    // Pushes missed while the connection was down are caught up by refetching what is on screen.
    return createLiveConnection(() => openHub(accessToken), () => void queryClient.invalidateQueries({ type: 'active' }));
  }, [openHub, userId, api, tokens, queryClient]);

  useEffect(() => {
    live?.start();
    return () => live?.stop();
  }, [live]);

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}
