// The follow-up journal of one learner (notes, actions, timeline: the cohort's staff and the learner's mentor) and the
// learner's own "Mon suivi".

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';

export type JournalNote = components['schemas']['JournalNote'];
export type FollowUpAction = components['schemas']['FollowUpAction'];
export type FollowUpActionKind = components['schemas']['FollowUpActionKind'];
export type FollowUpActionCreate = components['schemas']['FollowUpActionCreate'];
export type TimelineEntry = components['schemas']['TimelineEntry'];
export type MyFollowUp = components['schemas']['MyFollowUp'];
export type MyCohortFollowUp = components['schemas']['MyCohortFollowUp'];

type Learner = { cohortId: string; learnerId: string };

export const journalKeys = {
  all: (l: Learner) => ['follow-up', 'journal', l.cohortId, l.learnerId] as const,
  notes: (l: Learner, page: number) => [...journalKeys.all(l), 'notes', page] as const,
  actions: (l: Learner, page: number) => [...journalKeys.all(l), 'actions', page] as const,
  timeline: (l: Learner, page: number) => [...journalKeys.all(l), 'timeline', page] as const,
  learner: (l: Learner) => [...journalKeys.all(l), 'learner'] as const,
  mine: ['follow-up', 'me'] as const,
};

const path = (l: Learner) => ({ path: { cohortId: l.cohortId, userId: l.learnerId } });

export function useNotes(learner: Learner, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: journalKeys.notes(learner, page),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cohorts/{cohortId}/members/{userId}/notes', { params: { ...path(learner), query: { page } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useActions(learner: Learner, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: journalKeys.actions(learner, page),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cohorts/{cohortId}/members/{userId}/actions', { params: { ...path(learner), query: { page } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useTimeline(learner: Learner, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: journalKeys.timeline(learner, page),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cohorts/{cohortId}/members/{userId}/timeline', { params: { ...path(learner), query: { page } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The learner's name, from the cohort's roster of learners (what the page's header shows). */
export function useLearnerName(learner: Learner) {
  const api = useApi();
  return useQuery({
    queryKey: journalKeys.learner(learner),
    queryFn: async ({ signal }) => {
      const roster = await unwrap(
        api.GET('/api/v1/cohorts/{cohortId}/members', { params: { path: { cohortId: learner.cohortId }, query: { role: 'Learner', pageSize: 100 } }, signal }),
      );
      return roster.items.find((m) => m.userId === learner.learnerId)?.displayName ?? null;
    },
    staleTime: 60_000,
  });
}

/** Any change to the journal refreshes all of it: the timeline merges notes and actions. */
function useJournalMutation<T>(learner: Learner, mutationFn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: journalKeys.all(learner) }) });
}

export function useAddNote(learner: Learner) {
  const api = useApi();
  return useJournalMutation(learner, (body: string) =>
    unwrap(api.POST('/api/v1/cohorts/{cohortId}/members/{userId}/notes', { params: path(learner), body: { body } })),
  );
}

export function useDeleteNote(learner: Learner) {
  const api = useApi();
  return useJournalMutation(learner, (noteId: string) =>
    unwrap(api.DELETE('/api/v1/cohorts/{cohortId}/members/{userId}/notes/{noteId}', { params: { path: { ...path(learner).path, noteId } } })),
  );
}

export function useCreateAction(learner: Learner) {
  const api = useApi();
  return useJournalMutation(learner, (body: FollowUpActionCreate) =>
    unwrap(api.POST('/api/v1/cohorts/{cohortId}/members/{userId}/actions', { params: path(learner), body })),
  );
}

/** Done or cancelled, conditional on the copy shown (its version as If-Match: 412 when someone changed it meanwhile). */
export function useCloseAction(learner: Learner) {
  const api = useApi();
  return useJournalMutation(learner, ({ action, status }: { action: FollowUpAction; status: 'Done' | 'Cancelled' }) =>
    unwrap(
      api.PATCH('/api/v1/cohorts/{cohortId}/members/{userId}/actions/{actionId}', {
        params: { path: { ...path(learner).path, actionId: action.id }, header: { 'If-Match': `"${action.version.replaceAll('-', '')}"` } },
        body: { status },
      }),
    ),
  );
}

export function useMyFollowUp() {
  const api = useApi();
  return useQuery({
    queryKey: journalKeys.mine,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/follow-up', { signal })),
  });
}
