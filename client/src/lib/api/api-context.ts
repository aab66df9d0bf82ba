import { createContext, useContext } from 'react';
import type { ApiClient } from './api-client';

/** The API client for the tree; features read it with useApi() so tests can hand in their own. */
export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi must be used inside <ApiContext.Provider>');
  return client;
}
