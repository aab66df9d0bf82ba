import { retryLostRequest } from '@/lib/api/idempotency';

/**
 * The options of a mutation whose answer holds a secret: retried once with the same Idempotency-Key when the request is
 * lost (the API replays the same secret rather than making a second one nobody saw), and gone from the mutation cache as
 * soon as the component resets it (gcTime 0), the component keeping the secret in its own state only.
 */
export const secretAnswer = { ...retryLostRequest, gcTime: 0 };
