// Live sessions: a cohort's sessions, one session (checklist, link, code), the readiness roster, attendance and check-in.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { ifMatch } from '@/lib/api/if-match';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type LiveSession = Schemas['LiveSession'];
export type SessionCreate = Schemas['SessionCreate'];
export type SessionUpdate = Schemas['SessionUpdate'];
export type AttendanceStatus = Schemas['AttendanceStatus'];
export type AttendanceRecord = Schemas['AttendanceRecord'];
export type SessionKind = Schemas['SessionKind'];

export const sessionKeys = {
  all: ['sessions'] as const,
  list: (cohortId: string, when: 'upcoming' | 'past', page: number) => ['sessions', 'cohort', cohortId, when, page] as const,
  session: (sessionId: string) => ['sessions', 'one', sessionId] as const,
  readiness: (sessionId: string) => ['sessions', 'one', sessionId, 'readiness'] as const,
  sheet: (sessionId: string) => ['sessions', 'one', sessionId, 'attendance'] as const,
};

/** Upcoming: not ended yet, soonest first. Past: started before now, latest first. */
export function useSessions(cohortId: string, when: 'upcoming' | 'past', page: number) {
  const api = useApi();
  return useQuery({
    queryKey: sessionKeys.list(cohortId, when, page),
    queryFn: ({ signal }) => {
      const now = new Date().toISOString();
      return unwrap(api.GET('/api/v1/cohorts/{cohortId}/sessions', {
        params: { path: { cohortId }, query: { ...(when === 'upcoming' ? { from: now } : { to: now }), page, pageSize: 20 } },
        signal,
      }));
    },
    placeholderData: keepPreviousData,
  });
}

export function useSession(sessionId: string, refetchInterval?: number) {
  const api = useApi();
  return useQuery({
    queryKey: sessionKeys.session(sessionId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/sessions/{sessionId}', { params: { path: { sessionId } }, signal })),
    refetchInterval,
  });
}

export function useReadiness(sessionId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: sessionKeys.readiness(sessionId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/sessions/{sessionId}/readiness', { params: { path: { sessionId }, query: { pageSize: 100 } }, signal })),
    enabled,
  });
}

/** The attendance sheet with its ETag: a save is conditional on it (412 when another staff member saved meanwhile). */
export function useAttendanceSheet(sessionId: string) {
  const api = useApi();
  return useQuery({
    queryKey: sessionKeys.sheet(sessionId),
    queryFn: async ({ signal }) => {
      const call = api.GET('/api/v1/sessions/{sessionId}/attendance', { params: { path: { sessionId }, query: { pageSize: 100 } }, signal });
      const sheet = await unwrap(call);
      return { sheet, etag: (await call).response.headers.get('ETag') ?? undefined };
    },
  });
}

export function useCohortAttendance(cohortId: string, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: ['sessions', 'cohort', cohortId, 'attendance', page],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}/attendance', { params: { path: { cohortId }, query: { page, pageSize: 50 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** What the cohort lets the caller do (capabilities), for the staff's actions. */
export function useCohortAccess(cohortId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['sessions', 'cohort', cohortId, 'access'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cohorts/{cohortId}', { params: { path: { cohortId: cohortId ?? '' } }, signal })),
    enabled: !!cohortId,
    select: (cohort) => ({
      timeZone: cohort.timeZone,
      manages: cohort.capabilities.includes('ActOnAllLearners'),
      follows: cohort.capabilities.includes('ActOnAllLearners') || cohort.capabilities.includes('ActOnOwnMentees'),
    }),
  });
}

/** The course's activities and the cohort's groups, for the staff's form (preparation, group session). */
export function useSessionChoices(cohortId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['sessions', 'cohort', cohortId, 'choices'],
    queryFn: async ({ signal }) => {
      const [schedule, groups] = await Promise.all([
        unwrap(api.GET('/api/v1/cohorts/{cohortId}/schedule', { params: { path: { cohortId } }, signal })),
        unwrap(api.GET('/api/v1/cohorts/{cohortId}/groups', { params: { path: { cohortId } }, signal })),
      ]);
      return {
        timeZone: schedule.timeZone,
        activities: schedule.activities.map((a) => ({ value: a.activityId, label: a.title })),
        groups: groups.map((g) => ({ value: g.id, label: g.name })),
      };
    },
    enabled,
  });
}

/** Every session mutation refreshes what shows sessions. */
function useSessionMutation<T, R>(run: (api: ReturnType<typeof useApi>, input: T) => Promise<R>) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: T) => run(api, input),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}

export const useCreateSession = (cohortId: string) =>
  useSessionMutation((api, body: SessionCreate) => unwrap(api.POST('/api/v1/cohorts/{cohortId}/sessions', { params: { path: { cohortId } }, body })));

export const useUpdateSession = (sessionId: string) =>
  useSessionMutation((api, body: SessionUpdate) => unwrap(api.PATCH('/api/v1/sessions/{sessionId}', { params: { path: { sessionId } }, body })));

export const useCancelSession = (sessionId: string) =>
  useSessionMutation((api, body: { reason: string; restOfSeries: boolean }) =>
    unwrap(api.POST('/api/v1/sessions/{sessionId}/cancel', { params: { path: { sessionId } }, body })));

export const useIssueCheckInCode = (sessionId: string) =>
  useSessionMutation((api) => unwrap(api.POST('/api/v1/sessions/{sessionId}/check-in-code', { params: { path: { sessionId } } })));

export const useCheckIn = (sessionId: string) =>
  useSessionMutation((api, code: string) => unwrap(api.POST('/api/v1/sessions/{sessionId}/check-in', { params: { path: { sessionId } }, body: { code } })));

export const useRecordAttendance = (sessionId: string) =>
  useSessionMutation((api, { records, etag }: { records: AttendanceRecord[]; etag?: string }) =>
    unwrap(api.PUT('/api/v1/sessions/{sessionId}/attendance', {
      params: { path: { sessionId }, header: ifMatch(etag) },
      body: { records },
    })));

/** Learners get the link from `joinOpensAt` to the end (the API sends it only then); staff always have it. */
export function isJoinable(session: Pick<LiveSession, 'joinOpensAt' | 'endsAt' | 'cancelledAt' | 'meetingUrl'>, now = Date.now()) {
  return !!session.meetingUrl && !session.cancelledAt && now >= Date.parse(session.joinOpensAt) && now <= Date.parse(session.endsAt);
}

