import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeApi, json, problem } from '@/testing/fake-api';
import { renderRoute } from '@/testing/render-app';
import { RegisterPage } from '@/features/platform/components/register-page';

/** The pages under test, at their routes (see renderRoute). */
const pages = {
  '/register': <RegisterPage />,
};

async function fillAndSubmit(user: ReturnType<typeof renderRoute>['user'], password = 'motdepasse1') {
  await user.type(await screen.findByLabelText(/Nom affiché/), 'Léa Bernard');
  await user.type(screen.getByLabelText(/Adresse e-mail/), 'lea@example.org');
  await user.type(screen.getByLabelText(/^Mot de passe/), password);
  await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));
}

describe('Register page', () => {
  it('checks the password rules before calling the API', async () => {
    const api = installFakeApi({});
    const { user } = renderRoute('/register', pages);

    await fillAndSubmit(user, 'abcdefgh');

    expect(await screen.findByText('Le mot de passe doit contenir au moins une lettre et un chiffre.')).toBeInTheDocument();
    expect(api.sent('POST /api/v1/auth/register')).toHaveLength(0);
  });

  it("puts the API's field errors next to their fields", async () => {
    installFakeApi({
      'POST /api/v1/auth/register': () =>
        problem(400, 'validation-failed', { errors: { Password: ['Le mot de passe est trop courant.'] } }),
    });
    const { user } = renderRoute('/register', pages);

    await fillAndSubmit(user);

    const password = screen.getByLabelText(/^Mot de passe/);
    expect(await screen.findByText('Le mot de passe est trop courant.')).toBeInTheDocument();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password.getAttribute('aria-describedby')).toContain(
      screen.getByText('Le mot de passe est trop courant.').id,
    );
  });

  it('names a common password on the password field, in the user\'s language', async () => {
    installFakeApi({
      'POST /api/v1/auth/register': () =>
        problem(400, 'common-password', { errors: { password: ['This password is among the most common ones: choose another.'] } }),
    });
    const { user } = renderRoute('/register', pages);

    await fillAndSubmit(user);

    expect(await screen.findByText('Ce mot de passe fait partie des plus courants : choisissez-en un autre.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Mot de passe/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('registers in the current language and says to open the mailed link', async () => {
    const api = installFakeApi({
      'POST /api/v1/auth/register': () => json({ email: 'lea@example.org' }, 201),
    });
    const { user } = renderRoute('/register', pages);

    await fillAndSubmit(user);

    expect(await screen.findByRole('heading', { level: 1, name: 'Vérifiez votre messagerie' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('lea@example.org');
    expect(api.sent('POST /api/v1/auth/token')).toHaveLength(0);
    expect(await api.sent('POST /api/v1/auth/register')[0]?.json()).toEqual({
      displayName: 'Léa Bernard',
      email: 'lea@example.org',
      password: 'motdepasse1',
      language: 'fr',
    });
  });
});
