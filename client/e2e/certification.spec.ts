import { expect, test } from '@playwright/test';
import { createStartedCohortViaApi, demo, expectHeading, signIn } from './support';

const learnerEmail = 'theo.rousseau@demo.spoc.local';

test('a trainer sets the rules, sees who is eligible and why not, issues to all eligible; the learner sees their progress', async ({ browser, request }) => {
  test.setTimeout(150_000);
  const suffix = Date.now().toString(36);
  const lesson = `Leçon ${suffix}`;
  const { cohort } = await createStartedCohortViaApi(request, {
    title: `Certification ${suffix}`,
    learnerEmail,
    lesson: { title: lesson, content: 'La leçon à terminer pour être certifié.' },
  });

  // The trainer requires the whole course done.
  const trainer = await (await browser.newContext()).newPage();
  await signIn(trainer, demo.trainer);
  await expectHeading(trainer, 'Espace formateur');
  await trainer.goto(`/cohorts/${cohort.id}`);
  await trainer.getByRole('link', { name: 'Certification' }).click();
  await expectHeading(trainer, 'Certification');
  await trainer.getByRole('tab', { name: 'Règles' }).click();
  await trainer.getByRole('textbox', { name: 'Complétion minimale (%)' }).fill('100');
  await trainer.getByRole('button', { name: 'Enregistrer les règles' }).click();
  await expect(trainer.getByText('Règles enregistrées.')).toBeVisible();

  // Not eligible yet, and why: 0 % of 100 %.
  await trainer.getByRole('tab', { name: 'Éligibilité' }).click();
  const table = trainer.getByRole('table', { name: 'Éligibilité' });
  await expect(table.getByText('✗ 0 % / 100 %')).toBeVisible();

  // The learner reads what they miss, then completes the lesson.
  const learner = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(learner, learnerEmail);
  await expectHeading(learner, 'Mon parcours');
  await learner.goto(`/cohorts/${cohort.id}`);
  await learner.getByRole('link', { name: 'Ma certification' }).click();
  await expectHeading(learner, 'Ma progression vers le certificat');
  await expect(learner.getByText('Il vous manque :')).toBeVisible();
  await expect(learner.getByText('100 % d’activités terminées')).toBeVisible();
  await learner.goto(`/cohorts/${cohort.id}/course`);
  await learner.getByRole('button', { name: `Lire ${lesson}` }).click();
  const reader = learner.getByRole('article', { name: lesson });
  await reader.getByRole('button', { name: 'Marquer comme terminé' }).click();
  await expect(reader.getByTestId('completed-at')).toContainText('Terminé le');
  await learner.goto(`/cohorts/${cohort.id}/certification/me`);
  await expect(learner.getByText('Vous remplissez toutes les conditions du certificat.')).toBeVisible();

  // Now eligible: the trainer issues to all eligible learners in one click.
  await trainer.reload();
  await expect(trainer.getByRole('table', { name: 'Éligibilité' }).getByText('✓ 100 % / 100 %')).toBeVisible();
  await trainer.getByRole('button', { name: 'Délivrer à tous les éligibles' }).click();
  await trainer.getByRole('dialog').getByRole('button', { name: 'Confirmer' }).click();
  await expect(trainer.getByRole('status')).toHaveText('1 certificat(s) délivré(s) ; 0 apprenant(s) en avaient déjà un.');
  await expect(trainer.getByRole('table', { name: 'Éligibilité' }).getByText('Valide')).toBeVisible();

  await learner.reload();
  await expect(learner.getByText('Votre certificat est délivré : retrouvez-le dans « Mes certificats ».')).toBeVisible();
});
