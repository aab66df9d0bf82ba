import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeApi, json, problem } from '../../../testing/fake-api';
import { learnerMe, tokenPair } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

async function fillAndSubmit(user: ReturnType<typeof renderApp>['user'], password = 'motdepasse1') {
  await user.type(await screen.findByLabelText(/Nom affiché/), 'Léa Bernard');
  await user.type(screen.getByLabelText(/Adresse e-mail/), 'lea@example.org');
  await user.type(screen.getByLabelText(/^Mot de passe/), password);
  await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));
}

describe('Register page', () => {
  it('checks the password rules before calling the API', async () => {
    const api = installFakeApi({});
    const { user } = renderApp('/register');

    await fillAndSubmit(user, 'abcdefgh');

    expect(await screen.findByText('Le mot de passe doit contenir au moins une lettre et un chiffre.')).toBeInTheDocument();
    expect(api.sent('POST /api/v1/auth/register')).toHaveLength(0);
  });

  it("puts the API's field errors next to their fields", async () => {
    installFakeApi({
      'POST /api/v1/auth/register': () =>
        problem(400, 'validation-failed', { errors: { Password: ['Le mot de passe est trop courant.'] } }),
    });
    const { user } = renderApp('/register');

    await fillAndSubmit(user);

    const password = screen.getByLabelText(/^Mot de passe/);
    expect(await screen.findByText('Le mot de passe est trop courant.')).toBeInTheDocument();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password.getAttribute('aria-describedby')).toContain(
      screen.getByText('Le mot de passe est trop courant.').id,
    );
  });

  it('says when the email is already taken, on the email field', async () => {
    installFakeApi({ 'POST /api/v1/auth/register': () => problem(409, 'email-taken') });
    const { user } = renderApp('/register');

    await fillAndSubmit(user);

    expect(await screen.findByText('Un compte existe déjà avec cette adresse e-mail.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Adresse e-mail/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('registers then signs in and opens the learner home', async () => {
    const pair = tokenPair();
    const api = installFakeApi({
      'POST /api/v1/auth/register': () => json({ id: learnerMe.id, email: 'lea@example.org', displayName: 'Léa Bernard' }, 201),
      'POST /api/v1/auth/token': () => json(pair),
      'GET /api/v1/me': () => json({ ...learnerMe, organizations: [] }),
    });
    const { user, router } = renderApp('/register');

    await fillAndSubmit(user);

    expect(await screen.findByRole('heading', { level: 1, name: 'Mon parcours' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/learner');
    expect(await api.sent('POST /api/v1/auth/register')[0]?.json()).toEqual({
      displayName: 'Léa Bernard',
      email: 'lea@example.org',
      password: 'motdepasse1',
    });
  });
});
