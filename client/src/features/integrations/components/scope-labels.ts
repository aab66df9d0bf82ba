import type { ApiClientScope } from '@/features/integrations/api/api-clients';

// i18next reads ':' as its namespace separator: the texts are keyed by a name without it.
export const scopeKeys = {
  'cohorts:read': 'cohortsRead',
  'members:read': 'membersRead',
  'enrolments:write': 'enrolmentsWrite',
  'progress:read': 'progressRead',
  'grades:read': 'gradesRead',
  'certificates:read': 'certificatesRead',
} as const satisfies Record<ApiClientScope, string>;

/** The key of a scope's texts under `integrations:scopes`; none for a scope this UI does not know yet (shown as is). */
export function scopeKey(scope: string): (typeof scopeKeys)[ApiClientScope] | undefined {
  return Object.hasOwn(scopeKeys, scope) ? scopeKeys[scope as ApiClientScope] : undefined;
}
