import type { TFunction } from 'i18next';
import { i18n } from '@/lib/i18n/i18n';
import type { ApiError } from './api-error';

const known = new Set([
  'invalid-credentials',
  'invalid-refresh-token',
  'email-not-verified',
  'invalid-token',
  'common-password',
  'wrong-password',
  'validation-failed',
  'malformed-request',
  'concurrency-conflict',
  'precondition-failed',
  'idempotency-key-reused',
  // Cohorts
  'cohort-full',
  'duplicate-application',
  'application-window-closed',
  'applications-not-accepted',
  'already-member',
  'application-already-decided',
  'capacity-below-seats-taken',
  'invitation-used',
  'invitation-expired',
  'already-in-group',
  'already-invited',
  'not-a-mentor',
  'role-not-held',
  'last-trainer',
  'partnership-decided',
  'already-partner',
  'admission-mode-mismatch',
  // Admin screens
  'last-org-admin',
  'organization-suspended',
  'account-disabled',
  'cannot-disable-self',
  // API clients
  'too-many-api-clients',
  'api-client-revoked',
  // Webhooks
  'webhook-url-forbidden',
  'too-many-webhooks',
  'webhook-disabled',
  // Courses and files
  'competency-in-use',
  'activity-not-released',
  'outline-changed',
  // Assessment
  'submission-too-late',
  'resubmission-not-allowed',
  'attempts-exhausted',
  'not-in-a-group',
  'assignment-has-submissions',
  'unsupported-file-type',
  'payload-too-large',
  'status-413',
  'network-error',
  'status-401',
  'status-403',
  'status-404',
  'status-429',
]);

/** A sentence for the user, in their language; falls back to the server's own detail or title. */
export function problemMessage(error: ApiError, t: TFunction<'common'> = i18n.t): string {
  const code = error.code;
  if (code === 'status-429' || error.status === 429) {
    return t('problems.status-429', { seconds: error.retryAfter ?? 60 });
  }
  if (known.has(code)) return t(`problems.${code}` as 'problems.invalid-credentials');
  if (error.status >= 500) return t('problems.status-500');
  return error.detail ?? (error.title || t('problems.generic', { status: error.status }));
}
