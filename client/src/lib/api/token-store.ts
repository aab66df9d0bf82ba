/** What sign-in and refresh return to the web app: no refresh token, which stays in its cookie. */
export interface TokenPair {
  accessToken: string;
  expiresIn: number;
}

type Listener = () => void;

/**
 * Where the session lives.
 *
 * - The access token (JWT, 15 minutes) stays in memory only: a reload drops it and the client
 *   refreshes transparently.
 * - The refresh token is never seen by scripts: the API keeps it in an HttpOnly, Secure,
 *   SameSite=Strict cookie sent only to /api/v1/auth, so an XSS cannot steal it.
 * - localStorage holds only a flag saying "a session cookie was set", which is no secret: it spares
 *   anonymous visitors a refresh call and lets every tab follow a sign-out in another one.
 */
export interface TokenStore {
  getAccessToken(): string | null;
  /** True while a session cookie is believed to exist (signed in here or in another tab). */
  hasSession(): boolean;
  /** Milliseconds since epoch when the access token expires, or null. */
  getAccessTokenExpiry(): number | null;
  setTokens(tokens: TokenPair): void;
  clear(): void;
  subscribe(listener: Listener): () => void;
}

export const SESSION_KEY = 'spoc.session';

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
  let sessionFallback = false;
  const listeners = new Set<Listener>();
  const notify = () => listeners.forEach((listener) => listener());

  return {
    getAccessToken: () => accessToken,
    // Always re-read storage: another tab may have signed out.
    hasSession: () => store.get(SESSION_KEY) !== null || sessionFallback,
    getAccessTokenExpiry: () => expiresAt,
    setTokens(tokens) {
      accessToken = tokens.accessToken;
      expiresAt = now() + tokens.expiresIn * 1000;
      store.set(SESSION_KEY, '1');
      // Only when storage refused the write do we keep it in memory (else another tab's sign-out wins).
      sessionFallback = store.get(SESSION_KEY) === null;
      notify();
    },
    clear() {
      accessToken = null;
      expiresAt = null;
      sessionFallback = false;
      store.set(SESSION_KEY, null);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
