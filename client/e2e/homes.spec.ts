import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { demo, expectHeading, signIn } from './support';

test.describe('Role homes with real data', () => {
  test('the org admin sees the members of Institut Lumière', async ({ page }) => {
    await signIn(page, demo.orgAdmin);
    await expectHeading(page, 'Mon organisation · Institut Lumière');
    const table = page.getByRole('table');
    await expect(table.getByRole('cell', { name: 'Benoît Lefèvre' })).toBeVisible();
    await expect(table.getByRole('cell', { name: 'Léa Bernard' })).toBeVisible();

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  test('the platform admin sees every organisation', async ({ page }) => {
    await signIn(page, 'admin@spoc.local', 'Spoc-Admin-2026');
    await expectHeading(page, 'Administration de la plateforme');
    await expect(page.getByRole('table').getByRole('cell', { name: 'Institut Lumière' })).toBeVisible();
  });

  test('a mentor lands on the mentor home', async ({ page }) => {
    await signIn(page, demo.mentor);
    await expectHeading(page, 'Mes apprenants');
    // The demo seed makes her mentor of the open demo cohort, where no learner is assigned to her yet.
    const cohort = page.getByRole('region', { name: 'Cohorte printemps' });
    await expect(cohort.getByText('Aucun apprenant ne vous est encore confié dans cette cohorte.')).toBeVisible();
    await expect(cohort.getByRole('link', { name: 'Cohorte printemps' })).toHaveAttribute('href', /^\/cohorts\/[0-9a-f-]{36}$/);
  });

  test('a mentor opens her cohort and finds none of the staff controls', async ({ page }) => {
    await signIn(page, demo.mentor);
    await page.getByRole('region', { name: 'Cohorte printemps' }).getByRole('link', { name: 'Cohorte printemps' }).click();
    await expectHeading(page, 'Cohorte printemps');
    await expect(page.getByRole('tab')).toHaveText(['Membres', 'Groupes']);
    await expect(page.getByRole('cell', { name: 'Benoît Lefèvre' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Ajouter un formateur ou un mentor' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Retirer/ })).toHaveCount(0);
    await page.getByRole('tab', { name: 'Groupes' }).click();
    await expect(page.getByRole('button', { name: 'Créer le groupe' })).toHaveCount(0);
  });
});
