import { expect, test } from '@playwright/test';
import { assessmentDemo, createAssignmentsViaApi, createStartedCohortViaApi, demo, expectHeading, samplePdf, signIn } from './support';

test('a learner takes a quiz (a reload keeps the answers) and hands in a file; the trainer grades and releases it; the learner reads the feedback', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const title = `Évaluation ${suffix}`;
  const { cohort, headers } = await createStartedCohortViaApi(request, { title, learnerEmail: assessmentDemo.learner });
  const { quiz, file } = await createAssignmentsViaApi(request, cohort.id, headers, suffix);

  const learner = await (await browser.newContext()).newPage();
  await signIn(learner, assessmentDemo.learner);
  await expectHeading(learner, 'Mon parcours');
  const toDo = learner.getByRole('region', { name: 'À rendre' });
  await expect(toDo.getByRole('link', { name: quiz.title })).toBeVisible();
  await expect(toDo.getByRole('link', { name: file.title })).toBeVisible();

  await learner.goto(`/cohorts/${cohort.id}`);
  await learner.getByRole('link', { name: 'Devoirs et évaluations' }).click();
  await expectHeading(learner, 'Devoirs et évaluations');
  await learner.getByRole('link', { name: quiz.title }).click();
  await expectHeading(learner, quiz.title);
  await expect(learner.getByTestId('instructions').getByText('aux deux')).toBeVisible();
  await learner.getByRole('radio', { name: 'le plus long' }).check();
  await learner.getByRole('textbox', { name: 'Votre réponse (nombre)' }).fill('2,7');

  await learner.reload();
  await expect(learner.getByText('Vos réponses en cours ont été rétablies.')).toBeVisible();
  await expect(learner.getByRole('radio', { name: 'le plus long' })).toBeChecked();
  await expect(learner.getByRole('textbox', { name: 'Votre réponse (nombre)' })).toHaveValue('2,7');
  await learner.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await expect(learner.getByTestId('quiz-score')).toHaveText('Score du quiz : 3 / 3');
  await expect(learner.getByText('Vous avez utilisé toutes vos tentatives.')).toBeVisible();

  await learner.goto(`/cohorts/${cohort.id}/assignments`);
  await learner.getByRole('link', { name: file.title }).click();
  await expectHeading(learner, file.title);
  await learner.locator('input[type="file"]').setInputFiles(samplePdf);
  await expect(learner.getByText('plan.pdf est prêt à être rendu.')).toBeVisible();
  await expect(learner.getByRole('progressbar', { name: 'Progression de l’envoi de plan.pdf' })).toHaveAttribute('aria-valuenow', '100');
  await learner.getByRole('button', { name: 'Rendre le fichier' }).click();
  await expect(learner.getByText('Votre rendu attend sa correction.')).toBeVisible();

  const trainer = await (await browser.newContext()).newPage();
  await signIn(trainer, demo.trainer);
  await expectHeading(trainer, 'Espace formateur');
  await trainer.getByRole('region', { name: 'À corriger' }).getByRole('link', { name: file.title }).click();
  await expectHeading(trainer, `Correction : ${file.title}`);
  await expect(trainer.getByTestId('grading-learner')).toHaveText(assessmentDemo.learnerName);
  await trainer.getByRole('textbox', { name: 'Note (sur 20)' }).fill('16');
  await trainer.getByRole('textbox', { name: 'Retour à l’apprenant (Markdown)' }).fill('Plan **solide** : détaillez les risques.');
  await trainer.getByRole('button', { name: 'Publier la note' }).click();
  await expect(trainer.getByText('Note enregistrée : Publiée.')).toBeVisible();

  await learner.reload();
  await expect(learner.getByTestId('grade-score')).toHaveText('Note : 16 / 20');
  await expect(learner.getByTestId('feedback').getByText('solide')).toBeVisible();
  await learner.goto('/learner');
  await expect(learner.getByRole('region', { name: 'À rendre' }).getByRole('link', { name: file.title })).toHaveCount(0);
});
