import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demo, expectHeading, signIn } from './support';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

test.describe('Accessibility (axe: no serious or critical violation)', () => {
  test('sign-in page', async ({ page }) => {
    await page.goto('/sign-in');
    await expectHeading(page, 'Connexion');
    expect(await seriousViolations(page)).toEqual([]);

    // With the errors shown too.
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByText('Ce champ est obligatoire.').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('register page', async ({ page }) => {
    await page.goto('/register');
    await expectHeading(page, 'Créer un compte');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the shell with the trainer home and the profile', async ({ page }) => {
    await signIn(page, demo.trainer);
    await expectHeading(page, 'Espace formateur');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Mon profil' }).click();
    await expectHeading(page, 'Mon profil');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('keyboard: skip link and sign-in form without a mouse', async ({ page }) => {
    await page.goto('/sign-in');
    await expectHeading(page, 'Connexion');
    await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).focus();
    await page.keyboard.type(demo.trainer);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Spoc-Demo-2026');
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Espace formateur');

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu principal' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main-content')).toBeFocused();
  });
});
