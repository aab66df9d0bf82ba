import { can, type Cohort } from '@/features/cohorts/api/cohorts';

/**
 * Whoever works on the cohort rather than in it: trainers and org admins (settings), a mentor (their learners), a
 * partner's admin (enrolling their people). Read from the capabilities the API grants, never re-derived from roles.
 */
export function worksOnCohort(cohort: Pick<Cohort, 'capabilities'>): boolean {
  return can(cohort, 'ManageSettings') || can(cohort, 'ActOnOwnMentees') || can(cohort, 'EnrolOwnPeople');
}

/** May act on this learner (pacing, progress, mentor): anyone's for trainers and org admins, their own for a mentor. */
export function canActOn(cohort: Pick<Cohort, 'capabilities'>, learner: { mentorId?: string | null }, userId: string | undefined): boolean {
  return can(cohort, 'ActOnAllLearners') || (can(cohort, 'ActOnOwnMentees') && !!userId && learner.mentorId === userId);
}
