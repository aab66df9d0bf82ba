export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

type Listener = () => void;

/**
 * Where the session's tokens live.
 *
 * - The access token (JWT, 15 minutes) stays in memory only: a reload drops it and the client
 *   refreshes transparently.
 * - The refresh token is kept in localStorage so the session survives reloads and new tabs.
 *   Trade-off: any script running in the page (XSS) can read localStorage, whereas an HttpOnly
 *   cookie could not be read; sessionStorage would only narrow the window to one tab and lose the
 *   session on a new tab. We accept localStorage because the API contract returns tokens in the
 *   body, refresh tokens rotate on every use and reusing a spent one revokes the whole family
 *   (so a stolen token is detected at the next refresh), sign-out revokes the family server-side,
 *   and the SPA renders no untrusted HTML. A move to an HttpOnly, SameSite=Strict cookie would
 *   need an API change and is the way to go if the threat model hardens.
 */
export interface TokenStore {
  getAccessToken(): string | null;
  getRefreshToken(): string | null;
  /** Milliseconds since epoch when the access token expires, or null. */
  getAccessTokenExpiry(): number | null;
  setTokens(tokens: TokenPair): void;
  clear(): void;
  subscribe(listener: Listener): () => void;
}

export const REFRESH_TOKEN_KEY = 'spoc.refreshToken';

function safeStorage(storage: () => Storage | undefined) {
  return {
    get(key: string): string | null {
      try {
        return storage()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key: string, value: string | null) {
      try {
        if (value === null) storage()?.removeItem(key);
        else storage()?.setItem(key, value);
      } catch {
        // Storage full or disabled (private mode): the session then lasts until reload.
      }
    },
  };
}

export function createTokenStore(
  storage: () => Storage | undefined = () => globalThis.localStorage,
  now: () => number = Date.now,
): TokenStore {
  const store = safeStorage(storage);
  let accessToken: string | null = null;
  let expiresAt: number | null = null;
  // Kept in memory too, so the session works where storage is unavailable.
  let refreshFallback: string | null = null;
  const listeners = new Set<Listener>();
  const notify = () => listeners.forEach((listener) => listener());

  return {
    getAccessToken: () => accessToken,
    // Always re-read storage: another tab may have rotated the refresh token.
    getRefreshToken: () => store.get(REFRESH_TOKEN_KEY) ?? refreshFallback,
    getAccessTokenExpiry: () => expiresAt,
    setTokens(tokens) {
      accessToken = tokens.accessToken;
      expiresAt = now() + tokens.expiresIn * 1000;
      store.set(REFRESH_TOKEN_KEY, tokens.refreshToken);
      // Only when storage refused the write do we keep it in memory (else another tab's sign-out wins).
      refreshFallback = store.get(REFRESH_TOKEN_KEY) === tokens.refreshToken ? null : tokens.refreshToken;
      notify();
    },
    clear() {
      accessToken = null;
      expiresAt = null;
      refreshFallback = null;
      store.set(REFRESH_TOKEN_KEY, null);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
