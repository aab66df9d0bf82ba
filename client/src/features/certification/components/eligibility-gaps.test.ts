import { describe, expect, it } from 'vitest';
import type { EligibilityCriterion, LearnerEligibility } from '@/features/certification/api/certification';
import { eligibilityGaps } from './eligibility-gaps';

const met: EligibilityCriterion = { required: false, met: true, value: null, threshold: null };
const learner = (criteria: Partial<LearnerEligibility['criteria']>, extra: Partial<LearnerEligibility> = {}): LearnerEligibility => ({
  userId: 'u1',
  displayName: 'Anaïs',
  eligible: false,
  criteria: { finalGrade: met, completion: met, attendance: met, assignments: met, competencies: met, ...criteria },
  missingAssignments: [],
  missingCompetencies: [],
  ...extra,
});

describe('eligibilityGaps', () => {
  it('is empty when every criterion is met', () => {
    expect(eligibilityGaps(learner({}))).toEqual([]);
  });

  it('says how many points are missing, rounded up to the hundredth', () => {
    const gaps = eligibilityGaps(learner({
      finalGrade: { required: true, met: false, value: 47.996, threshold: 60 },
      completion: { required: true, met: false, value: 50, threshold: 80 },
      attendance: { required: true, met: false, value: 66.67, threshold: 75 },
    }));
    expect(gaps).toEqual([
      { kind: 'finalGrade', points: 12.01 },
      { kind: 'completion', points: 30 },
      { kind: 'attendance', points: 8.33 },
    ]);
  });

  it('says when nothing is known yet, and names the missing assignments and competencies', () => {
    const gaps = eligibilityGaps(learner(
      {
        finalGrade: { required: true, met: false, value: null, threshold: 50 },
        attendance: { required: true, met: false, value: null, threshold: 75 },
        assignments: { required: true, met: false, value: 1, threshold: 3 },
        competencies: { required: true, met: false, value: 0, threshold: 1 },
      },
      { missingAssignments: [{ id: 'a', title: 'Dossier' }, { id: 'b', title: 'Quiz' }], missingCompetencies: [{ code: 'C1', title: 'Planifier' }] },
    ));
    expect(gaps).toEqual([
      { kind: 'noGrade' },
      { kind: 'noAttendance' },
      { kind: 'assignments', titles: ['Dossier', 'Quiz'] },
      { kind: 'competencies', titles: ['C1 · Planifier'] },
    ]);
  });
});
