import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SESSION_KEY } from '@/lib/api/token-store';
import { installFakeApi, json, problem } from '@/testing/fake-api';
import { tokenPair, trainerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { SignInPage } from '@/features/platform/components/sign-in-page';

/** The pages under test, at their routes (see renderRoute). */
const pages = {
  '/sign-in': <SignInPage />,
};

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

describe('Sign-in page', () => {
  it('labels every field and validates before calling the API', async () => {
    const api = authApi();
    const { user } = renderRoute('/sign-in', pages);

    const submit = await screen.findByRole('button', { name: 'Se connecter' });
    expect(screen.getByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Adresse e-mail/), 'pas-une-adresse');
    await user.click(submit);

    expect(await screen.findByText('Saisissez une adresse e-mail valide.')).toBeInTheDocument();
    expect(screen.getByText('Ce champ est obligatoire.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Adresse e-mail/)).toHaveAttribute('aria-invalid', 'true');
    expect(api.sent('POST /api/v1/auth/token')).toHaveLength(0);
  });

  it('shows the API error on a wrong password', async () => {
    authApi();
    const { user } = renderRoute('/sign-in', pages);

    await user.type(await screen.findByLabelText(/Adresse e-mail/), 'benoit.lefevre@demo.spoc.local');
    await user.type(screen.getByLabelText(/Mot de passe/), 'wrong-password-1');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Adresse e-mail ou mot de passe incorrect.');
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('says how long to wait when sign-in is throttled', async () => {
    installFakeApi({
      'POST /api/v1/auth/token': () => problem(429, 'too-many-requests', {}, { 'Retry-After': '42' }),
    });
    const { user } = renderRoute('/sign-in', pages);

    await user.type(await screen.findByLabelText(/Adresse e-mail/), 'benoit.lefevre@demo.spoc.local');
    await user.type(screen.getByLabelText(/Mot de passe/), 'Spoc-Demo-2026');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Trop de tentatives. Réessayez dans 42 secondes.');
  });
});
