import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createStartedCohortViaApi, demo, expectHeading, signIn } from './support';

const learnerEmail = 'theo.rousseau@demo.spoc.local';

test('a trainer sets the rules, sees who is eligible and why not, issues to all eligible; the learner downloads the PDF and the credential; a stranger sees Valid, then Revoked once the trainer revokes it', async ({ browser, request }) => {
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

  // The learner downloads the PDF and the signed credential, and takes the link the QR code carries.
  await learner.goto('/me/certificates');
  await expectHeading(learner, 'Mes certificats');
  const card = learner.getByRole('listitem', { name: `Cours Certification ${suffix}` });
  const [pdf] = await Promise.all([learner.waitForEvent('download'), card.getByRole('button', { name: 'Télécharger le PDF' }).click()]);
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');
  const [credential] = await Promise.all([learner.waitForEvent('download'), card.getByRole('button', { name: 'Télécharger le badge numérique' }).click()]);
  expect(readFileSync(await credential.path(), 'utf8')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  const verifyUrl = (await card.getByRole('link', { name: 'Ouvrir la page de vérification' }).getAttribute('href')) ?? '';
  expect(verifyUrl).toMatch(/\/verify\/[0-9A-Z]{26}$/);

  // A stranger, signed in nowhere, opens it: Valid.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(verifyUrl);
  await expect(stranger.getByRole('heading', { level: 2, name: 'Certificat valide' })).toBeVisible();

  // The trainer revokes it with a reason; the same stranger now reads Revoked, with the date and without the reason.
  const row = trainer.getByRole('table', { name: 'Éligibilité' }).getByRole('row').filter({ hasText: 'Valide' });
  await row.getByRole('button', { name: 'Révoquer' }).click();
  const dialog = trainer.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Motif (obligatoire)' }).fill('Note du projet corrigée');
  await dialog.getByRole('button', { name: 'Révoquer' }).click();
  await expect(trainer.getByRole('table', { name: 'Éligibilité' }).getByText('Révoqué')).toBeVisible();
  await stranger.reload();
  await expect(stranger.getByRole('heading', { level: 2, name: 'Certificat révoqué' })).toBeVisible();
  await expect(stranger.getByText(/Révoqué le /)).toBeVisible();
  await expect(stranger.getByText('Note du projet corrigée')).toHaveCount(0);
});
