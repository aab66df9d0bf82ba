import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me } from '@/lib/auth/roles';
import { SESSION_KEY } from '@/lib/api/token-store';
import { installFakeApi, json, problem } from '@/testing/fake-api';
import { cohortId, learnerMe, tokenPair, trainerMe } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';

// Journeys through the app's routes and guards (the pages themselves are tested with renderRoute in their features).

const lea = learnerMe.id;
const chloe = '0192f0c1-0000-7000-8000-00000000d001';

function authApi(me = trainerMe) {
  const pair = tokenPair();
  return installFakeApi({
    'POST /api/v1/auth/token': async (request) => {
      const body = (await request.json()) as { email: string; password: string };
      return body.password === 'Spoc-Demo-2026' ? json(pair) : problem(401, 'invalid-credentials', { title: 'Invalid credentials' });
    },
    'GET /api/v1/me': (request) =>
      request.headers.get('Authorization') === `Bearer ${pair.accessToken}` ? json(me) : problem(401, 'unauthorized'),
  });
}

describe('Sign-in opens the right page', () => {
  it('signs in with a cookie session, keeps no token in storage and opens the home of the role', async () => {
    const api = authApi(trainerMe);
    const { user, router, tokens } = renderApp('/sign-in');

    await user.type(await screen.findByLabelText(/Adresse e-mail/), 'benoit.lefevre@demo.spoc.local');
    await user.type(screen.getByLabelText(/Mot de passe/), 'Spoc-Demo-2026');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Espace formateur' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/trainer');
    expect(new URL(api.sent('POST /api/v1/auth/token')[0]!.url).searchParams.get('session')).toBe('Cookie');
    expect(localStorage.getItem(SESSION_KEY)).toBe('1');
    expect(JSON.stringify(localStorage)).not.toMatch(/access|refresh/);
    expect(tokens.getAccessToken()).toMatch(/access/);
  });

  it('goes back to returnTo after signing in', async () => {
    authApi(learnerMe);
    const { user, router } = renderApp('/sign-in?returnTo=%2Fprofile');

    await user.type(await screen.findByLabelText(/Adresse e-mail/), 'lea.bernard@demo.spoc.local');
    await user.type(screen.getByLabelText(/Mot de passe/), 'Spoc-Demo-2026');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/profile'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mon profil' })).toBeInTheDocument();
  });

  it('ignores a returnTo that leaves the site', async () => {
    authApi(learnerMe);
    const { user, router } = renderApp('/sign-in?returnTo=%2F%2Fevil.example');

    await user.type(await screen.findByLabelText(/Adresse e-mail/), 'lea.bernard@demo.spoc.local');
    await user.type(screen.getByLabelText(/Mot de passe/), 'Spoc-Demo-2026');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/learner'));
  });
});

describe('Cohort routes', () => {
  it('refuses an address that is not a cohort id without calling the API', async () => {
    const api = signedInApi(learnerMe);
    renderApp('/cohorts/not-a-cohort/apply');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toBeInTheDocument();
    await waitFor(() => expect(api.requests.some((r) => r.url.includes('/cohorts/'))).toBe(false));
  });

  it('gives a learner the cohort pages in the navigation', async () => {
    signedInApi(learnerMe);
    renderApp('/learner');
    const nav = within(await screen.findByRole('navigation', { name: 'Navigation principale' }));
    expect(nav.getByRole('link', { name: 'Cohortes ouvertes' })).toHaveAttribute('href', '/open-cohorts');
    expect(nav.getByRole('link', { name: 'Mes candidatures' })).toHaveAttribute('href', '/applications');
    expect(nav.queryByRole('link', { name: 'Cohortes' })).not.toBeInTheDocument();
  });

  it('gives a learner who mentors in a cohort the mentor home with their learners', async () => {
    const me: Me = {
      ...learnerMe,
      displayName: 'Chloé Moreau',
      id: chloe,
      cohorts: [
        {
          cohortId,
          title: 'Design d’interfaces, printemps 2027',
          organizationId: learnerMe.organizations[0]!.organizationId,
          role: 'Mentor',
          startsOn: '2027-03-01',
          endsOn: '2027-04-30',
          timeZone: 'Europe/Paris',
        },
      ],
    };
    const learner = {
      learnerId: lea, displayName: 'Léa Bernard', mentorId: chloe, level: 'Watch', levelChangedAt: '2027-03-10T08:00:00Z', reasons: [],
      signals: {
        lastActivityAt: '2027-03-08T08:00:00Z', daysInactive: 4, activitiesDone: 6, activitiesExpected: 8, activitiesTotal: 12, behindBy: 2,
        missedDeadlines: 0, lateSubmissions: 0, averageGrade: null, gradeTrend: null, attendanceRate: null, absences: 0, forumPosts: 1,
        lastContactAt: null, daysWithoutContact: null,
      },
    };
    const api = signedInApi(me, {
      [`GET /api/v1/cohorts/${cohortId}/follow-up`]: () =>
        json({ counts: { onTrack: 0, watch: 1, atRisk: 0 }, items: [learner], page: 1, pageSize: 20, totalCount: 1 }),
    });
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Mes apprenants' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/mentor');
    const section = await screen.findByRole('region', { name: 'Design d’interfaces, printemps 2027' });
    // Their own learners (the API scopes a mentor's dashboard to them) with their progress against the plan.
    const row = (await within(section).findByRole('rowheader', { name: 'Léa Bernard' })).closest('tr')!;
    expect(within(row).getByRole('cell', { name: /6.*12/ })).toBeInTheDocument();
    expect(api.sent(`GET /api/v1/cohorts/${cohortId}/follow-up`)).toHaveLength(1);
  });
});
