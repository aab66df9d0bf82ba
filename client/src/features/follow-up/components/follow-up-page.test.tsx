import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n/i18n';
import { LiveContext } from '@/lib/live/live-context';
import { json, problem } from '@/testing/fake-api';
import { fakeLive } from '@/testing/fake-live';
import { cohortFixture, cohortId, trainerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import type { LearnerFollowUp, RiskRules } from '@/features/follow-up/api/follow-up';
import { FollowUpPage } from './follow-up-page';
import { reasonText } from './reason-text';
import { ruleError } from './rule-error';

const learnerId = '0192f0c1-0000-7000-8000-0000000000b1';
const route = { '/cohorts/:cohortId/follow-up': <FollowUpPage /> };

function row(overrides: Partial<LearnerFollowUp> = {}): LearnerFollowUp {
  return {
    learnerId, displayName: 'Anaïs Girard', mentorId: null, level: 'AtRisk', levelChangedAt: '2027-03-10T08:00:00Z',
    reasons: [
      { rule: 'BehindSchedule', level: 'AtRisk', value: 3, threshold: 3 },
      { rule: 'GradeBelow', level: 'AtRisk', value: 41, threshold: 50 },
    ],
    signals: {
      lastActivityAt: '2027-03-08T08:00:00Z', daysInactive: 4, activitiesDone: 2, activitiesExpected: 5, activitiesTotal: 12, behindBy: 3,
      missedDeadlines: 0, lateSubmissions: 0, averageGrade: 41, gradeTrend: null, attendanceRate: null, absences: 0, forumPosts: 1,
      lastContactAt: null, daysWithoutContact: 22,
    },
    ...overrides,
  };
}

const dashboard = (items: LearnerFollowUp[], counts = { onTrack: 5, watch: 2, atRisk: items.length }) => json({ counts, items, page: 1, pageSize: 20, totalCount: items.length });

const rules: RiskRules = {
  cohortId, updatedAt: null, version: '0192f0c1-0000-7000-8000-0000000000f1',
  rules: [
    { kind: 'BehindSchedule', enabled: true, watchFrom: 2, atRiskFrom: 3 },
    { kind: 'GradeBelow', enabled: true, watchFrom: 60, atRiskFrom: 50 },
  ],
};

describe('Reasons as sentences', () => {
  it('words each rule with the learner’s figure and the threshold reached', () => {
    const t = i18n.getFixedT('fr', 'followUp');
    const number = (v: number) => new Intl.NumberFormat('fr').format(v);
    expect(reasonText({ rule: 'BehindSchedule', level: 'AtRisk', value: 3, threshold: 3 }, t, number)).toBe('3 activités de retard (seuil : 3)');
    expect(reasonText({ rule: 'MissedDeadlines', level: 'AtRisk', value: 2, threshold: 2 }, t, number)).toBe('2 échéances manquées (seuil : 2)');
    expect(reasonText({ rule: 'Absences', level: 'AtRisk', value: 2, threshold: 2 }, t, number)).toBe('absent 2 fois (seuil : 2)');
    expect(reasonText({ rule: 'DaysWithoutContact', level: 'Watch', value: 22, threshold: 21 }, t, number)).toBe('aucun contact depuis 22 jours (seuil : 21)');
    expect(reasonText({ rule: 'GradeBelow', level: 'AtRisk', value: 41.5, threshold: 50 }, t, number)).toBe('moyenne 41,5 % (< 50 %)');
    expect(reasonText({ rule: 'MissedDeadlines', level: 'Watch', value: 1, threshold: 1 }, t, number)).toBe('1 échéance manquée (seuil : 1)');
  });
});

describe('Risk rule checks', () => {
  it('asks an enabled rule for a threshold, keeps grades to percentages and at risk beyond watch', () => {
    expect(ruleError({ kind: 'Absences', enabled: true, watchFrom: '', atRiskFrom: '' })).toBe('needsThreshold');
    expect(ruleError({ kind: 'Absences', enabled: false, watchFrom: '', atRiskFrom: '' })).toBeUndefined();
    expect(ruleError({ kind: 'GradeBelow', enabled: true, watchFrom: 120, atRiskFrom: 50 })).toBe('percent');
    expect(ruleError({ kind: 'BehindSchedule', enabled: true, watchFrom: 3, atRiskFrom: 2 })).toBe('order');
    expect(ruleError({ kind: 'GradeBelow', enabled: true, watchFrom: 50, atRiskFrom: 60 })).toBe('orderBelow');
    expect(ruleError({ kind: 'DaysInactive', enabled: true, watchFrom: 7, atRiskFrom: 1001 })).toBe('range');
    expect(ruleError({ kind: 'DaysWithoutContact', enabled: true, watchFrom: 21, atRiskFrom: '' })).toBeUndefined();
  });
});

describe('Follow-up dashboard', () => {
  it('shows the counts in words, each learner with the reasons, links to their follow-up, and refetches on a live push', async () => {
    let calls = 0;
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture()),
      [`GET /api/v1/cohorts/${cohortId}/members`]: () => json({ items: [{ userId: trainerMe.id, displayName: 'Marc Tuteur', role: 'Mentor' }], page: 1, pageSize: 100, totalCount: 1 }),
      [`GET /api/v1/cohorts/${cohortId}/follow-up`]: () => (++calls === 1 ? dashboard([row()]) : dashboard([row(), row({ learnerId: '0192f0c1-0000-7000-8000-0000000000b2', displayName: 'Bruno Petit', level: 'Watch', reasons: [{ rule: 'Absences', level: 'Watch', value: 1, threshold: 1 }] })])),
    });
    const hub = fakeLive();
    renderRoute(`/cohorts/${cohortId}/follow-up`, { '/cohorts/:cohortId/follow-up': <LiveContext.Provider value={hub.live}><FollowUpPage /></LiveContext.Provider> });

    expect(await screen.findByTestId('follow-up-counts')).toHaveTextContent('1 en risque, 2 à surveiller, 5 dans les temps');
    const card = screen.getByTestId('follow-up-row');
    expect(within(card).getByText('3 activités de retard (seuil : 3)')).toBeInTheDocument();
    expect(within(card).getByText('moyenne 41 % (< 50 %)')).toBeInTheDocument();
    expect(within(card).getByText('En risque')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Ouvrir le suivi : Anaïs Girard' })).toHaveAttribute('href', `/cohorts/${cohortId}/follow-up/learners/${learnerId}`);
    expect(within(card).getByText(/3 activités de retard sur son rythme · .* · Aucun contact depuis 22 j/)).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Niveau' }), 'À surveiller');
    await waitFor(() => expect(api.sent(`GET /api/v1/cohorts/${cohortId}/follow-up`).at(-1)?.url).toContain('level=Watch'));
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Tuteur' }), 'Marc Tuteur');
    await waitFor(() => expect(api.sent(`GET /api/v1/cohorts/${cohortId}/follow-up`).at(-1)?.url).toContain(`mentorId=${trainerMe.id}`));

    hub.push('followUpChanged', { cohortId: '0192f0c1-0000-7000-8000-00000000dead' });
    hub.push('followUpChanged', { cohortId });
    expect(await screen.findByText('absent 1 fois (seuil : 1)')).toBeInTheDocument();
  }, 15_000);

  it('says so when no learner has signals yet', async () => {
    signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ myRole: 'Mentor' })),
      [`GET /api/v1/cohorts/${cohortId}/follow-up`]: () => dashboard([], { onTrack: 0, watch: 0, atRisk: 0 }),
    });
    renderRoute(`/cohorts/${cohortId}/follow-up`, route);
    expect(await screen.findByText(/Aucun apprenant à afficher/)).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Tuteur' })).not.toBeInTheDocument();
  });
});

describe('Risk rules editor', () => {
  it('saves with If-Match, blocks an inconsistent rule, and explains a 412', async () => {
    let puts = 0;
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture()),
      [`GET /api/v1/cohorts/${cohortId}/follow-up`]: () => dashboard([]),
      [`GET /api/v1/cohorts/${cohortId}/members`]: () => json({ items: [], page: 1, pageSize: 100, totalCount: 0 }),
      [`GET /api/v1/cohorts/${cohortId}/follow-up/rules`]: () => json(rules, 200, { ETag: '"v1"' }),
      [`PUT /api/v1/cohorts/${cohortId}/follow-up/rules`]: () => (++puts === 1 ? json({ ...rules, updatedAt: '2027-03-10T08:00:00Z' }, 200, { ETag: '"v2"' }) : problem(412, 'precondition-failed')),
    });
    renderRoute(`/cohorts/${cohortId}/follow-up`, route);
    await userEvent.click(await screen.findByRole('tab', { name: 'Règles de risque' }));
    const behind = await screen.findByRole('group', { name: 'Retard sur son rythme' });
    const atRisk = within(behind).getByRole('textbox', { name: 'En risque à partir de (activités)' });
    await userEvent.clear(atRisk);
    await userEvent.type(atRisk, '1');
    expect(within(behind).getByRole('alert')).toHaveTextContent('Le seuil « en risque » doit aller au-delà du seuil « à surveiller ».');
    expect(screen.getByRole('button', { name: 'Enregistrer les règles' })).toBeDisabled();

    await userEvent.type(atRisk, '0');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer les règles' }));
    expect(await screen.findByText(/Règles enregistrées/)).toBeInTheDocument();
    const put = api.sent(`PUT /api/v1/cohorts/${cohortId}/follow-up/rules`)[0]!;
    expect(put.headers.get('If-Match')).toBe('"v1"');
    expect((await put.json()).rules[0]).toEqual({ kind: 'BehindSchedule', enabled: true, watchFrom: 2, atRiskFrom: 10 });

    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer les règles' }));
    expect(await screen.findByText(/modifiées entre-temps par quelqu’un d’autre/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Recharger les règles' })).toBeInTheDocument();
  }, 15_000);

  it('lets a mentor read the rules without changing them', async () => {
    signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ myRole: 'Mentor' })),
      [`GET /api/v1/cohorts/${cohortId}/follow-up`]: () => dashboard([]),
      [`GET /api/v1/cohorts/${cohortId}/follow-up/rules`]: () => json(rules, 200, { ETag: '"v1"' }),
    });
    renderRoute(`/cohorts/${cohortId}/follow-up`, route);
    await userEvent.click(await screen.findByRole('tab', { name: 'Règles de risque' }));
    expect(await screen.findByText('Seuls les formateurs et les administrateurs modifient ces règles.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enregistrer les règles' })).not.toBeInTheDocument();
  });
});
