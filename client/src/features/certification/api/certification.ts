// Certification (issue 14): a cohort's rules, every learner's eligibility (staff; a mentor: theirs), a learner's own
// progress, issuing (one learner or all eligible), revoking, the cohort's certificates and history.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { ifMatch } from '@/lib/api/if-match';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type CertificationRules = Schemas['CertificationRules'];
export type CertificationRulesUpdate = Schemas['CertificationRulesUpdate'];
export type LearnerEligibility = Schemas['LearnerEligibility'];
export type EligibilityCriterion = Schemas['EligibilityCriterion'];
export type CohortCertificate = Schemas['CohortCertificate'];
export type CertificateBatch = Schemas['CertificateBatch'];

export type EligibilitySort = 'name' | 'grade' | 'completion' | 'attendance' | 'eligible';
export interface EligibilityQuery {
  page: number;
  sort: EligibilitySort;
  descending: boolean;
  eligible?: boolean;
}

export const certificationKeys = {
  all: (cohortId: string) => ['certification', cohortId] as const,
  rules: (cohortId: string) => ['certification', cohortId, 'rules'] as const,
  eligibility: (cohortId: string, query: EligibilityQuery) => ['certification', cohortId, 'eligibility', query] as const,
  mine: (cohortId: string) => ['certification', cohortId, 'mine'] as const,
  certificates: (cohortId: string, page: number) => ['certification', cohortId, 'certificates', page] as const,
  history: (cohortId: string, page: number) => ['certification', cohortId, 'history', page] as const,
};

/** The rules with their ETag: a save is conditional on it (412 when someone changed them meanwhile). */
export function useCertificationRules(cohortId: string) {
  const api = useApi();
  return useQuery({
    queryKey: certificationKeys.rules(cohortId),
    queryFn: async ({ signal }) => {
      const call = api.GET('/api/v1/cohorts/{cohortId}/certification/rules', { params: { path: { cohortId } }, signal });
      const rules = await unwrap(call);
      return { rules, etag: (await call).response.headers.get('ETag') ?? undefined };
    },
    refetchOnWindowFocus: false,
  });
}

export function useUpdateCertificationRules(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: CertificationRulesUpdate; etag?: string }) =>
      unwrap(api.PUT('/api/v1/cohorts/{cohortId}/certification/rules', { params: { path: { cohortId }, header: ifMatch(etag) }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: certificationKeys.all(cohortId) }),
  });
}

export function useEligibility(cohortId: string, query: EligibilityQuery) {
  const api = useApi();
  return useQuery({
    queryKey: certificationKeys.eligibility(cohortId, query),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}/certification/eligibility', {
        params: {
          path: { cohortId },
          query: { page: query.page, pageSize: 20, sort: `${query.descending ? '-' : ''}${query.sort}`, ...(query.eligible === undefined ? {} : { eligible: query.eligible }) },
        },
        signal,
      })),
    placeholderData: keepPreviousData,
  });
}

export function useMyEligibility(cohortId: string) {
  const api = useApi();
  return useQuery({
    queryKey: certificationKeys.mine(cohortId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cohorts/{cohortId}/certification/eligibility/me', { params: { path: { cohortId } }, signal })),
  });
}

/** `{userId}`: one learner; `{allEligible: true}`: every eligible learner without a valid certificate. */
export function useIssueCertificates(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { userId: string } | { allEligible: true }) =>
      unwrap(api.POST('/api/v1/cohorts/{cohortId}/certificates', { params: { path: { cohortId } }, body })) as Promise<CohortCertificate | CertificateBatch>,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: certificationKeys.all(cohortId) }),
  });
}

export function useRevokeCertificate(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ certificateId, reason }: { certificateId: string; reason: string }) =>
      unwrap(api.POST('/api/v1/certificates/{certificateId}/revoke', { params: { path: { certificateId } }, body: { reason } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: certificationKeys.all(cohortId) }),
  });
}

export function useCertificationHistory(cohortId: string, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: certificationKeys.history(cohortId, page),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}/certification/history', { params: { path: { cohortId }, query: { page, pageSize: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** GET the CSV with the bearer token (as the app's other downloads), then hand it to the browser as a file. */
export function useDownloadEligibilityCsv(cohortId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async () => {
      const blob = (await unwrap(
        api.GET('/api/v1/cohorts/{cohortId}/certification/eligibility.csv', { params: { path: { cohortId } }, parseAs: 'blob' }),
      )) as unknown as Blob;
      const href = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = href;
      link.download = 'eligibility.csv';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    },
  });
}
