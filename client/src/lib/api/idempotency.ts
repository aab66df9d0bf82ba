import type { MutationFunctionContext } from '@tanstack/react-query';
import { isApiError, problemTypes } from './api-error';

const keys = new WeakMap<MutationFunctionContext, string>();

/**
 * The Idempotency-Key of one user action. TanStack Query builds one context per `mutate()` and hands that same
 * object to every attempt of it (its retries), so a key kept per context is reused by a retry (the server replays
 * the first answer instead of acting twice) while the next click gets a new one. Call it inside `mutationFn`.
 */
export function idempotencyKey(context: MutationFunctionContext): string {
  let key = keys.get(context);
  if (!key) {
    key = globalThis.crypto.randomUUID();
    keys.set(context, key);
  }
  return key;
}

/**
 * Retry policy for mutations that send an idempotencyKey: a request lost on the network is sent again once, at once,
 * with the same key; an answer from the API (4xx, 5xx) is final.
 */
export const retryLostRequest = {
  retry: (failureCount: number, error: unknown) => failureCount < 1 && isApiError(error) && error.type === problemTypes.network,
  retryDelay: 0,
};
