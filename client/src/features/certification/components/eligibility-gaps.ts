import type { LearnerEligibility } from '@/features/certification/api/certification';

/** One thing a learner still misses, with how much, for "Il vous manque : ...". */
export type Gap =
  | { kind: 'finalGrade' | 'completion' | 'attendance'; points: number }
  | { kind: 'noGrade' | 'noAttendance' }
  | { kind: 'assignments'; titles: string[] }
  | { kind: 'competencies'; titles: string[] };

/**
 * What separates a learner from their certificate: for each unmet minimum, the percentage points still to gain (rounded
 * up to the hundredth, so that reaching it meets the rule), or that nothing is known yet; the required assignments not
 * passed and competencies not mastered, by title. Empty when every criterion is met.
 */
export function eligibilityGaps(learner: LearnerEligibility): Gap[] {
  const gaps: Gap[] = [];
  const { finalGrade, completion, attendance, assignments, competencies } = learner.criteria;
  const points = (value: number | null | undefined, threshold: number | null | undefined) =>
    Math.ceil(((threshold ?? 0) - (value ?? 0)) * 100) / 100;

  if (!finalGrade.met) gaps.push(finalGrade.value == null ? { kind: 'noGrade' } : { kind: 'finalGrade', points: points(finalGrade.value, finalGrade.threshold) });
  if (!completion.met) gaps.push({ kind: 'completion', points: points(completion.value, completion.threshold) });
  if (!attendance.met) gaps.push(attendance.value == null ? { kind: 'noAttendance' } : { kind: 'attendance', points: points(attendance.value, attendance.threshold) });
  if (!assignments.met) gaps.push({ kind: 'assignments', titles: learner.missingAssignments.map((a) => a.title) });
  if (!competencies.met) gaps.push({ kind: 'competencies', titles: learner.missingCompetencies.map((c) => `${c.code} · ${c.title}`) });
  return gaps;
}
