import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeApi, noContent, problem } from '@/testing/fake-api';
import { learnerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { ForgotPasswordPage } from '@/features/platform/components/forgot-password-page';
import { ProfilePage } from '@/features/platform/components/profile-page';
import { ResetPasswordPage } from '@/features/platform/components/reset-password-page';
import { SignInPage } from '@/features/platform/components/sign-in-page';
import { VerifyEmailPage } from '@/features/platform/components/verify-email-page';
import { signedInApi } from '@/testing/session-api';
import { i18n } from '@/lib/i18n/i18n';

/** The pages under test, at their routes (see renderRoute). */
const pages = {
  '/sign-in': <SignInPage />,
  '/forgot-password': <ForgotPasswordPage />,
  '/reset-password': <ResetPasswordPage />,
  '/verify-email': <VerifyEmailPage />,
  '/profile': <ProfilePage />,
};

describe('Account pages', () => {
  it('sign-in links to "Mot de passe oublié ?", which asks for a link without saying whether the address exists', async () => {
    const api = installFakeApi({ 'POST /api/v1/auth/password-reset': () => new Response(null, { status: 202, headers: { 'Content-Length': '0' } }) });
    const { user } = renderRoute('/sign-in', pages);

    await user.click(await screen.findByRole('link', { name: 'Mot de passe oublié ?' }));
    await screen.findByRole('heading', { level: 1, name: 'Mot de passe oublié' });
    await user.type(screen.getByLabelText(/Adresse e-mail/), 'lea@example.org');
    await user.click(screen.getByRole('button', { name: 'Envoyer le lien' }));

    expect((await screen.findByText(/Si un compte existe avec l’adresse lea@example.org/)).closest('[role="status"]')).not.toBeNull();
    expect(await api.sent('POST /api/v1/auth/password-reset')[0]?.json()).toEqual({ email: 'lea@example.org' });
  }, 15_000);

  it('sets a new password with the token of the link', async () => {
    const api = installFakeApi({ 'POST /api/v1/auth/password-reset/confirm': () => noContent() });
    const { user } = renderRoute('/reset-password?token=abc_123', pages);

    await user.type(await screen.findByLabelText(/^Nouveau mot de passe/), 'Nouveau-Passe-2027');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Mot de passe changé.');
    expect(await api.sent('POST /api/v1/auth/password-reset/confirm')[0]?.json()).toEqual({
      token: 'abc_123',
      newPassword: 'Nouveau-Passe-2027',
    });
  });

  it('says when a reset link is spent or expired', async () => {
    installFakeApi({ 'POST /api/v1/auth/password-reset/confirm': () => problem(400, 'invalid-token') });
    const { user } = renderRoute('/reset-password?token=old', pages);

    await user.type(await screen.findByLabelText(/^Nouveau mot de passe/), 'Nouveau-Passe-2027');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Ce lien est inconnu, expiré ou déjà utilisé.');
  });

  it('activates the account once from the verification link', async () => {
    const api = installFakeApi({ 'POST /api/v1/auth/verify-email': () => noContent() });
    renderRoute('/verify-email?token=tok', pages);

    expect(await screen.findByText(/Adresse confirmée/)).toBeInTheDocument();
    expect(api.sent('POST /api/v1/auth/verify-email')).toHaveLength(1);
    expect(await api.sent('POST /api/v1/auth/verify-email')[0]?.json()).toEqual({ token: 'tok' });
  });

  it('saves name and language on the profile and switches the app to that language', async () => {
    const api = signedInApi(learnerMe, { 'PUT /api/v1/me': () => noContent() });
    const { user } = renderRoute('/profile', pages);

    const name = await screen.findByRole('textbox', { name: /^Nom affiché/ });
    await user.clear(name);
    await user.type(name, 'Léa B.');
    await user.selectOptions(within(screen.getByRole('region', { name: 'Modifier mon profil' })).getByRole('combobox'), 'en');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(i18n.language).toBe('en'));
    expect(await api.sent('PUT /api/v1/me')[0]?.json()).toEqual({ displayName: 'Léa B.', language: 'en' });
    await i18n.changeLanguage('fr');
  });

  it('changes the password and names a wrong current password on its field', async () => {
    let calls = 0;
    const api = signedInApi(learnerMe, {
      'POST /api/v1/me/password': () => (++calls === 1 ? problem(400, 'wrong-password', { errors: { currentPassword: ['wrong'] } }) : noContent()),
    });
    const { user } = renderRoute('/profile', pages);

    await user.type(await screen.findByLabelText(/^Mot de passe actuel/), 'Pas-Le-Bon-1');
    await user.type(screen.getByLabelText(/^Nouveau mot de passe/), 'Nouveau-Passe-2027');
    await user.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
    expect(await screen.findByText('Le mot de passe actuel est incorrect.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText(/^Mot de passe actuel/));
    await user.type(screen.getByLabelText(/^Mot de passe actuel/), 'Ancien-Passe-2027');
    await user.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
    expect(await screen.findByText('Mot de passe changé. Vos autres sessions sont déconnectées.')).toBeInTheDocument();
    expect(api.sent('POST /api/v1/me/password')).toHaveLength(2);
  });
});
