import { dateIn } from '@/lib/i18n/time-zone';

export interface SectionProgress {
  sectionId: string;
  title: string;
  done: number;
  total: number;
  percent: number;
}

/** Whole percent, 0 when there is nothing to do. */
export function percentOf(done: number, total: number): number {
  return total <= 0 ? 0 : Math.round((done / total) * 100);
}

/** Activities done per section, sections in the schedule's order. */
export function sectionProgress(
  activities: readonly { sectionId: string; sectionTitle: string; completedAt?: string | null }[],
): SectionProgress[] {
  const sections = new Map<string, SectionProgress>();
  for (const activity of activities) {
    let section = sections.get(activity.sectionId);
    if (!section) {
      section = { sectionId: activity.sectionId, title: activity.sectionTitle, done: 0, total: 0, percent: 0 };
      sections.set(activity.sectionId, section);
    }
    section.total += 1;
    if (activity.completedAt) section.done += 1;
  }
  return [...sections.values()].map((section) => ({ ...section, percent: percentOf(section.done, section.total) }));
}

export interface CompletionPoint {
  /** `YYYY-MM-DD` in the cohort's zone. */
  day: string;
  /** Activities completed that day. */
  count: number;
  /** Activities completed up to and including that day. */
  cumulative: number;
}

/** Completions grouped by calendar day in `timeZone`, oldest first, with a running total. */
export function completionsOverTime(completedAt: readonly (string | null | undefined)[], timeZone: string): CompletionPoint[] {
  const perDay = new Map<string, number>();
  for (const instant of completedAt) {
    if (!instant) continue;
    const day = dateIn(instant, timeZone);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  let cumulative = 0;
  return [...perDay.keys()].sort().map((day) => {
    const count = perDay.get(day) ?? 0;
    cumulative += count;
    return { day, count, cumulative };
  });
}

/** The matrix's cell lookup: learner id → activity id → completion instant. */
export function completionIndex(rows: readonly { userId: string; completed: readonly { activityId: string; completedAt: string }[] }[]) {
  const index = new Map<string, Map<string, string>>();
  for (const row of rows) index.set(row.userId, new Map(row.completed.map((done) => [done.activityId, done.completedAt])));
  return index;
}

/** Per-activity completion rate among active (not withdrawn) learners. */
export function activityRates(
  activityIds: readonly string[],
  rows: readonly { withdrawn: boolean; completed: readonly { activityId: string }[] }[],
): Map<string, number> {
  const active = rows.filter((row) => !row.withdrawn);
  const rates = new Map<string, number>();
  for (const id of activityIds) {
    const done = active.filter((row) => row.completed.some((c) => c.activityId === id)).length;
    rates.set(id, percentOf(done, active.length));
  }
  return rates;
}
