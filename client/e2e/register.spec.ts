import { expect, test } from '@playwright/test';
import { demo, expectHeading, linkFromMail, signIn } from './support';

test.describe('Registration', () => {
  test('a new learner registers, opens the mailed link, signs in and lands on the learner home', async ({ page }) => {
    const email = `e2e-${Date.now()}@example.org`;
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Créer un compte' }).click();
    await expectHeading(page, 'Créer un compte');

    await page.getByRole('textbox', { name: 'Nom affiché', exact: true }).fill('Camille Durand');
    await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('Apprendre2027');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expectHeading(page, 'Vérifiez votre messagerie');

    // Not yet: the address is unconfirmed.
    await signIn(page, email, 'Apprendre2027');
    await expect(page.getByRole('alert')).toContainText('pas encore confirmée');

    await page.goto(await linkFromMail(email, '/verify-email'));
    await expect(page.getByText('Adresse confirmée : votre compte est actif.')).toBeVisible();
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await signIn(page, email, 'Apprendre2027');

    await expectHeading(page, 'Mon parcours');
    await expect(page.getByText('Bonjour Camille Durand')).toBeVisible();
  });

  test('an address already registered gets the same answer, and its owner a mail', async ({ page }) => {
    await page.goto('/register');
    await page.getByRole('textbox', { name: 'Nom affiché', exact: true }).fill('Benoît Bis');
    await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(demo.trainer);
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('Apprendre2027');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();

    await expectHeading(page, 'Vérifiez votre messagerie');
    expect(await linkFromMail(demo.trainer, '/sign-in')).toBe('/sign-in');
  });

  test('a common password is refused on the password field', async ({ page }) => {
    await page.goto('/register');
    await page.getByRole('textbox', { name: 'Nom affiché', exact: true }).fill('Camille Commune');
    await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(`e2e-common-${Date.now()}@example.org`);
    const password = page.getByRole('textbox', { name: 'Mot de passe', exact: true });
    await password.fill('Password1');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();

    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Ce mot de passe fait partie des plus courants : choisissez-en un autre.')).toBeVisible();
  });

  test("the API's validation errors appear next to their field", async ({ page }) => {
    await page.goto('/register');
    await page.getByRole('textbox', { name: 'Nom affiché', exact: true }).fill('Camille Longue');
    await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(`e2e-long-${Date.now()}@example.org`);
    // Passes the client's rules (8+ characters, a letter, a digit) but not the server's 128-character limit.
    const password = page.getByRole('textbox', { name: 'Mot de passe', exact: true });
    await password.fill('a1'.repeat(70));
    await page.getByRole('button', { name: 'Créer mon compte' }).click();

    await expect(password).toHaveAttribute('aria-invalid', 'true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(/\s+/).find((id) => id.endsWith('-error'));
    expect(errorId).toBeTruthy();
    await expect(page.locator(`[id="${errorId}"]`)).toContainText(/128/);
  });
});
