import type { AgendaEntry, AgendaEntryKind } from '@/features/calendar/api/calendar';
import type { NextSteps } from '@/features/calendar/api/upcoming';

/** What an "à venir" line is: an activity of a course, an assignment's due date, or a live session. */
export type UpcomingKind = 'Activity' | AgendaEntryKind;

export interface UpcomingItem {
  key: string;
  kind: UpcomingKind;
  title: string;
  cohortTitle: string;
  /** The instant the line is about: an activity's own due date (or its release when it has none), a due date, a session's start. */
  at: string;
  /** How `at` reads: a due date, a start, or a release already past (an activity without a due date). */
  reads: 'due' | 'starts' | 'available';
  timeZone: string;
  overdue: boolean;
  cancelled: boolean;
  /** A session whose preparation the learner has not finished (flipped classroom: prepare first). */
  toPrepare: boolean;
  href: string;
}

/** How many lines the home shows: the soonest; the agenda has the rest. */
export const UPCOMING_SHOWN = 8;

/**
 * The learner's "à venir" across their cohorts, soonest first: their next activities (due dates from their own pacing),
 * and from their agenda the assignments' due dates and the sessions. Each line links to where one acts on it.
 */
export function upcomingItems(steps: NextSteps, agenda: AgendaEntry[], cohortTitles: Record<string, string>, now: Date): UpcomingItem[] {
  const zones = Object.fromEntries(agenda.map((e) => [e.cohortId, e.timeZone]));
  const activities = steps.cohorts.flatMap((cohort) =>
    cohort.nextActivities.map((a): UpcomingItem => ({
      key: `activity-${a.activityId}`,
      kind: 'Activity',
      title: a.title,
      cohortTitle: cohort.title,
      at: a.dueAt ?? a.releaseAt,
      reads: a.dueAt ? 'due' : 'available',
      timeZone: zones[cohort.cohortId] ?? 'UTC',
      overdue: a.dueAt ? new Date(a.dueAt) < now : false,
      cancelled: false,
      toPrepare: false,
      href: `/cohorts/${cohort.cohortId}/course?activity=${a.activityId}`,
    })),
  );
  const entries = agenda.map((e): UpcomingItem => ({
    key: `${e.kind}-${e.id}`,
    kind: e.kind,
    title: e.title,
    cohortTitle: cohortTitles[e.cohortId] ?? '',
    at: e.startsAt,
    reads: e.kind === 'DueDate' ? 'due' : 'starts',
    timeZone: e.timeZone,
    overdue: false,
    cancelled: e.isCancelled,
    toPrepare: e.preparationDone === false && !e.isCancelled,
    href: e.kind === 'DueDate' ? `/assignments/${e.id}` : `/sessions/${e.id}`,
  }));
  return [...activities, ...entries].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime() || a.key.localeCompare(b.key));
}
