import { expect, test } from '@playwright/test';
import { apiToken, demo, expectHeading, signIn } from './support';

// Jérôme Faure is Chloé Moreau's learner in the demo's "Cohorte hiver" (Cohorts' Seeding/DemoCohort.cs).
const learner = 'jerome.faure@demo.spoc.local';

test('a mentor writes a private note and grants an extension; the learner’s "Mon suivi" shows the extension, never the note', async ({ page, browser, request }) => {
  const mentor = await apiToken(request, demo.mentor);
  const cohorts = (await (await request.get('/api/v1/cohorts', { headers: mentor })).json()) as { items: { id: string; title: string }[] };
  const cohortId = cohorts.items.find((c) => c.title === 'Cohorte hiver')!.id;
  const learnerId = ((await (await request.get('/api/v1/me', { headers: await apiToken(request, learner) })).json()) as { id: string }).id;
  const suffix = Date.now().toString(36);
  const secret = `Confidentiel ${suffix} : fragile en ce moment`;
  const extension = `Délai exceptionnel ${suffix}`;

  await signIn(page, demo.mentor);
  await expect(page).toHaveURL(/\/mentor/);
  await page.goto(`/cohorts/${cohortId}/follow-up/learners/${learnerId}`);
  await expectHeading(page, 'Suivi individualisé de Jérôme Faure');

  await page.getByRole('textbox', { name: /Nouvelle note/ }).fill(secret);
  await page.getByRole('button', { name: 'Enregistrer la note' }).click();
  await expect(page.getByTestId('journal-note').filter({ hasText: secret })).toBeVisible();

  await page.getByRole('tab', { name: 'Actions' }).click();
  const form = page.getByRole('form', { name: 'Prévoir une action' });
  await form.getByRole('combobox', { name: 'Type' }).selectOption('Extension');
  await form.getByRole('textbox', { name: /Intitulé/ }).fill(extension);
  await form.getByLabel(/Échéance/).fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  await form.getByRole('textbox', { name: /Jours de délai/ }).fill('5');
  await form.getByRole('button', { name: 'Enregistrer l’action' }).click();
  await expect(page.getByTestId('follow-up-action').filter({ hasText: extension })).toContainText('Délai de 5 jours');

  await page.getByRole('tab', { name: 'Chronologie' }).click();
  await expect(page.getByTestId('timeline-entry').first()).toContainText(`Action : ${extension}`);

  const context = await browser.newContext();
  const mine = await context.newPage();
  await signIn(mine, learner);
  await mine.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon suivi' }).click();
  await expectHeading(mine, 'Mon suivi');
  await expect(mine.getByTestId('my-action').filter({ hasText: extension })).toContainText('Délai de 5 jours');
  await expect(mine.getByText(secret)).toHaveCount(0);
  await expect(mine.getByText(/fragile/)).toHaveCount(0);
  await context.close();
});
