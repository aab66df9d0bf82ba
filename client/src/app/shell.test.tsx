import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_KEY } from '@/lib/api/token-store';
import { LANGUAGE_KEY, setLanguage } from '@/lib/i18n/i18n';
import { installFakeApi, json, noContent, problem, type Handler } from '@/testing/fake-api';
import { learnerMe, orgAdminMe, platformAdminMe, tokenPair, trainerMe } from '@/testing/fixtures';
import type { Me } from '@/lib/auth/roles';
import { renderApp } from '@/testing/render-app';

/** A signed-in session as after a reload: the browser holds the HttpOnly session cookie, flagged in localStorage. */
function sessionApi(me: Me, extra: Record<string, Handler> = {}, { refreshesBeforeRevocation = Infinity } = {}) {
  localStorage.setItem(SESSION_KEY, '1');
  let current = tokenPair();
  let refreshes = 0;
  const api = installFakeApi({
    'POST /api/v1/auth/refresh': async (request) => {
      refreshes += 1;
      // The web app sends no token: the browser adds the HttpOnly cookie.
      if (refreshes > refreshesBeforeRevocation || (await request.text()) !== '{}') return problem(401, 'invalid-refresh-token');
      current = tokenPair();
      return json(current);
    },
    'GET /api/v1/me': (request) =>
      request.headers.get('Authorization') === `Bearer ${current.accessToken}` ? json(me) : problem(401, 'unauthorized'),
    'POST /api/v1/auth/logout': () => noContent(),
    ...extra,
  });
  return api;
}

function navigation() {
  return within(screen.getByRole('navigation', { name: 'Navigation principale' }));
}

afterEach(async () => {
  // Unmount first, so switching the language back does not re-render a finished test.
  cleanup();
  await setLanguage('fr');
});

describe('Shell', () => {
  it('keeps the session across a reload through the session cookie', async () => {
    const api = sessionApi(trainerMe);
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Espace formateur' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/trainer');
    expect(api.sent('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(JSON.stringify(localStorage)).not.toMatch(/tok-/);
    expect(screen.getByText('Benoît Lefèvre')).toBeInTheDocument();
  });

  it('adapts the navigation to the roles', async () => {
    sessionApi(trainerMe);
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Espace formateur' });
    expect(navigation().getByRole('link', { name: 'Espace formateur' })).toHaveAttribute('aria-current', 'page');
    expect(navigation().getByRole('link', { name: 'Mon profil' })).toBeInTheDocument();
    expect(navigation().queryByRole('link', { name: 'Mon parcours' })).not.toBeInTheDocument();
    expect(navigation().queryByRole('link', { name: 'Administration' })).not.toBeInTheDocument();
  });

  it('gives the platform admin the administration home with every organisation', async () => {
    const api = sessionApi(platformAdminMe, {
      'GET /api/v1/organizations': () =>
        json({
          items: [
            {
              id: orgAdminMe.organizations[0]!.organizationId,
              name: 'Institut Lumière',
              slug: 'institut-lumiere',
              createdAt: '2027-02-01T09:00:00Z',
              memberCount: 1234,
            },
          ],
          page: 1,
          pageSize: 20,
          totalCount: 1,
        }),
    });
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Administration de la plateforme' })).toBeInTheDocument();
    expect(navigation().getByRole('link', { name: 'Administration' })).toBeInTheDocument();
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('cell', { name: 'Institut Lumière' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: '1\u202f234' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: '1 févr. 2027' })).toBeInTheDocument();
    expect(new URL(api.sent('GET /api/v1/organizations')[0]!.url).searchParams.get('page')).toBe('1');
  });

  it('says so when the platform has no organisation yet', async () => {
    sessionApi(platformAdminMe, {
      'GET /api/v1/organizations': () => json({ items: [], page: 1, pageSize: 20, totalCount: 0 }),
    });
    renderApp('/admin');
    expect(await screen.findByText(/Aucune organisation pour le moment/)).toBeInTheDocument();
  });

  it('shows honest empty states on the learner home', async () => {
    sessionApi(learnerMe);
    renderApp('/learner');
    expect(await screen.findByText(/Vos cohortes apparaîtront ici/)).toBeInTheDocument();
  });

  it('refuses a trainer page to a learner', async () => {
    sessionApi(learnerMe);
    renderApp('/trainer');
    expect(await screen.findByRole('heading', { level: 1, name: 'Accès refusé' })).toBeInTheDocument();
    expect(screen.queryByText('Cohortes que vous animez')).not.toBeInTheDocument();
  });

  it('says so when a signed-in user opens an unknown address', async () => {
    sessionApi(learnerMe);
    renderApp('/cohorts/nowhere');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: "Revenir à l'accueil" })).toHaveAttribute('href', '/');
  });

  it('sends an anonymous visitor to sign in with returnTo', async () => {
    installFakeApi({});
    const { router } = renderApp('/profile');
    await screen.findByRole('heading', { level: 1, name: 'Connexion' });
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?returnTo=%2Fprofile');
  });

  it('sends the user back to sign in with returnTo when the session expires', async () => {
    const api = sessionApi(orgAdminMe, {
      [`GET /api/v1/organizations/${orgAdminMe.organizations[0]!.organizationId}/members`]: () =>
        problem(401, 'unauthorized'),
    }, { refreshesBeforeRevocation: 1 });
    const { router } = renderApp('/organization');

    expect(await screen.findByText('Votre session a expiré. Reconnectez-vous pour continuer.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?returnTo=%2Forganization');
    // First refresh on load, then one more on the members' 401, which the revoked family fails.
    expect(api.sent('POST /api/v1/auth/refresh')).toHaveLength(2);
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('switches the language, persists it and formats in the locale', async () => {
    sessionApi(trainerMe);
    const { user } = renderApp('/trainer');
    await screen.findByRole('heading', { level: 1, name: 'Espace formateur' });

    await user.selectOptions(screen.getByLabelText('Langue'), 'en');

    expect(await screen.findByRole('heading', { level: 1, name: 'Trainer space' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByText(/^Today is \w+day, /)).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Language'), 'fr');
    expect(await screen.findByRole('heading', { level: 1, name: 'Espace formateur' })).toBeInTheDocument();
    expect(screen.getByText(/^Nous sommes le \w+ /)).toBeInTheDocument();
  });

  it('signs out: the server revokes and clears the session cookie, the app forgets the session', async () => {
    const api = sessionApi(trainerMe);
    const { user, router } = renderApp('/trainer');
    await screen.findByRole('heading', { level: 1, name: 'Espace formateur' });

    await user.click(screen.getByRole('button', { name: 'Se déconnecter' }));

    expect(await screen.findByText('Vous êtes déconnecté.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('');
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
    const [logout] = api.sent('POST /api/v1/auth/logout');
    expect(logout?.credentials).toBe('same-origin');
    expect(await logout?.json()).toEqual({});
  });

  it('follows a sign-out made in another tab', async () => {
    sessionApi(trainerMe);
    const { router } = renderApp('/trainer');
    await screen.findByRole('heading', { level: 1, name: 'Espace formateur' });

    localStorage.removeItem(SESSION_KEY);
    window.dispatchEvent(new StorageEvent('storage', { key: SESSION_KEY, newValue: null }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('moves focus to the main content after navigating', async () => {
    sessionApi(trainerMe);
    const { user } = renderApp('/trainer');
    await screen.findByRole('heading', { level: 1, name: 'Espace formateur' });

    await user.click(navigation().getByRole('link', { name: 'Mon profil' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Mon profil' })).toBeInTheDocument();
    expect(document.activeElement).toBe(document.getElementById('main-content'));
  });

  it('lists the organisation members for an org admin', async () => {
    const orgId = orgAdminMe.organizations[0]!.organizationId;
    sessionApi(orgAdminMe, {
      [`GET /api/v1/organizations/${orgId}/members`]: () =>
        json({
          items: [
            { userId: '1', email: 'benoit.lefevre@demo.spoc.local', displayName: 'Benoît Lefèvre', role: 'Trainer', joinedAt: '2027-01-15T08:00:00Z' },
            { userId: '2', email: 'lea.bernard@demo.spoc.local', displayName: 'Léa Bernard', role: 'Learner', joinedAt: '2027-01-16T08:00:00Z' },
          ],
          page: 1,
          pageSize: 20,
          totalCount: 45,
        }),
    });
    renderApp('/organization');

    const table = await screen.findByRole('table');
    expect(within(table).getByRole('cell', { name: 'Benoît Lefèvre' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'Apprenant' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: '15 janv. 2027' })).toBeInTheDocument();
    expect(screen.getByText('45 membres')).toBeInTheDocument();
    // 45 members, 20 a page: three pages.
    expect(screen.getByText('Page 1 sur 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Page suivante' })).toBeInTheDocument();
  });

  it('shows an error with a retry when the API is down', async () => {
    localStorage.setItem(SESSION_KEY, '1');
    installFakeApi({ 'POST /api/v1/auth/refresh': () => problem(503, 'unavailable'), 'GET /api/v1/me': () => problem(401, 'unauthorized') });
    const { router } = renderApp('/trainer');
    expect(await screen.findByRole('alert')).toHaveTextContent('Le serveur a rencontré une erreur');
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/trainer');
    // A server failure is not a sign-out: the session is kept for the retry.
    expect(localStorage.getItem(SESSION_KEY)).toBe('1');
  });
});
