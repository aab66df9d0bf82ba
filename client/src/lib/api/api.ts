import { i18n } from '@/lib/i18n/i18n';
import { createApiClient } from './api-client';
import { createTokenStore } from './token-store';

type Listener = () => void;
const expiredListeners = new Set<Listener>();

/** The app's single token store (access token in memory, refresh token in localStorage). */
export const tokenStore = createTokenStore();

/** The app's single API client. */
export const api = createApiClient({
  tokens: tokenStore,
  onSessionExpired: () => expiredListeners.forEach((listener) => listener()),
  language: () => i18n.resolvedLanguage,
});

/** Subscribe to "the refresh token was refused": the session provider sends the user to sign in. */
export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}
