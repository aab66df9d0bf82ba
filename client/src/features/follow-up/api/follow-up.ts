// Follow-up (issue 15): a cohort's learners by risk with their signals and reasons (staff; a mentor: theirs), refetched
// live when a level changes, and the cohort's risk rules (staff edit them, mentors read them).

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { ifMatch } from '@/lib/api/if-match';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { useLiveEvent } from '@/lib/live/live-context';

type Schemas = components['schemas'];
export type RiskLevel = Schemas['RiskLevel'];
export type RiskReason = Schemas['RiskReason'];
export type RiskRule = Schemas['RiskRule'];
export type RiskRuleKind = Schemas['RiskRuleKind'];
export type RiskRules = Schemas['RiskRules'];
export type LearnerFollowUp = Schemas['LearnerFollowUp'];

export interface DashboardQuery {
  page: number;
  level?: RiskLevel;
  mentorId?: string;
}

export const followUpKeys = {
  all: (cohortId: string) => ['follow-up', cohortId] as const,
  dashboard: (cohortId: string, query: DashboardQuery) => ['follow-up', cohortId, 'dashboard', query] as const,
  rules: (cohortId: string) => ['follow-up', cohortId, 'rules'] as const,
  mentors: (cohortId: string) => ['follow-up', cohortId, 'mentors'] as const,
};

/** The dashboard's page; a `followUpChanged` push about this cohort refetches it (and the other pages cached). */
export function useFollowUpDashboard(cohortId: string, query: DashboardQuery) {
  const api = useApi();
  const queryClient = useQueryClient();
  useLiveEvent('followUpChanged', (changed) => {
    if (changed.cohortId === cohortId) void queryClient.invalidateQueries({ queryKey: ['follow-up', cohortId, 'dashboard'] });
  });
  return useQuery({
    queryKey: followUpKeys.dashboard(cohortId, query),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}/follow-up', {
        params: { path: { cohortId }, query: { page: query.page, pageSize: 20, level: query.level, mentorId: query.mentorId } },
        signal,
      })),
    placeholderData: keepPreviousData,
  });
}

/** The cohort's mentors, for the staff's mentor filter (a cohort has a handful: one page of 100 is all of them). */
export function useCohortMentors(cohortId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: followUpKeys.mentors(cohortId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}/members', { params: { path: { cohortId }, query: { role: 'Mentor', pageSize: 100 } }, signal })),
    enabled,
  });
}

/** The rules with their ETag: a save is conditional on it (412 when someone changed them meanwhile). */
export function useRiskRules(cohortId: string) {
  const api = useApi();
  return useQuery({
    queryKey: followUpKeys.rules(cohortId),
    queryFn: async ({ signal }) => {
      const call = api.GET('/api/v1/cohorts/{cohortId}/follow-up/rules', { params: { path: { cohortId } }, signal });
      const rules = await unwrap(call);
      return { rules, etag: (await call).response.headers.get('ETag') ?? undefined };
    },
    refetchOnWindowFocus: false,
  });
}

/** Saving re-evaluates every learner: the dashboard is refetched with the rules. */
export function useUpdateRiskRules(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ rules, etag }: { rules: RiskRule[]; etag?: string }) =>
      unwrap(api.PUT('/api/v1/cohorts/{cohortId}/follow-up/rules', { params: { path: { cohortId }, header: ifMatch(etag) }, body: { rules } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: followUpKeys.all(cohortId) }),
  });
}
