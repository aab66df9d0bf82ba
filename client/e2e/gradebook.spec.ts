import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiToken, demo, expectHeading, signIn } from './support';

/** Read-only journeys over the demo cohort "Cohorte hiver" (its policy, hand-ins and released grades come from the demo seed). */
const learner = { email: 'anais.girard@demo.spoc.local', name: 'Anaïs Girard' };

interface Row {
  userId: string;
  displayName: string;
  grade: number | null;
}

async function gradebookRows(request: APIRequestContext, cohortId: string, email: string): Promise<Row[]> {
  const response = await request.get(`/api/v1/cohorts/${cohortId}/gradebook?pageSize=100`, { headers: await apiToken(request, email) });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: Row[] }).items;
}

/** The value, or a failure naming what was missing (the demo seed did not give it). */
function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

/** As the page writes a percent in French: decimal comma, a space before %. */
const percent = (value: number) => `${new Intl.NumberFormat('fr-FR').format(value)} %`;

test('the trainer opens the gradebook of the demo cohort, sees a learner’s weighted grade and exports the CSV; a mentor sees their learners only', async ({
  browser,
  request,
}) => {
  test.setTimeout(60_000);
  const trainer = await (await browser.newContext()).newPage();
  await signIn(trainer, demo.trainer);
  await expectHeading(trainer, 'Espace formateur');
  await trainer.goto('/cohorts');
  await trainer.getByRole('link', { name: 'Cohorte hiver' }).first().click();
  await expectHeading(trainer, 'Cohorte hiver');
  await trainer.getByRole('link', { name: 'Carnet de notes' }).click();
  await expectHeading(trainer, 'Carnet de notes');
  const cohortId = present(/\/cohorts\/([^/]+)\/gradebook/.exec(trainer.url())?.[1], 'cohort id in the URL');

  const rows = await gradebookRows(request, cohortId, demo.trainer);
  const row = present(rows.find((r) => r.displayName === learner.name), learner.name);
  const grade = present(row.grade, `${learner.name}'s grade`);
  const table = trainer.getByTestId('gradebook');
  await expect(table.getByTestId(`grade-${row.userId}`)).toContainText(percent(grade));
  await expect(table.getByRole('rowheader')).toHaveCount(rows.length);
  await expect(table.getByRole('columnheader', { name: /^Devoirs/ })).toBeVisible();

  const [download] = await Promise.all([trainer.waitForEvent('download'), trainer.getByRole('button', { name: 'Exporter (CSV)' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(learner.name);

  const mentor = await (await browser.newContext()).newPage();
  await signIn(mentor, demo.mentor);
  await expectHeading(mentor, 'Mes apprenants');
  await mentor.goto(`/cohorts/${cohortId}/gradebook`);
  await expectHeading(mentor, 'Carnet de notes');
  const mentees = await gradebookRows(request, cohortId, demo.mentor);
  expect(mentees.length).toBeLessThan(rows.length);
  await expect(mentor.getByTestId('gradebook').getByRole('rowheader')).toHaveCount(mentees.length);
  await expect(mentor.getByRole('button', { name: 'Exporter (CSV)' })).toHaveCount(0);
});

test('a learner opens "mes notes": their own grade, their results over time and their competencies', async ({ page, request }) => {
  await signIn(page, learner.email);
  await expectHeading(page, 'Mon parcours');
  await page.getByRole('link', { name: 'Cohorte hiver' }).first().click();
  await expectHeading(page, 'Cohorte hiver');
  await page.getByRole('link', { name: 'Mes notes' }).click();
  await expectHeading(page, 'Mes notes');
  const cohortId = present(/\/cohorts\/([^/]+)\/grades/.exec(page.url())?.[1], 'cohort id in the URL');

  const rows = await gradebookRows(request, cohortId, learner.email);
  expect(rows.map((r) => r.displayName)).toEqual([learner.name]);
  await expect(page.getByTestId('my-grade')).toHaveText(percent(present(rows[0]?.grade, 'her grade')));
  await expect(page.getByRole('img', { name: /^Résultats publiés/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mes compétences' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Quiz : les bases du cadrage/ })).toBeVisible();
});
