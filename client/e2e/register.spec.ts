import { expect, test } from '@playwright/test';
import { demo, expectHeading } from './support';

test.describe('Registration', () => {
  test('a new learner registers and lands on the learner home', async ({ page }) => {
    const email = `e2e-${Date.now()}@example.org`;
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Créer un compte' }).click();
    await expectHeading(page, 'Créer un compte');

    await page.getByRole('textbox', { name: 'Nom affiché', exact: true }).fill('Camille Durand');
    await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('Apprendre2027');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();

    await expectHeading(page, 'Mon parcours');
    await expect(page.getByText('Bonjour Camille Durand')).toBeVisible();
  });

  test('an email already registered is reported on the email field', async ({ page }) => {
    await page.goto('/register');
    await page.getByRole('textbox', { name: 'Nom affiché', exact: true }).fill('Benoît Bis');
    const email = page.getByRole('textbox', { name: 'Adresse e-mail', exact: true });
    await email.fill(demo.trainer);
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('Apprendre2027');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();

    await expect(page.getByText('Un compte existe déjà avec cette adresse e-mail.')).toBeVisible();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/register$/);
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
