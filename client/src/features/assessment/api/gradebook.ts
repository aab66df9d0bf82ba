// Gradebook: the weighted grades (staff: every learner or a mentor's; a learner: their own row), its policy, the CSV
// export, and competency mastery (the staff's heat map, a learner's own competencies).

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type Gradebook = Schemas['Gradebook'];
export type GradebookRow = Schemas['GradebookRow'];
export type GradebookCell = Schemas['GradebookCell'];
export type GradebookColumn = Schemas['GradebookColumn'];
export type GradebookPolicy = Schemas['GradebookPolicy'];
export type GradebookPolicyUpdate = Schemas['GradebookPolicyUpdate'];
export type CompetencyHeatmap = Schemas['CompetencyHeatmap'];
export type LearnerCompetencies = Schemas['LearnerCompetencies'];

export const gradebookKeys = {
  gradebook: (cohortId: string, page: number, pageSize: number, includeWithdrawn: boolean) =>
    ['assessment', 'gradebook', cohortId, page, pageSize, includeWithdrawn] as const,
  policy: (cohortId: string) => ['assessment', 'gradebook-policy', cohortId] as const,
  heatmap: (cohortId: string, page: number) => ['assessment', 'heatmap', cohortId, page] as const,
  competencies: (cohortId: string, userId: string) => ['assessment', 'competencies', cohortId, userId] as const,
};

/**
 * A page of learners; a learner gets their own row only (the API decides who sees whom). `includeWithdrawn` (trainers and
 * org admins) adds the learners who left, with the grades they had.
 */
export function useGradebook(cohortId: string, page: number, includeWithdrawn = false, pageSize = 50) {
  const api = useApi();
  return useQuery({
    queryKey: gradebookKeys.gradebook(cohortId, page, pageSize, includeWithdrawn),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/cohorts/{cohortId}/gradebook', {
          params: { path: { cohortId }, query: { page, pageSize, ...(includeWithdrawn && { includeWithdrawn }) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The policy with its ETag: PUT needs If-Match (412 when someone changed it meanwhile). */
export function useGradebookPolicy(cohortId: string) {
  const api = useApi();
  return useQuery({
    queryKey: gradebookKeys.policy(cohortId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cohorts/{cohortId}/gradebook/policy', { params: { path: { cohortId } }, signal })),
    refetchOnWindowFocus: false,
  });
}

export function useUpdateGradebookPolicy(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: GradebookPolicyUpdate; etag: string }) =>
      unwrap(api.PUT('/api/v1/cohorts/{cohortId}/gradebook/policy', { params: { path: { cohortId }, header: { 'If-Match': etag } }, body })),
    onSuccess: (policy) => {
      queryClient.setQueryData(gradebookKeys.policy(cohortId), policy);
      void queryClient.invalidateQueries({ queryKey: ['assessment', 'gradebook', cohortId] });
    },
  });
}

export function useCompetencyHeatmap(cohortId: string, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: gradebookKeys.heatmap(cohortId, page),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}/competencies/heatmap', { params: { path: { cohortId }, query: { page, pageSize: 50 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useLearnerCompetencies(cohortId: string, userId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: gradebookKeys.competencies(cohortId, userId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}/members/{userId}/competencies', { params: { path: { cohortId, userId: userId ?? '' } }, signal })),
    enabled: Boolean(userId),
  });
}

/** GET the CSV with the bearer token (as the app's other downloads), then hand it to the browser as a file. */
export function useDownloadGradebookCsv(cohortId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async () => {
      const blob = (await unwrap(api.GET('/api/v1/cohorts/{cohortId}/gradebook.csv', { params: { path: { cohortId } }, parseAs: 'blob' }))) as unknown as Blob;
      const href = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = href;
      link.download = 'gradebook.csv';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    },
  });
}
