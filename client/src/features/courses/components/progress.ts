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

/** A matrix row as the API sends it: the indexes (in the activity columns) of the done activities, and when (Unix seconds), pairwise. */
type CompactRow = { userId: string; withdrawn: boolean; done: readonly number[]; doneAt: readonly number[] };

/** The matrix's cell lookup: learner id → activity id → completion instant (ISO). */
export function completionIndex(activityIds: readonly string[], rows: readonly Omit<CompactRow, 'withdrawn'>[]) {
  const index = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const cells = new Map<string, string>();
    row.done.forEach((column, i) => {
      const id = activityIds[column];
      const at = row.doneAt[i];
      if (id !== undefined && at !== undefined) cells.set(id, new Date(at * 1000).toISOString());
    });
    index.set(row.userId, cells);
  }
  return index;
}

/** Per-activity completion rate among active (not withdrawn) learners. */
export function activityRates(activityIds: readonly string[], rows: readonly Omit<CompactRow, 'userId' | 'doneAt'>[]): Map<string, number> {
  const active = rows.filter((row) => !row.withdrawn);
  const done = activityIds.map(() => 0);
  for (const row of active) for (const column of row.done) if (column < done.length) done[column] = (done[column] ?? 0) + 1;
  return new Map(activityIds.map((id, column) => [id, percentOf(done[column] ?? 0, active.length)]));
}

export interface SectionBand {
  sectionId: string;
  title: string;
  /** Index of its first activity column. */
  first: number;
  span: number;
}

/** The section headers above the matrix's activity columns: one per run of consecutive activities of the same section. */
export function sectionBands(activities: readonly { sectionId: string; sectionTitle: string }[]): SectionBand[] {
  const bands: SectionBand[] = [];
  activities.forEach((activity, i) => {
    const last = bands[bands.length - 1];
    if (last && last.sectionId === activity.sectionId) last.span += 1;
    else bands.push({ sectionId: activity.sectionId, title: activity.sectionTitle, first: i, span: 1 });
  });
  return bands;
}
