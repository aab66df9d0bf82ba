import { expect, test } from '@playwright/test';
import { createStartedCohortViaApi, demo, expectHeading, signIn } from './support';

// The dashboard's rows come from the signals projections (SIGNALS' part, merged later): this journey holds whatever rows
// the cohort has, and proves the screen, its header in words, the tablet layout and tuning a rule through the real API.
test('a trainer opens the follow-up dashboard of a cohort on a tablet and tunes a risk rule', async ({ browser, request }) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const { cohort } = await createStartedCohortViaApi(request, { title: `Suivi ${suffix}`, learnerEmail: 'theo.rousseau@demo.spoc.local' });

  const page = await (await browser.newContext({ viewport: { width: 768, height: 1024 } })).newPage();
  await signIn(page, demo.trainer);
  await expectHeading(page, 'Espace formateur');
  await page.goto(`/cohorts/${cohort.id}`);
  await page.getByRole('link', { name: 'Suivi individualisé' }).click();
  await expectHeading(page, 'Suivi individualisé');
  await expect(page.getByTestId('follow-up-counts')).toHaveText(/\d+ en risque, \d+ à surveiller, \d+ dans les temps/);
  await expect(page.getByRole('figure', { name: 'Répartition des apprenants par niveau de risque' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scroll at 768 px').toBe(true);

  // The defaults, tuned: at risk from 5 activities behind (an inconsistent value is refused beside the rule first).
  await page.getByRole('tab', { name: 'Règles de risque' }).click();
  await expect(page.getByText('Règles par défaut (jamais modifiées pour cette cohorte).')).toBeVisible();
  const behind = page.getByRole('group', { name: 'Retard sur son rythme' });
  const atRisk = behind.getByRole('textbox', { name: 'En risque à partir de (activités)' });
  await expect(atRisk).toHaveValue('3');
  await atRisk.fill('1');
  await expect(behind.getByRole('alert')).toHaveText('Le seuil « en risque » doit aller au-delà du seuil « à surveiller ».');
  await expect(page.getByRole('button', { name: 'Enregistrer les règles' })).toBeDisabled();
  await atRisk.fill('5');
  await page.getByRole('button', { name: 'Enregistrer les règles' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Règles enregistrées' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scroll at 768 px').toBe(true);

  // Saved for the cohort: read again after a reload.
  await page.reload();
  await page.getByRole('tab', { name: 'Règles de risque' }).click();
  await expect(page.getByText(/^Modifiées le /)).toBeVisible();
  await expect(page.getByRole('group', { name: 'Retard sur son rythme' }).getByRole('textbox', { name: 'En risque à partir de (activités)' })).toHaveValue('5');
});
