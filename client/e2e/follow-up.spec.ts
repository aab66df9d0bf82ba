import { expect, test } from '@playwright/test';
import { apiToken, createStartedCohortViaApi, demo, expectHeading, signIn } from './support';

const learnerEmail = 'lucas.brown@demo.spoc.local';

test('a learner misses two deadlines: the mentor’s dashboard turns them "at risk" live with the reasons; the mentor writes a note and grants an extension; the learner’s "Mon suivi" shows the extension, never the note', async ({ browser, request }) => {
  test.setTimeout(150_000);
  const suffix = Date.now().toString(36);
  const { cohort, headers } = await createStartedCohortViaApi(request, { title: `Suivi ${suffix}`, learnerEmail });
  const api = `/api/v1/cohorts/${cohort.id}`;
  const learnerId = ((await (await request.get('/api/v1/me', { headers: await apiToken(request, learnerEmail) })).json()) as { id: string }).id;

  // Chloé Moreau mentors the learner in this cohort.
  const mentor = await request.post(`${api}/members`, { headers, data: { email: demo.mentor, role: 'Mentor' } });
  expect(mentor.ok(), await mentor.text()).toBe(true);
  const mentorId = ((await mentor.json()) as { userId: string }).userId;
  expect((await request.put(`${api}/members/${learnerId}/mentor`, { headers, data: { mentorId } })).ok()).toBe(true);

  // Two assignments falling due in a few seconds, which the learner will not hand in.
  const dueAt = new Date(Date.now() + 20_000).toISOString();
  for (const title of [`Note de cadrage ${suffix}`, `Plan de risques ${suffix}`]) {
    const created = await request.post(`${api}/assignments`, {
      headers,
      data: {
        kind: 'Text', title, instructions: 'À rendre **ce soir**.', maxPoints: 10, category: 'Devoirs', isPublished: true,
        releaseAt: new Date(Date.now() - 3_600_000).toISOString(), dueAt, allowResubmission: false, latePolicy: 'AcceptAndFlag',
      },
    });
    expect(created.ok(), await created.text()).toBe(true);
  }

  // The mentor's dashboard, open before the deadlines pass: on track for now.
  const page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await signIn(page, demo.mentor);
  await expect(page).toHaveURL(/\/mentor/);
  await page.goto(`/cohorts/${cohort.id}/follow-up`);
  await expectHeading(page, 'Suivi individualisé');
  const row = page.getByTestId('follow-up-row').filter({ hasText: 'Lucas Brown' });
  await expect(row).toContainText('Dans les temps');

  // The deadlines pass; the next sweep raises the level, and the hub brings it to the open page (no reload).
  await expect(row).toContainText('En risque', { timeout: 60_000 });
  await expect(row).toContainText('2 échéances manquées (seuil : 2)');
  await expect(page.getByTestId('follow-up-counts')).toContainText('1 en risque');

  // The mentor opens the learner's follow-up, writes a private note and grants five more days.
  const secret = `Confidentiel ${suffix} : fragile en ce moment`;
  const extension = `Délai exceptionnel ${suffix}`;
  await row.getByRole('link', { name: /Lucas Brown/ }).click();
  await expectHeading(page, 'Suivi individualisé de Lucas Brown');
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
  // The journal merged with the learner's events: the action, the pacing change it made, the note.
  const timeline = page.getByTestId('timeline-entry');
  await expect(timeline.filter({ hasText: `Action : ${extension}` })).toBeVisible();
  await expect(timeline.filter({ hasText: 'Rythme personnalisé modifié' })).toBeVisible();

  // The learner's own follow-up: the extension, never the note.
  const mine = await (await browser.newContext()).newPage();
  await signIn(mine, learnerEmail);
  await mine.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon suivi' }).click();
  await expectHeading(mine, 'Mon suivi');
  await expect(mine.getByTestId('my-action').filter({ hasText: extension })).toContainText('Délai de 5 jours');
  await expect(mine.getByText(secret)).toHaveCount(0);
  await expect(mine.getByText(/fragile/)).toHaveCount(0);
});
