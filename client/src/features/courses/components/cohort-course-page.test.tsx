import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json } from '@/testing/fake-api';
import { cohortFixture, cohortId, courseId, learnerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import type { Schedule, ScheduledActivity } from '@/features/courses/api/schedule';
import { CohortCoursePage } from './cohort-course-page';
import { nextActivity } from './next-activity';

const sectionId = '0192f0c1-0000-7000-8000-0000000c0601';

function activity(activityId: string, title: string, overrides: Partial<ScheduledActivity> = {}): ScheduledActivity {
  return {
    activityId, sectionId, sectionTitle: 'Semaine 1', kind: 'Lesson', title, durationMinutes: 20, releaseAt: '2027-03-01T05:00:00Z', dueAt: null,
    shiftDays: 0, released: true, contentHtml: `<p>${title}</p>`, url: null, hasFile: false, completedAt: null, ...overrides,
  };
}

describe('nextActivity', () => {
  const done = '2027-03-02T10:00:00Z';
  const list = [activity('a1', 'Accueil', { completedAt: done }), activity('a2', 'Cadrage'), activity('a3', 'Planning'), activity('a4', 'Démo', { released: false })];

  it('is the first released activity not done, in course order', () => {
    expect(nextActivity(list)?.activityId).toBe('a2');
  });

  it('after the one being read comes the next not done; past the last open one, an earlier one left behind', () => {
    expect(nextActivity(list, 'a2')?.activityId).toBe('a3');
    expect(nextActivity(list, 'a3')?.activityId).toBe('a2');
  });

  it('is none when every released activity is done (an unreleased one never counts)', () => {
    const allDone = list.map((a) => (a.released ? { ...a, completedAt: done } : a));
    expect(nextActivity(allDone)).toBeUndefined();
    expect(nextActivity(allDone, 'a1')).toBeUndefined();
  });
});

describe('Learner: the course page shows the course', () => {
  const schedule: Schedule = {
    cohortId, courseId, timeZone: 'Europe/Paris', startsOn: '2027-03-01', learnerId: learnerMe.id,
    activities: [activity('a1', 'Accueil', { completedAt: '2027-03-02T10:00:00Z' }), activity('a2', 'Cadrage'), activity('a3', 'Planning')],
    extraResources: [],
    course: {
      title: 'Gestion de projet agile',
      summaryHtml: '<p>Piloter un projet <strong>pas à pas</strong>.</p>',
      competencies: [{ code: 'C1', title: 'Planifier' }, { code: 'C2', title: 'Communiquer' }],
    },
  };

  it('gives the course’s title, summary and competencies, resumes at the next activity and goes on to the one after it', async () => {
    signedInApi(learnerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ myRole: 'Learner' })),
      [`GET /api/v1/cohorts/${cohortId}/schedule`]: () => json(schedule),
    });
    const { user, router } = renderRoute(`/cohorts/${cohortId}/course`, { '/cohorts/:cohortId/course': <CohortCoursePage /> });

    const about = await screen.findByRole('region', { name: 'Gestion de projet agile' });
    expect(within(about).getByTestId('course-summary').querySelector('strong')).toHaveTextContent('pas à pas');
    expect(within(about).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['C1 · Planifier', 'C2 · Communiquer']);

    await user.click(screen.getByRole('button', { name: 'Reprendre : Cadrage' }));
    expect(router.state.location.search).toBe('?activity=a2');
    const reader = screen.getByRole('article', { name: 'Cadrage' });
    await user.click(within(reader).getByRole('button', { name: 'Activité suivante : Planning' }));
    expect(screen.getByRole('article', { name: 'Planning' })).toBeInTheDocument();
    expect(await screen.findByTestId('completion-chart')).toHaveAccessibleName(/^1 activité terminée sur 3/);
  });

  it('says when every available activity is done, and shows no course card for a draft it may not preview', async () => {
    signedInApi(learnerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ myRole: 'Learner' })),
      [`GET /api/v1/cohorts/${cohortId}/schedule`]: () =>
        json({ ...schedule, course: null, activities: [activity('a1', 'Accueil', { completedAt: '2027-03-02T10:00:00Z' })] }),
    });
    renderRoute(`/cohorts/${cohortId}/course`, { '/cohorts/:cohortId/course': <CohortCoursePage /> });
    expect(await screen.findByText('Vous avez terminé toutes les activités disponibles.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Gestion de projet agile' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Reprendre/ })).not.toBeInTheDocument();
  });
});
