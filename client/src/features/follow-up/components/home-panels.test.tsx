import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json } from '@/testing/fake-api';
import { cohortId, paged, trainerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import type { FollowUpAttention } from '@/features/follow-up/api/attention';
import type { LearnerFollowUp } from '@/features/follow-up/api/follow-up';
import { isOverdue, planStanding } from './attention';
import { AttentionPanel } from './attention-panel';
import { MentoredLearnersPanel } from './mentored-learners-panel';

const lea = '0192f0c1-0000-7000-8000-00000000c001';
const theo = '0192f0c1-0000-7000-8000-00000000c002';

describe('planStanding and isOverdue', () => {
  it('reads "behind by" as behind, ahead or on plan', () => {
    expect(planStanding(3)).toEqual({ key: 'behind', count: 3 });
    expect(planStanding(-2)).toEqual({ key: 'ahead', count: 2 });
    expect(planStanding(0)).toEqual({ key: 'onPlan', count: 0 });
  });

  it('an action is overdue only once its day has passed', () => {
    const today = new Date(2027, 2, 10, 15, 0);
    expect(isOverdue('2027-03-09', today)).toBe(true);
    expect(isOverdue('2027-03-10', today)).toBe(false);
  });
});

describe('AttentionPanel ("à suivre")', () => {
  const filled: FollowUpAttention = {
    items: [
      {
        cohortId, cohortTitle: 'Cohorte hiver', learnerId: lea, displayName: 'Léa Bernard', level: 'AtRisk', behindBy: 3, lastActivityAt: '2027-03-01T10:00:00Z', levelChangedAt: null,
        reasons: [{ rule: 'BehindSchedule', level: 'AtRisk', value: 3, threshold: 3 }, { rule: 'Absences', level: 'Watch', value: 1, threshold: 1 }],
      },
      { cohortId, cohortTitle: 'Cohorte hiver', learnerId: theo, displayName: 'Théo Rousseau', level: 'Watch', behindBy: 0, lastActivityAt: null, levelChangedAt: null, reasons: [] },
    ],
    page: 1, pageSize: 10, totalCount: 2,
    actions: [{ id: 'x1', cohortId, cohortTitle: 'Cohorte hiver', learnerId: lea, learnerName: 'Léa Bernard', kind: 'Call', title: 'Appeler Léa', dueOn: '2020-01-02' }],
    actionsDueSoon: 3,
  };

  it('lists the learners at risk first with their reasons in words, and the caller’s actions due, an overdue one flagged', async () => {
    signedInApi(trainerMe, { 'GET /api/v1/me/follow-up/attention': () => json(filled) });
    renderRoute('/trainer', { '/trainer': <AttentionPanel /> });
    const panel = await screen.findByRole('region', { name: 'À suivre' });
    const learners = await within(panel).findByRole('region', { name: 'Apprenants à surveiller' });
    expect(within(learners).getAllByRole('link').map((l) => l.textContent)).toEqual(['Léa Bernard', 'Théo Rousseau']);
    expect(within(learners).getByRole('link', { name: 'Ouvrir le suivi de Léa Bernard' })).toHaveAttribute('href', `/cohorts/${cohortId}/follow-up/learners/${lea}`);
    expect(within(learners).getByText(/3 activités de retard \(seuil : 3\)/)).toBeInTheDocument();
    expect(within(learners).getByText('En risque')).toBeInTheDocument();
    expect(within(learners).getByText(/Aucune activité pour l’instant/)).toBeInTheDocument();
    const actions = within(panel).getByRole('region', { name: 'Mes actions à échéance' });
    expect(within(actions).getByRole('link', { name: 'Appeler Léa' })).toBeInTheDocument();
    expect(within(actions).getByText('En retard')).toBeInTheDocument();
    expect(within(actions).getByText('3 actions à échéance au total')).toBeInTheDocument();
  });

  it('says so when nobody needs attention and no action is due', async () => {
    signedInApi(trainerMe, { 'GET /api/v1/me/follow-up/attention': () => json({ items: [], page: 1, pageSize: 10, totalCount: 0, actions: [], actionsDueSoon: 0 }) });
    renderRoute('/trainer', { '/trainer': <AttentionPanel /> });
    expect(await screen.findByText('Aucun apprenant en difficulté ni à surveiller dans vos cohortes.')).toBeInTheDocument();
    expect(screen.getByText('Aucune action de suivi à échéance dans les sept prochains jours.')).toBeInTheDocument();
  });
});

describe('MentoredLearnersPanel', () => {
  const mentorMe = {
    ...trainerMe,
    cohorts: [{ cohortId, title: 'Cohorte hiver', organizationId: 'o1', role: 'Mentor' as const, startsOn: '2027-01-04', endsOn: '2027-04-30', timeZone: 'Europe/Paris' }],
  };
  const row = (learnerId: string, displayName: string, done: number, expected: number, level: LearnerFollowUp['level']): LearnerFollowUp => ({
    learnerId, displayName, mentorId: trainerMe.id, level, reasons: [], levelChangedAt: null,
    signals: {
      lastActivityAt: '2027-03-01T10:00:00Z', daysInactive: 2, activitiesDone: done, activitiesExpected: expected, activitiesTotal: 12, behindBy: expected - done,
      missedDeadlines: 0, lateSubmissions: 0, averageGrade: null, gradeTrend: null, attendanceRate: null, absences: 0, forumPosts: 0, lastContactAt: null, daysWithoutContact: 3,
    },
  });

  it('shows each of the mentor’s learners with their completion against their plan, last activity and level', async () => {
    const api = signedInApi(mentorMe, {
      [`GET /api/v1/cohorts/${cohortId}/follow-up`]: () =>
        json({ ...paged([row(lea, 'Léa Bernard', 2, 5, 'AtRisk'), row(theo, 'Théo Rousseau', 6, 5, 'OnTrack')]), counts: { onTrack: 1, watch: 0, atRisk: 1 } }),
    });
    renderRoute('/mentor', { '/mentor': <MentoredLearnersPanel /> });
    const cohort = await screen.findByRole('region', { name: 'Cohorte hiver' });
    const table = await within(cohort).findByRole('table');
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2 / 12', 'En retard de 3 activités', '1 mars 2027', 'En risque']);
    expect(within(second!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['6 / 12', 'En avance de 1 activité', '1 mars 2027', 'Dans les temps']);
    expect(api.sent(`GET /api/v1/cohorts/${cohortId}/follow-up`)).toHaveLength(1);
  });

  it('says when no learner is assigned yet, and when the caller mentors no cohort', async () => {
    signedInApi(mentorMe, { [`GET /api/v1/cohorts/${cohortId}/follow-up`]: () => json({ ...paged([]), counts: { onTrack: 0, watch: 0, atRisk: 0 } }) });
    const { unmount } = renderRoute('/mentor', { '/mentor': <MentoredLearnersPanel /> });
    expect(await screen.findByText('Aucun apprenant ne vous est encore confié dans cette cohorte.')).toBeInTheDocument();
    unmount();
    signedInApi(trainerMe, {});
    renderRoute('/mentor', { '/mentor': <MentoredLearnersPanel /> });
    expect(await screen.findByText('Les apprenants qui vous sont confiés apparaîtront ici.')).toBeInTheDocument();
  });
});
