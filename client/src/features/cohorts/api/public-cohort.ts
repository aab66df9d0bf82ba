// The public page of a cohort open to applications: read without an account.

import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';

export type PublicCohort = components['schemas']['PublicCohort'];

export function usePublicCohort(cohortId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['public-cohorts', cohortId],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/public/cohorts/{cohortId}', { params: { path: { cohortId } }, signal })),
  });
}

/** The shareable address of a cohort's public page. */
export function publicCohortUrl(cohortId: string): string {
  return `${globalThis.location?.origin ?? ''}/c/${cohortId}`;
}

/** A cohort has a public page when anyone may apply to it: an application cohort that names no organisation. */
export function hasPublicPage(cohort: { admissionMode: string; organizationIds: readonly string[] }): boolean {
  return cohort.admissionMode === 'Application' && cohort.organizationIds.length === 0;
}
