import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createStartedCohortViaApi, demo, expectHeading, signIn } from './support';

const learnerEmail = 'olivia.smith@demo.spoc.local';

async function expectNoSeriousViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
}

test('a learner opens a thread, the trainer replies with a mention, then hides the post and locks the thread', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const { cohort } = await createStartedCohortViaApi(request, { title: `Forum ${suffix}`, learnerEmail });
  const title = `Chemin critique ${suffix}`;

  const learner = await (await browser.newContext()).newPage();
  await signIn(learner, learnerEmail);
  await expectHeading(learner, 'Mon parcours');
  await learner.goto(`/cohorts/${cohort.id}/forum`);
  await expectHeading(learner, 'Forum de la cohorte');
  await learner.getByRole('textbox', { name: 'Titre' }).fill(title);
  await learner.getByRole('textbox', { name: 'Message' }).fill('Comment le **calculer** ? <script>alert(1)</script>');
  await learner.getByRole('button', { name: 'Publier' }).click();
  await expect(learner.getByRole('list', { name: 'Discussions' }).getByRole('link', { name: title })).toBeVisible();
  await expectNoSeriousViolation(learner);

  const trainer = await (await browser.newContext()).newPage();
  await signIn(trainer, demo.trainer);
  await expectHeading(trainer, 'Espace formateur');
  await trainer.goto(`/cohorts/${cohort.id}/forum`);
  await trainer.getByRole('link', { name: title }).click();
  await expectHeading(trainer, title);
  await expect(trainer.getByRole('listitem', { name: /Message 1 de/ }).locator('strong')).toHaveText('calculer');
  await trainer.getByRole('textbox', { name: 'Votre réponse' }).fill('Bonne question @Olivia Smith : la plus longue suite de tâches.');
  await trainer.getByRole('button', { name: 'Répondre' }).click();
  await expect(trainer.locator('span.mention')).toHaveText('@Olivia Smith');
  await expectNoSeriousViolation(trainer);

  // The learner sees one unread post, then reads it.
  await learner.reload();
  await expect(learner.getByLabel('1 message non lu').first()).toBeVisible();
  await learner.getByRole('link', { name: title }).click();
  await expect(learner.locator('span.mention')).toHaveText('@Olivia Smith');

  // Moderation: the trainer hides the learner's post with a reason and locks the thread.
  const first = trainer.getByRole('listitem', { name: /Message 1 de/ });
  await first.getByRole('textbox', { name: 'Motif du masquage' }).fill('Hors charte');
  await first.getByRole('button', { name: 'Masquer' }).click();
  await expect(first.getByText('Masqué par la modération : Hors charte')).toBeVisible();
  await trainer.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(trainer.getByText('Cette discussion est verrouillée.')).toBeVisible();

  await learner.reload();
  await expect(learner.getByText('Masqué par la modération : Hors charte')).toBeVisible();
  await expect(learner.getByText('calculer')).toHaveCount(0);
  await expect(learner.getByText('Cette discussion est verrouillée.')).toBeVisible();
  await expectNoSeriousViolation(learner);
});
