import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demo, expectHeading, signIn } from './support';

function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

// Anaïs Girard is mentored by Chloé Moreau in "Cohorte hiver" (the demo seed gives them a conversation already).
const anais = 'anais.girard@demo.spoc.local';

async function expectNoSeriousViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a learner writes to her mentor, whose bell counts it, and the mentor replies', async ({ browser }) => {
  const learner = await (await browser.newContext()).newPage();
  await signIn(learner, anais);
  await expectHeading(learner, 'Mon parcours');
  await learner.getByRole('link', { name: 'Cohorte hiver' }).first().click();
  await expectHeading(learner, 'Cohorte hiver');
  const cohortId = present(/\/cohorts\/([0-9a-f-]{36})/.exec(learner.url())?.[1], 'cohort id in the URL');

  await learner.goto(`/cohorts/${cohortId}/conversations`);
  await expectHeading(learner, 'Ma messagerie avec mon suivi');
  const question = `Puis-je rendre le **planning** vendredi ? ${Date.now()}`;
  await learner.getByRole('textbox', { name: 'Votre message (Markdown)' }).fill(question);
  await learner.getByRole('button', { name: 'Envoyer' }).click();
  await expect(learner.getByTestId('messages').getByText('planning')).not.toHaveCount(0);
  await expectNoSeriousViolation(learner);

  const mentor = await (await browser.newContext()).newPage();
  await signIn(mentor, demo.mentor);
  await expectHeading(mentor, 'Mes apprenants');
  const bell = mentor.getByRole('button', { name: /^Notifications : \d+ non lues?$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const panel = mentor.getByRole('region', { name: 'Notifications' });
  await panel.getByRole('button', { name: /Nouveau message de Anaïs Girard/ }).first().click();
  await expectHeading(mentor, 'Messagerie · Anaïs Girard');
  await expect(mentor.getByTestId('messages').getByText(question.split(' ? ')[1])).toBeVisible();
  await expectNoSeriousViolation(mentor);

  await mentor.getByRole('textbox', { name: 'Votre message (Markdown)' }).fill('Oui, vendredi convient.');
  await mentor.getByRole('button', { name: 'Envoyer' }).click();
  await expect(mentor.getByTestId('messages').getByText('Oui, vendredi convient.')).toBeVisible();

  // Back on her side, without a reload: the answer's notification is pushed live, and her open conversation refetches.
  await expect(learner.getByTestId('messages').getByText('Oui, vendredi convient.')).toBeVisible();

  // The staff list shows the conversation with its learner.
  await mentor.goto(`/cohorts/${cohortId}/conversations`);
  await expectHeading(mentor, 'Messagerie');
  await expect(mentor.getByTestId('conversations').getByRole('link', { name: 'Anaïs Girard' })).toBeVisible();
  await expectNoSeriousViolation(mentor);
});

test('notification preferences are saved from the profile', async ({ page }) => {
  await signIn(page, demo.mentor);
  await expectHeading(page, 'Mes apprenants');
  await page.goto('/profile');
  const section = page.getByRole('region', { name: 'Notifications' });
  await section.getByRole('combobox', { name: 'Mentions' }).selectOption('None');
  await section.getByRole('checkbox', { name: /Résumé quotidien/ }).check();
  await section.getByRole('button', { name: 'Enregistrer les préférences' }).click();
  await expect(page.getByRole('status')).toHaveText('Préférences enregistrées.');
  await expectNoSeriousViolation(page);

  await page.reload();
  await expect(page.getByRole('region', { name: 'Notifications' }).getByRole('combobox', { name: 'Mentions' })).toHaveValue('None');
  await expect(page.getByRole('region', { name: 'Notifications' }).getByRole('checkbox', { name: /Résumé quotidien/ })).toBeChecked();
});
