import { createContext, useContext } from 'react';
import type { ApiClient } from './api-client';
import type { TokenStore } from './token-store';

/** The API client for the tree; features read it with useApi() so tests can hand in their own. */
export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi must be used inside <ApiContext.Provider>');
  return client;
}

/** The session's token store, for the rare call made outside the typed client (uploads with progress). */
export const TokensContext = createContext<TokenStore | null>(null);

export function useTokens(): TokenStore {
  const tokens = useContext(TokensContext);
  if (!tokens) throw new Error('useTokens must be used inside <TokensContext.Provider>');
  return tokens;
}
