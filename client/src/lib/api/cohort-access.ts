// What the caller may do in a cohort: the API's capability table decides which screens and actions each feature shows.

import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';

export type CohortCapability = components['schemas']['CohortCapability'];

/** The cohort and the caller's capabilities in it. */
export function useCohortAccess(cohortId: string | undefined) {
  const api = useApi();
  return useQuery({
    // The cohorts feature's key for the same GET: one cache entry, refreshed by either.
    queryKey: ['cohorts', cohortId ?? ''],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cohorts/{cohortId}', { params: { path: { cohortId: cohortId ?? '' } }, signal })),
    enabled: Boolean(cohortId),
  });
}

export function can(cohort: { capabilities: readonly CohortCapability[] } | undefined, capability: CohortCapability): boolean {
  return cohort?.capabilities.includes(capability) ?? false;
}
