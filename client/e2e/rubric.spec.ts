import { expect, test } from '@playwright/test';
import { assessmentDemo, createStartedCohortViaApi, demo, expectHeading, samplePdf, signIn } from './support';

test('a trainer builds a file assignment with a rubric tied to two competencies; the learner hands in a file; the trainer grades it with rubric clicks and releases; the learner reads the feedback per criterion', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const { cohort } = await createStartedCohortViaApi(request, {
    title: `Grille ${suffix}`,
    learnerEmail: assessmentDemo.learner,
    competencies: [
      { code: 'C1', title: 'Structurer un projet' },
      { code: 'C2', title: 'Anticiper les risques' },
    ],
  });
  const title = `Dossier ${suffix}`;

  const trainer = await (await browser.newContext()).newPage();
  await signIn(trainer, demo.trainer);
  await expectHeading(trainer, 'Espace formateur');
  await trainer.goto(`/cohorts/${cohort.id}/assignments/new`);
  await expectHeading(trainer, 'Nouveau devoir');
  await trainer.getByRole('combobox', { name: 'Type de devoir' }).selectOption('File');
  await trainer.getByRole('textbox', { name: 'Titre', exact: true }).fill(title);
  await trainer.getByRole('switch', { name: 'Publié' }).check();
  const criteria = [
    { title: 'Structure', code: 'C1', levels: ['Absente', 'Partielle', 'Claire'] },
    { title: 'Risques', code: 'C2', levels: ['Oubliés', 'Cités', 'Analysés'] },
  ];
  for (const [index, criterion] of criteria.entries()) {
    const number = index + 1;
    await trainer.getByRole('button', { name: 'Ajouter un critère' }).click();
    await trainer.getByRole('textbox', { name: `Intitulé du critère ${number}` }).fill(criterion.title);
    await trainer.getByRole('combobox', { name: `Compétence évaluée par le critère ${number}` }).selectOption(criterion.code);
    for (const [level, levelTitle] of criterion.levels.entries()) {
      await trainer.getByRole('textbox', { name: `Critère ${number}, niveau ${level + 1}`, exact: true }).fill(levelTitle);
    }
  }
  // Levels 0, 1, 2 points each: 4 in all, scaled to the grade out of 20.
  await expect(trainer.getByTestId('rubric-total')).toHaveText('Total de la grille : 4 points, ramenés à la note sur 20.');
  await trainer.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expectHeading(trainer, title);

  const learner = await (await browser.newContext()).newPage();
  await signIn(learner, assessmentDemo.learner);
  await expectHeading(learner, 'Mon parcours');
  await learner.getByRole('region', { name: 'À rendre' }).getByRole('link', { name: title }).click();
  await expectHeading(learner, title);
  await learner.locator('input[type="file"]').setInputFiles(samplePdf);
  await expect(learner.getByText('plan.pdf est prêt à être rendu.')).toBeVisible();
  await learner.getByRole('button', { name: 'Rendre le fichier' }).click();
  await expect(learner.getByText('Votre rendu attend sa correction.')).toBeVisible();

  await trainer.goto('/trainer');
  await trainer.getByRole('region', { name: 'À corriger' }).getByRole('link', { name: title }).click();
  await expectHeading(trainer, `Correction : ${title}`);
  await expect(trainer.getByTestId('grading-learner')).toHaveText(assessmentDemo.learnerName);
  const release = trainer.getByRole('button', { name: 'Publier la note' });
  await expect(release).toBeDisabled();
  await expect(trainer.getByText('Choisissez un niveau pour chaque critère avant de publier. Manque : « Structure », « Risques ».')).toBeVisible();
  await trainer.getByRole('radio', { name: '3. Claire (2 pt)' }).check();
  await expect(trainer.getByTestId('rubric-score')).toHaveText('Score de la grille : 10 / 20');
  // The keyboard: 2 on the focused criterion chooses its second level.
  await trainer.getByRole('radio', { name: '1. Oubliés (0 pt)' }).focus();
  await trainer.keyboard.press('2');
  await expect(trainer.getByRole('radio', { name: '2. Cités (1 pt)' })).toBeChecked();
  await expect(trainer.getByTestId('rubric-score')).toHaveText('Score de la grille : 15 / 20');
  await trainer.getByRole('textbox', { name: 'Commentaire sur « Risques » (Markdown)' }).fill('Chiffrez **chaque** risque.');
  await release.click();
  await expect(trainer.getByText('Note enregistrée : Publiée.')).toBeVisible();

  await learner.reload();
  await expect(learner.getByTestId('grade-score')).toHaveText('Note : 15 / 20');
  const feedback = learner.getByRole('table', { name: 'Retour par critère' });
  await expect(feedback.getByRole('row', { name: /Structure \(C1\)/ })).toContainText('Claire2 / 2');
  const risks = feedback.getByRole('row', { name: /Risques \(C2\)/ });
  await expect(risks).toContainText('Cités1 / 2');
  await expect(risks.locator('strong')).toHaveText('chaque');
});
