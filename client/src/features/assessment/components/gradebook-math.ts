// The gradebook screens' arithmetic, kept apart from the components so that tests can call it directly.
import type { Gradebook, GradebookRow } from '@/features/assessment/api/gradebook';
import type { ResultPoint } from './grade-charts';

/** A light tint from red (0 %) through yellow to green (100 %): dark text stays readable on every shade. */
export function masteryColour(percent: number): string {
  const hue = Math.round(Math.min(100, Math.max(0, percent)) * 1.2);
  return `hsl(${hue} 70% 85%)`;
}

/** The weights as the API checks them: to 2 decimals, so 33.33 + 33.33 + 33.34 is 100. */
export function weightTotal(categories: readonly { weight: number }[]): number {
  return Math.round(categories.reduce((sum, c) => sum + c.weight * 100, 0)) / 100;
}

/** The learner's released results in time order (by due date), in percent of each assignment's points, to 2 decimals. */
export function releasedResults(gradebook: Gradebook, row: GradebookRow): ResultPoint[] {
  return gradebook.assignments.flatMap((column, i) => {
    const cell = row.cells[i];
    if (!cell || cell.status !== 'Released' || cell.score === null || cell.score === undefined || column.maxPoints <= 0) return [];
    return [{ at: column.dueAt, title: column.title, percent: Math.round((cell.score / column.maxPoints) * 10_000) / 100 }];
  });
}
