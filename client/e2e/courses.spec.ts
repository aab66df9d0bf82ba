import { expect, test, type Browser, type Page } from '@playwright/test';
import { courseDemo, createStartedCohortViaApi, demo, expectHeading, signIn } from './support';

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

test.describe('Courses: authoring, learning, progress', () => {
  test('a trainer adds a lesson and publishes, a learner reads it and marks it done, the trainer sees the matrix update', async ({
    browser,
    request,
  }) => {
    test.setTimeout(90_000);
    const stamp = Date.now().toString(36);
    const cohortTitle = `Accessibilité numérique ${stamp}`;
    const { cohort, course } = await createStartedCohortViaApi(request, { title: cohortTitle, learnerEmail: courseDemo.learner });

    // The trainer finds the draft course and adds a lesson to its first section.
    const trainer = await signedIn(browser, demo.trainer);
    await trainer.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Cours', exact: true }).click();
    await expectHeading(trainer, 'Cours');
    await trainer.getByRole('link', { name: `Modifier ${course.title}` }).click();
    await expectHeading(trainer, `Modifier « ${course.title} »`);
    await expect(trainer.getByTestId('course-status')).toHaveText('Brouillon');

    await trainer.getByRole('button', { name: 'Ajouter une activité à Semaine 1' }).click();
    const form = trainer.getByRole('region', { name: 'Nouvelle activité' });
    await form.getByRole('combobox', { name: 'Type d’activité' }).selectOption({ label: 'Leçon' });
    await form.getByRole('textbox', { name: 'Titre de l’activité' }).fill('Bienvenue');
    await form
      .getByRole('textbox', { name: 'Contenu (Markdown)' })
      .fill('## Les bases\n\nLisez **attentivement** ce qui suit.\n\n<script>alert("x")</script>');
    await form.getByRole('spinbutton', { name: 'Durée estimée (minutes)' }).fill('20');
    await form.getByRole('checkbox', { name: /C1/ }).check();
    await form.getByRole('button', { name: 'Ajouter l’activité' }).click();
    await expect(trainer.getByText('Activité « Bienvenue » enregistrée.')).toBeVisible();

    // The preview is the server's sanitized rendering: Markdown applied, no script.
    const editForm = trainer.getByRole('region', { name: 'Modifier « Bienvenue »' });
    await editForm.getByRole('tab', { name: 'Aperçu' }).click();
    const preview = editForm.getByTestId('activity-preview');
    await expect(preview.getByRole('heading', { name: 'Les bases' })).toBeVisible();
    await expect(preview.locator('strong')).toHaveText('attentivement');
    await expect(preview.locator('script')).toHaveCount(0);
    await editForm.getByRole('button', { name: 'Fermer' }).click();
    await expect(trainer.getByRole('listitem', { name: 'Bienvenue' })).toBeVisible();

    // Publishing (If-Match from the ETag).
    await trainer.getByRole('switch', { name: 'Publié' }).check();
    await trainer.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(trainer.getByText('Cours enregistré et publié.')).toBeVisible();
    await expect(trainer.getByTestId('course-status')).toHaveText('Publié');

    // The learner opens the course from her cohort, reads the lesson and marks it done.
    const learner = await signedIn(browser, courseDemo.learner);
    await learner.goto(`/cohorts/${cohort.id}`);
    await expectHeading(learner, cohortTitle);
    await learner.getByRole('link', { name: 'Ouvrir le cours' }).click();
    await expectHeading(learner, `Cours : ${cohortTitle}`);
    await expect(learner.getByText('Dates et heures dans le fuseau de la cohorte (Europe/Paris).')).toBeVisible();
    const item = learner.getByRole('listitem', { name: 'Bienvenue' });
    await expect(item.getByText(/Disponible depuis le/)).toBeVisible();
    await item.getByRole('button', { name: 'Lire Bienvenue' }).click();
    const reader = learner.getByRole('article', { name: 'Bienvenue' });
    await expect(reader.getByTestId('lesson-content').locator('strong')).toHaveText('attentivement');
    await expect(learner.getByTestId('overall-percent')).toHaveText('0 %');
    await reader.getByRole('button', { name: 'Marquer comme terminé' }).click();
    await expect(reader.getByTestId('completed-at')).toContainText('Terminé le');
    await expect(learner.getByTestId('overall-percent')).toHaveText('100 %');
    await expect(learner.getByTestId('completion-chart')).toBeVisible();

    // The trainer opens the cohort's progress and sees her row at 100 %.
    await trainer.goto(`/cohorts/${cohort.id}`);
    await expectHeading(trainer, cohortTitle);
    await trainer.getByRole('link', { name: 'Progression des apprenants' }).click();
    await expectHeading(trainer, `Progression : ${cohortTitle}`);
    const row = trainer.getByRole('row', { name: courseDemo.learnerName });
    await expect(async () => {
      await trainer.getByRole('button', { name: 'Actualiser' }).click();
      await expect(row.getByRole('gridcell').first()).toHaveText('100 %', { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(row.getByText('Bienvenue : terminé')).toBeAttached();

    // Pacing: two more days for every due date, and an extra resource, seen by the learner.
    await row.getByRole('button', { name: `Rythme de ${courseDemo.learnerName}` }).click();
    const pacing = trainer.getByRole('region', { name: `Rythme personnel de ${courseDemo.learnerName}` });
    await pacing.getByRole('spinbutton', { name: 'Décaler toutes les échéances (jours)' }).fill('2');
    await pacing.getByRole('button', { name: 'Ajouter une ressource' }).click();
    await pacing.getByRole('textbox', { name: 'Titre de la ressource 1' }).fill('Guide RGAA');
    await pacing.getByRole('textbox', { name: 'Lien de la ressource 1 (facultatif)' }).fill('https://accessibilite.numerique.gouv.fr/');
    await pacing.getByRole('button', { name: 'Enregistrer le rythme' }).click();
    await expect(pacing.getByText(`Rythme de ${courseDemo.learnerName} enregistré.`)).toBeVisible();

    await learner.reload();
    await expect(learner.getByRole('link', { name: 'Guide RGAA' })).toBeVisible();
  });

  test('a trainer attaches a file to a resource (progress bar), a learner downloads it', async ({ browser, request }) => {
    const stamp = Date.now().toString(36);
    const title = `Ressources ${stamp}`;
    const { cohort, course } = await createStartedCohortViaApi(request, {
      title,
      learnerEmail: courseDemo.learner,
      lesson: { title: 'Introduction', content: 'Bonjour.' },
    });

    const trainer = await signedIn(browser, demo.trainer);
    await trainer.goto(`/courses/${course.id}/edit`);
    await expectHeading(trainer, `Modifier « ${course.title} »`);
    await trainer.getByRole('button', { name: 'Ajouter une activité à Semaine 1' }).click();
    const form = trainer.getByRole('region', { name: 'Nouvelle activité' });
    await form.getByRole('combobox', { name: 'Type d’activité' }).selectOption({ label: 'Ressource' });
    await form.getByRole('textbox', { name: 'Titre de l’activité' }).fill('Plan du cours');
    await form.locator('input[type="file"]').setInputFiles({
      name: 'plan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
    });
    await expect(form.getByText('plan.pdf est déposé.')).toBeVisible();
    await expect(form.getByRole('progressbar', { name: 'Envoi de plan.pdf' })).toHaveAttribute('aria-valuenow', '100');
    await form.getByRole('button', { name: 'Ajouter l’activité' }).click();
    await expect(trainer.getByText('Activité « Plan du cours » enregistrée.')).toBeVisible();

    const learner = await signedIn(browser, courseDemo.learner);
    await learner.goto(`/cohorts/${cohort.id}/course`);
    await expectHeading(learner, `Cours : ${title}`);
    await learner.getByRole('button', { name: 'Lire Plan du cours' }).click();
    const download = learner.waitForEvent('download');
    await learner.getByRole('button', { name: 'Télécharger le fichier' }).click();
    expect((await download).suggestedFilename()).toBe('plan.pdf');
  });
});
