import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem } from '@/testing/fake-api';
import { cohortFixture, cohortId, learnerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import type { LiveSession } from '@/features/sessions/api/sessions';
import { CheckInPage } from './check-in-page';
import { SessionPage } from './session-page';

const sessionId = '0192f0c1-0000-7000-8000-00000000a001';
const hour = 3_600_000;

function sessionFixture(overrides: Partial<LiveSession> = {}): LiveSession {
  const start = Date.now() + 2 * hour;
  return {
    id: sessionId, cohortId, title: 'Classe virtuelle : planifier', description: '', descriptionHtml: '<p>Apportez <strong>vos questions</strong></p>',
    kind: 'VirtualClass', startsAt: new Date(start).toISOString(), endsAt: new Date(start + hour).toISOString(), timeZone: 'Europe/Paris',
    meetingUrl: null, joinOpensAt: new Date(start - hour / 4).toISOString(), sequence: 0, version: 'v1', ready: false,
    preparations: [
      { activityId: 'a1', title: 'Lire le cas Dupont', kind: 'Preparation', done: true },
      { activityId: 'a2', title: 'Vidéo : le chemin critique', kind: 'Video', done: false },
    ],
    ...overrides,
  };
}

const learnerCohort = () => json(cohortFixture({ myRole: 'Learner' }));

describe('Session page, for a learner', () => {
  it('shows their checklist and no link before the window', async () => {
    signedInApi(learnerMe, { [`GET /api/v1/sessions/${sessionId}`]: () => json(sessionFixture()), [`GET /api/v1/cohorts/${cohortId}`]: learnerCohort });
    renderRoute(`/sessions/${sessionId}`, { '/sessions/:sessionId': <SessionPage /> });
    expect(await screen.findByRole('heading', { name: 'Classe virtuelle : planifier' })).toBeInTheDocument();
    expect(screen.getByText('Il vous reste des activités à faire avant la séance.')).toBeInTheDocument();
    expect(screen.getByText('Fait')).toBeInTheDocument();
    expect(screen.getByText('À faire')).toBeInTheDocument();
    expect(screen.getByText(/Le lien de connexion apparaîtra/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Rejoindre la classe virtuelle' })).not.toBeInTheDocument();
    expect(screen.queryByText('Qui est prêt ?')).not.toBeInTheDocument();
  });

  it('offers the join button when it is time', async () => {
    const start = Date.now() + 5 * 60_000;
    const now = sessionFixture({
      startsAt: new Date(start).toISOString(), joinOpensAt: new Date(start - 15 * 60_000).toISOString(), endsAt: new Date(start + hour).toISOString(),
      meetingUrl: 'https://visio.example.test/planifier', ready: true,
    });
    signedInApi(learnerMe, { [`GET /api/v1/sessions/${sessionId}`]: () => json(now), [`GET /api/v1/cohorts/${cohortId}`]: learnerCohort });
    renderRoute(`/sessions/${sessionId}`, { '/sessions/:sessionId': <SessionPage /> });
    expect(await screen.findByRole('link', { name: 'Rejoindre la classe virtuelle' })).toHaveAttribute('href', 'https://visio.example.test/planifier');
  });
});

describe('Check-in page', () => {
  it('sends the code typed and says what was recorded; a wrong code shows the problem', async () => {
    let attempts = 0;
    const api = signedInApi(learnerMe, {
      [`GET /api/v1/sessions/${sessionId}`]: () => json(sessionFixture()),
      [`POST /api/v1/sessions/${sessionId}/check-in`]: () =>
        ++attempts === 1
          ? problem(409, 'wrong-check-in-code', { title: 'Wrong check-in code', detail: 'This is not the code shown for this session.' })
          : json({ sessionId, status: 'Present', checkedInAt: new Date().toISOString() }),
    });
    renderRoute(`/sessions/${sessionId}/check-in`, { '/sessions/:sessionId/check-in': <CheckInPage /> });
    const field = await screen.findByRole('textbox', { name: /Code affiché dans la salle/ });
    await userEvent.type(field, 'abc234');
    await userEvent.click(screen.getByRole('button', { name: 'Valider' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Valider' }));
    expect(await screen.findByText('Présence enregistrée : Présent.')).toBeInTheDocument();
    const sent = await Promise.all(api.sent(`POST /api/v1/sessions/${sessionId}/check-in`).map((r) => r.clone().json() as Promise<{ code: string }>));
    expect(sent.map((b) => b.code)).toEqual(['ABC234', 'ABC234']);
  });
});
