import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demo, expectHeading, signIn } from './support';

/** Read-only journeys over the demo cohort "Cohorte hiver" (its course's competencies and released grades come from the demo seed). */
const learner = 'Anaïs Girard';

/** An XLSX file is a ZIP archive: it starts with "PK". */
const isXlsx = (path: string) => readFileSync(path).subarray(0, 2).toString('latin1') === 'PK';

test('the trainer opens the skills matrix of the demo cohort and downloads it as XLSX', async ({ page }) => {
  await signIn(page, demo.trainer);
  await expectHeading(page, 'Espace formateur');
  await page.goto('/cohorts');
  await page.getByRole('link', { name: 'Cohorte hiver' }).first().click();
  await expectHeading(page, 'Cohorte hiver');
  await page.getByRole('link', { name: 'Compétences', exact: true }).click();
  await expectHeading(page, 'Compétences de la cohorte');

  const matrix = page.getByTestId('skills-matrix');
  await expect(matrix.getByRole('rowheader', { name: new RegExp(learner) })).toBeVisible();
  await expect(matrix.getByRole('columnheader').nth(1)).toBeVisible();
  await expect(page.getByTestId('distribution-table')).toBeVisible();

  await matrix.getByRole('button', { name: new RegExp(learner) }).click();
  await expect(page.getByTestId('learner-skills')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter (Excel)' }).click()]);
  expect(download.suggestedFilename()).toBe('skills.xlsx');
  expect(isXlsx(await download.path())).toBe(true);
});

test('the org admin downloads their employees’ skills, as XLSX and as CSV', async ({ page }) => {
  await signIn(page, demo.orgAdmin);
  await expectHeading(page, 'Mon organisation · Institut Lumière');
  await page.getByRole('link', { name: 'Compétences de nos salariés' }).click();
  await expectHeading(page, 'Compétences de nos salariés');
  await expect(page.getByTestId('org-employees')).toContainText(learner);

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter (Excel)' }).click()]);
  expect(xlsx.suggestedFilename()).toBe('employee-skills.xlsx');
  expect(isXlsx(await xlsx.path())).toBe(true);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter (CSV)' }).click()]);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain(learner);
  expect(text).toContain('Cohorte hiver');
});
