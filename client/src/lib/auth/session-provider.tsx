import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { unwrap, type ApiClient } from '@/lib/api/api-client';
import { ApiError } from '@/lib/api/api-error';
import { SESSION_KEY, type TokenStore } from '@/lib/api/token-store';
import { rolesOf, type Me } from './roles';
import { meQueryKey, SessionContext, type Session } from './session-context';

interface SessionProviderProps {
  api: ApiClient;
  tokens: TokenStore;
  /** Subscribes to "refresh token refused"; returns the unsubscribe function. */
  onSessionExpired: (listener: () => void) => () => void;
  children: ReactNode;
}

/** Holds who is signed in: /me is the source of truth, loaded through the session cookie after a reload. */
export function SessionProvider({ api, tokens, onSessionExpired, children }: SessionProviderProps) {
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);
  const [signedOut, setSignedOut] = useState(false);

  const me = useQuery({
    queryKey: meQueryKey,
    queryFn: async (): Promise<Me | null> => {
      if (!tokens.getAccessToken() && !tokens.hasSession()) return null;
      try {
        // Without an access token (after a reload) the client refreshes on the 401 and retries.
        return await unwrap(api.GET('/api/v1/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });

  useEffect(
    () =>
      onSessionExpired(() => {
        setExpired(true);
        setSignedOut(false);
        queryClient.setQueryData(meQueryKey, null);
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      }),
    [onSessionExpired, queryClient],
  );

  // Another tab signed out (its storage write removes the session flag): follow it.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== null && event.key !== SESSION_KEY) return;
      if (!tokens.hasSession() && queryClient.getQueryData(meQueryKey)) {
        tokens.clear();
        queryClient.setQueryData(meQueryKey, null);
      }
    };
    globalThis.addEventListener?.('storage', onStorage);
    return () => globalThis.removeEventListener?.('storage', onStorage);
  }, [queryClient, tokens]);

  const signIn = useCallback<Session['signIn']>(
    async (credentials) => {
      // session=Cookie: the refresh token goes to an HttpOnly cookie, out of reach of any script.
      const pair = await unwrap(api.POST('/api/v1/auth/token', { body: credentials, params: { query: { session: 'Cookie' } } }));
      // The route's other answer is an API client's token (a form-encoded grant), never one to this JSON sign-in.
      if (!('accessToken' in pair)) throw new Error('The sign-in answered with an API client token.');
      tokens.setTokens(pair);
      const user = await unwrap(api.GET('/api/v1/me'));
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, user);
      setExpired(false);
      setSignedOut(false);
      return user;
    },
    [api, queryClient, tokens],
  );

  const signOut = useCallback(async () => {
    if (tokens.hasSession()) {
      // Best effort: the server revokes the cookie's family and clears the cookie; locally we forget the tokens whatever happens.
      await api.POST('/api/v1/auth/logout', { body: {}, credentials: 'same-origin' }).catch(() => undefined);
    }
    tokens.clear();
    setExpired(false);
    setSignedOut(true);
    queryClient.setQueryData(meQueryKey, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  }, [api, queryClient, tokens]);

  const { data, isPending, isError, error, refetch } = me;
  const value = useMemo<Session>(() => {
    const user = data ?? null;
    // /me may fail for another reason than 401 (server down): the shell shows it with a retry.
    const status = isPending ? 'loading' : user ? 'authenticated' : isError ? 'error' : 'anonymous';
    return {
      status,
      user,
      roles: user ? rolesOf(user) : [],
      expired,
      signedOut,
      error,
      retry: () => void refetch(),
      signIn,
      signOut,
    };
  }, [data, isPending, isError, error, refetch, expired, signedOut, signIn, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
