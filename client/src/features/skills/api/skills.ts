// Skills analytics (issue 15): a learner's competencies, the cohort's matrix with its distribution and progress, the
// organisation's view of its employees, and their CSV / XLSX exports.

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type CohortSkills = Schemas['CohortSkills'];
export type LearnerSkills = Schemas['LearnerSkills'];
export type OrganizationSkills = Schemas['OrganizationSkills'];
export type SkillCell = Schemas['SkillCell'];
export type ExportFormat = 'csv' | 'xlsx';

export const skillsKeys = {
  cohort: (cohortId: string, page: number) => ['skills', 'cohort', cohortId, page] as const,
  learner: (cohortId: string, userId: string) => ['skills', 'learner', cohortId, userId] as const,
  organization: (organizationId: string, page: number) => ['skills', 'organization', organizationId, page] as const,
};

export function useCohortSkills(cohortId: string, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: skillsKeys.cohort(cohortId, page),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}/skills', { params: { path: { cohortId }, query: { page, pageSize: 50 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useLearnerSkills(cohortId: string, userId: string) {
  const api = useApi();
  return useQuery({
    queryKey: skillsKeys.learner(cohortId, userId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cohorts/{cohortId}/members/{userId}/skills', { params: { path: { cohortId, userId } }, signal })),
  });
}

export function useOrganizationSkills(organizationId: string, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: skillsKeys.organization(organizationId, page),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/organizations/{organizationId}/skills', { params: { path: { organizationId }, query: { page, pageSize: 50 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Hands a downloaded file to the browser under its name. */
function save(blob: Blob, fileName: string) {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** GET the cohort's matrix as a file with the bearer token (as the app's other downloads). */
export function useDownloadCohortSkills(cohortId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async (format: ExportFormat) => {
      const blob = (await unwrap(
        api.GET('/api/v1/cohorts/{cohortId}/skills/export', { params: { path: { cohortId }, query: { format } }, parseAs: 'blob' }),
      )) as unknown as Blob;
      save(blob, `skills.${format}`);
    },
  });
}

export function useDownloadOrganizationSkills(organizationId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async (format: ExportFormat) => {
      const blob = (await unwrap(
        api.GET('/api/v1/organizations/{organizationId}/skills/export', { params: { path: { organizationId }, query: { format } }, parseAs: 'blob' }),
      )) as unknown as Blob;
      save(blob, `employee-skills.${format}`);
    },
  });
}
