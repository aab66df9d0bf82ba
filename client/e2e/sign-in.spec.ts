import { expect, test } from '@playwright/test';
import { demo, expectHeading, linkFromMail, registerViaApi, signIn } from './support';

test.describe('Sign-in journey', () => {
  test('a demo trainer signs in, sees the trainer home and stays signed in after a reload', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
    await expectHeading(page, 'Connexion');

    await signIn(page, demo.trainer);

    await expectHeading(page, 'Espace formateur');
    await expect(page).toHaveURL(/\/trainer$/);
    await expect(page.getByText('Bonjour Benoît Lefèvre')).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect(nav.getByRole('link', { name: 'Espace formateur' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Administration' })).toHaveCount(0);

    const unauthorized: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 401) unauthorized.push(response.url());
    });
    await page.reload();
    await expectHeading(page, 'Espace formateur');
    // The reloaded page refreshes its session before its first call: no 401 in the browser's console.
    expect(unauthorized).toEqual([]);
    // The session survives in a cookie that no script can read, sent to the auth routes only.
    const stored = await page.evaluate(() => JSON.stringify(localStorage) + document.cookie);
    expect(stored).not.toMatch(/refresh|ey[A-Za-z0-9_-]{20,}/);
    const [cookie] = (await page.context().cookies()).filter((c) => c.name === '__Secure-spoc-refresh');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/v1/auth' });
  });

  test('a wrong password shows the error', async ({ page }) => {
    await page.goto('/sign-in');
    await signIn(page, demo.trainer, 'Not-The-Password-1');

    await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('switches to English and back, and remembers the choice', async ({ page }) => {
    await signIn(page, demo.trainer);
    await expectHeading(page, 'Espace formateur');

    await page.getByLabel('Langue').selectOption('en');
    await expectHeading(page, 'Trainer space');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.reload();
    await expectHeading(page, 'Trainer space');

    await page.getByLabel('Language').selectOption('fr');
    await expectHeading(page, 'Espace formateur');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test('a learner cannot open a trainer page', async ({ page }) => {
    await signIn(page, demo.learner);
    await expectHeading(page, 'Mon parcours');
    await expect(page.getByText(/Vos cohortes apparaîtront ici/)).toBeVisible();

    await page.goto('/trainer');
    await expectHeading(page, 'Accès refusé');
    await expect(page.getByText('Cohortes que vous animez')).toHaveCount(0);
  });

  test('a deep link asks to sign in, then goes back to the page; sign-out ends the session', async ({ page }) => {
    await page.goto('/profile');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fprofile$/);

    await signIn(page, demo.orgAdmin);
    await expectHeading(page, 'Mon profil');
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole('cell', { name: 'Institut Lumière' })).toBeVisible();

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page.getByText('Vous êtes déconnecté.')).toBeVisible();
    await page.goto('/profile');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fprofile$/);
  });

  test('an expired session goes back to sign-in with returnTo, then back to the page', async ({ page, request }) => {
    await signIn(page, demo.trainer);
    await expectHeading(page, 'Espace formateur');
    await page.getByRole('link', { name: 'Mon profil' }).click();
    await expectHeading(page, 'Mon profil');

    // Spend the browser's refresh cookie from elsewhere: the next refresh reuses it, which
    // revokes the whole family on the server, as a stolen-and-used token would.
    const [cookie] = (await page.context().cookies()).filter((c) => c.name === '__Secure-spoc-refresh');
    const response = await request.post('/api/v1/auth/refresh', { data: { refreshToken: cookie?.value } });
    expect(response.status()).toBe(200);

    await page.reload();
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fprofile$/);
    await expect(page.getByText('Votre session a expiré. Reconnectez-vous pour continuer.')).toBeVisible();

    await signIn(page, demo.trainer);
    await expectHeading(page, 'Mon profil');
    await expect(page).toHaveURL(/\/profile$/);
  });

  test('an English browser gets the English UI by default', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await expectHeading(page, 'Sign in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await context.close();
  });
});

test.describe('Forgotten password', () => {
  test('"Mot de passe oublié ?" mails a link that sets a new password, which then signs in', async ({ page, request }) => {
    const email = `e2e-forgot-${Date.now()}@example.org`;
    await registerViaApi(request, email, 'Ancien-Passe-2027', 'Camille Oublie');

    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await expectHeading(page, 'Mot de passe oublié');
    await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await expect(page.getByRole('status')).toContainText(`Si un compte existe avec l’adresse ${email}`);

    await page.goto(await linkFromMail(email, '/reset-password'));
    await expectHeading(page, 'Nouveau mot de passe');
    await page.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill('Nouveau-Passe-2027');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page.getByRole('status')).toContainText('Mot de passe changé.');

    await page.getByRole('link', { name: 'Retour à la connexion' }).click();
    await signIn(page, email, 'Ancien-Passe-2027');
    await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
    await signIn(page, email, 'Nouveau-Passe-2027');
    await expectHeading(page, 'Mon parcours');
  });
});
