// Rubrics: the organisation's templates, the course's competencies a criterion may evidence, the cohort's project groups,
// and the score a rubric's chosen levels add up to.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import { idempotencyKey, retryLostRequest } from '@/lib/api/idempotency';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type Rubric = Schemas['Rubric'];
export type RubricCriterion = Schemas['RubricCriterion'];
export type RubricLevel = Schemas['RubricLevel'];
export type RubricChoice = Schemas['RubricChoice'];
export type RubricScore = Schemas['RubricScore'];
export type RubricTemplate = Schemas['RubricTemplate'];
export type GradeAdjustment = Schemas['GradeAdjustment'];

const templatesKey = (organizationId: string) => ['assessment', 'rubric-templates', organizationId] as const;

/** The organisation's templates (the API caps a page at 100: enough to pick from). */
export function useRubricTemplates(organizationId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: templatesKey(organizationId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/organizations/{organizationId}/rubric-templates', {
          params: { path: { organizationId: organizationId ?? '' }, query: { page: 1, pageSize: 100 } },
          signal,
        }),
      ),
    enabled: Boolean(organizationId),
  });
}

export function useCreateRubricTemplate(organizationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    ...retryLostRequest,
    mutationFn: (body: Schemas['RubricTemplateDefinition'], context) =>
      unwrap(
        api.POST('/api/v1/organizations/{organizationId}/rubric-templates', {
          params: { path: { organizationId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templatesKey(organizationId) }),
  });
}

/** The course's competencies, which a criterion may be tied to (by code). The courses feature's key for the same GET. */
export function useCourseCompetencies(courseId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['courses', courseId ?? ''],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/courses/{courseId}', { params: { path: { courseId: courseId ?? '' } }, signal })),
    select: (course) => course.competencies,
    enabled: Boolean(courseId),
  });
}

/** The cohort's project groups with their members' names (a group project shows who is in the caller's). */
export function useCohortGroups(cohortId: string | undefined, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: ['cohorts', cohortId ?? '', 'groups', 'assessment'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cohorts/{cohortId}/groups', { params: { path: { cohortId: cohortId ?? '' } }, signal })),
    enabled: Boolean(cohortId) && enabled,
  });
}

/** A criterion's top level: its maximum (levels go from the lowest). */
export function criterionMax(criterion: { levels: readonly { points: number }[] }): number {
  return Math.max(0, ...criterion.levels.map((level) => level.points));
}

const cents = (value: number) => Math.round(value * 100);

/**
 * The score of the chosen levels, as the API computes it (RubricGrading.Score): their sum, scaled to `maxPoints` when the
 * rubric's full marks differ (sum × maxPoints ÷ total), rounded to 2 decimals half to even (.NET's Math.Round on a decimal).
 * Worked in hundredths so that 0.1 + 0.2 is exact: score × 100 = earned¢ × max¢ ÷ total¢, rounded to an integer.
 */
export function rubricScore(criteria: readonly RubricCriterion[], chosenPoints: readonly number[], maxPoints: number): number {
  const earned = chosenPoints.reduce((sum, points) => sum + cents(points), 0);
  const total = criteria.reduce((sum, criterion) => sum + cents(criterionMax(criterion)), 0);
  const max = cents(maxPoints);
  if (total === 0 || total === max) return earned / 100;
  const numerator = earned * max;
  const quotient = Math.floor(numerator / total);
  const twiceRemainder = 2 * (numerator - quotient * total);
  const rounded = twiceRemainder > total || (twiceRemainder === total && quotient % 2 === 1) ? quotient + 1 : quotient;
  return rounded / 100;
}

/** The read-only totals the schema carries, kept in step with the levels (the API recomputes them anyway). */
export function withTotals(criteria: RubricCriterion[]): Rubric {
  const withMax = criteria.map((criterion) => ({ ...criterion, maxPoints: criterionMax(criterion) }));
  return { criteria: withMax, totalPoints: withMax.reduce((sum, criterion) => sum + criterion.maxPoints, 0) };
}

/** A template's rubric as a new copy: the server gives the copy its own ids. */
export function copyOf(rubric: Rubric): Rubric {
  return withTotals(rubric.criteria.map((criterion) => ({ ...criterion, id: null, levels: criterion.levels.map((level) => ({ ...level, id: null })) })));
}

/** Levels go from the lowest, their points strictly increasing (as the API requires). */
export function levelsIncrease(criterion: RubricCriterion): boolean {
  return criterion.levels.every((level, index) => index === 0 || level.points > (criterion.levels[index - 1]?.points ?? -Infinity));
}
