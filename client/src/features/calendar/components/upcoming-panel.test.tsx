import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json } from '@/testing/fake-api';
import { cohortId, learnerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import type { AgendaEntry } from '@/features/calendar/api/calendar';
import type { NextSteps } from '@/features/calendar/api/upcoming';
import { upcomingItems } from './upcoming';
import { UpcomingPanel } from './upcoming-panel';

const other = '0192f0c1-0000-7000-8000-0000000c0402';
const membership = { organizationId: 'o1', role: 'Learner' as const, startsOn: '2027-03-01', endsOn: '2027-06-30', timeZone: 'Europe/Paris' };
const me = { ...learnerMe, cohorts: [{ ...membership, cohortId, title: 'Cohorte hiver' }, { ...membership, cohortId: other, title: 'Cohorte printemps' }] };

function steps(): NextSteps {
  const cohort = { progress: { status: 'OnPlan' as const }, skills: [], nextAssignments: [], actions: [] };
  return {
    cohorts: [
      { ...cohort, cohortId, title: 'Cohorte hiver', nextActivities: [{ activityId: 'act1', title: 'Lire le cadrage', kind: 'Lesson', releaseAt: '2027-03-01T00:00:00Z', dueAt: '2027-03-12T22:59:00Z' }] },
      { ...cohort, cohortId: other, title: 'Cohorte printemps', nextActivities: [{ activityId: 'act2', title: 'Vidéo d’accueil', kind: 'Video', releaseAt: '2027-03-05T00:00:00Z', dueAt: null }] },
    ],
  };
}

const agenda: AgendaEntry[] = [
  { kind: 'VirtualClass', id: 's1', cohortId: other, title: 'Classe virtuelle : revue', startsAt: '2027-03-11T09:00:00Z', endsAt: '2027-03-11T10:00:00Z', isCancelled: false, timeZone: 'Europe/Paris' },
  { kind: 'DueDate', id: 'as1', cohortId, title: 'Note de cadrage', startsAt: '2027-03-15T22:59:00Z', isCancelled: false, timeZone: 'Europe/Paris' },
];

describe('upcomingItems', () => {
  it('merges next activities, due dates and sessions of every cohort, soonest first, each linked to where one acts', () => {
    const items = upcomingItems(steps(), agenda, { [cohortId]: 'Cohorte hiver', [other]: 'Cohorte printemps' }, new Date('2027-03-08T08:00:00Z'));
    expect(items.map((i) => [i.title, i.cohortTitle, i.reads, i.href])).toEqual([
      ['Vidéo d’accueil', 'Cohorte printemps', 'available', `/cohorts/${other}/course?activity=act2`],
      ['Classe virtuelle : revue', 'Cohorte printemps', 'starts', '/sessions/s1'],
      ['Lire le cadrage', 'Cohorte hiver', 'due', `/cohorts/${cohortId}/course?activity=act1`],
      ['Note de cadrage', 'Cohorte hiver', 'due', '/assignments/as1'],
    ]);
  });

  it('flags an activity past its own due date as overdue, and a cancelled session as cancelled', () => {
    const items = upcomingItems(steps(), [{ ...agenda[0]!, isCancelled: true }], {}, new Date('2027-03-13T08:00:00Z'));
    expect(items.find((i) => i.key === 'activity-act1')?.overdue).toBe(true);
    expect(items.find((i) => i.key === 'VirtualClass-s1')?.cancelled).toBe(true);
  });

  it('flags a session still to prepare, not one prepared, without preparation or cancelled', () => {
    const at = new Date('2027-03-08T08:00:00Z');
    const flag = (entry: Partial<AgendaEntry>) => upcomingItems(steps(), [{ ...agenda[0]!, ...entry }], {}, at).find((i) => i.key === 'VirtualClass-s1')?.toPrepare;
    expect(flag({ preparationDone: false })).toBe(true);
    expect(flag({ preparationDone: true })).toBe(false);
    expect(flag({ preparationDone: null })).toBe(false);
    expect(flag({ preparationDone: false, isCancelled: true })).toBe(false);
  });
});

describe('UpcomingPanel', () => {
  it('lists what is coming with two requests whatever the number of cohorts', async () => {
    const api = signedInApi(me, { 'GET /api/v1/me/follow-up': () => json(steps()), 'GET /api/v1/me/agenda': () => json({ from: '', to: '', entries: agenda }) });
    renderRoute('/learner', { '/learner': <UpcomingPanel /> });
    const panel = await screen.findByRole('region', { name: 'À venir' });
    await within(panel).findByTestId('upcoming-list');
    const links = within(panel).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Vidéo d’accueil', 'Classe virtuelle : revue', 'Lire le cadrage', 'Note de cadrage', 'Voir mon agenda']);
    expect(within(panel).getByText('Classe virtuelle')).toBeInTheDocument();
    expect(api.sent('GET /api/v1/me/follow-up')).toHaveLength(1);
    expect(api.sent('GET /api/v1/me/agenda')).toHaveLength(1);
  });

  it('says honestly when nothing is coming', async () => {
    signedInApi(me, { 'GET /api/v1/me/follow-up': () => json({ cohorts: [] }), 'GET /api/v1/me/agenda': () => json({ from: '', to: '', entries: [] }) });
    renderRoute('/learner', { '/learner': <UpcomingPanel /> });
    expect(await screen.findByText(/Rien à venir dans les trois prochaines semaines/)).toBeInTheDocument();
  });
});
