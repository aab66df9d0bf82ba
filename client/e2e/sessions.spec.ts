import { expect, test } from '@playwright/test';
import { createStartedCohortViaApi, demo, expectHeading, signIn } from './support';

const learnerEmail = 'zoe.lambert@demo.spoc.local';

/** A `datetime-local` value, in the browser's time, `minutes` from now. */
/** A `datetime-local` value `minutes` from now on the Paris cohort's wall clock (the form reads the cohort's zone). */
function localInput(minutes: number) {
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .format(new Date(Date.now() + minutes * 60_000));
  return parts.replace(' ', 'T');
}

test('a trainer schedules a virtual class with a preparation; the learner prepares, joins and checks in with the code', async ({ browser, request }) => {
  test.setTimeout(150_000);
  const suffix = Date.now().toString(36);
  const preparation = `Lire le cas ${suffix}`;
  const { cohort } = await createStartedCohortViaApi(request, {
    title: `Séances ${suffix}`,
    learnerEmail,
    lesson: { title: preparation, content: 'Le cas à lire avant la classe virtuelle.' },
  });
  const title = `Classe virtuelle ${suffix}`;

  // The trainer schedules it to start now (so it is "session time"), with the lesson as its preparation.
  const trainer = await (await browser.newContext()).newPage();
  await signIn(trainer, demo.trainer);
  await expectHeading(trainer, 'Espace formateur');
  await trainer.goto(`/cohorts/${cohort.id}`);
  await trainer.getByRole('link', { name: 'Séances' }).click();
  await expectHeading(trainer, 'Séances de la cohorte');
  await trainer.getByRole('textbox', { name: 'Titre' }).fill(title);
  await trainer.getByLabel(/^Début/).fill(localInput(1));
  await trainer.getByLabel(/^Fin/).fill(localInput(61));
  await trainer.getByRole('textbox', { name: 'Lien de la visioconférence (https)' }).fill('https://visio.example.test/classe');
  await trainer.getByRole('checkbox', { name: preparation }).check();
  await trainer.getByRole('button', { name: 'Programmer' }).click();
  await trainer.getByRole('list', { name: 'Séances' }).getByRole('link', { name: title }).click();
  await expectHeading(trainer, title);
  await expect(trainer.getByText('0 prêt(s) sur 1')).toBeVisible();

  // The learner sees the preparation to do, does it, and is ready; the link is there: the class starts within the window.
  const learner = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(learner, learnerEmail);
  await expectHeading(learner, 'Mon parcours');
  await learner.goto(`/cohorts/${cohort.id}/sessions`);
  await learner.getByRole('link', { name: title }).click();
  await expectHeading(learner, title);
  await expect(learner.getByText('Il vous reste des activités à faire avant la séance.')).toBeVisible();
  await expect(learner.getByRole('link', { name: 'Rejoindre la classe virtuelle' })).toHaveAttribute('href', 'https://visio.example.test/classe');
  const sessionUrl = learner.url();
  await learner.goto(`/cohorts/${cohort.id}/course`);
  await learner.getByRole('button', { name: `Lire ${preparation}` }).click();
  const reader = learner.getByRole('article', { name: preparation });
  await reader.getByRole('button', { name: 'Marquer comme terminé' }).click();
  await expect(reader.getByTestId('completed-at')).toContainText('Terminé le');
  await learner.goto(sessionUrl);
  await expect(learner.getByText('Vous êtes prêt·e pour la séance.')).toBeVisible();

  // The roster shows the learner ready.
  await trainer.reload();
  await expect(trainer.getByText('1 prêt(s) sur 1')).toBeVisible();

  // The trainer shows the code on the shared screen; the learner types it on their phone.
  await trainer.getByRole('link', { name: 'Afficher le code de présence' }).click();
  await expectHeading(trainer, 'Code de présence');
  await trainer.getByRole('button', { name: 'Afficher un code' }).click();
  const code = (await trainer.getByRole('status', { name: 'Code de présence' }).innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);

  await learner.getByRole('link', { name: 'Pointer ma présence' }).click();
  await expectHeading(learner, 'Pointer ma présence');
  await learner.getByRole('textbox', { name: 'Code affiché dans la salle' }).fill(code);
  await learner.getByRole('button', { name: 'Valider' }).click();
  await expect(learner.getByText('Présence enregistrée : Présent.')).toBeVisible();

  // The sheet shows them present.
  await trainer.goBack();
  await trainer.getByRole('link', { name: 'Feuille de présence' }).click();
  await expectHeading(trainer, 'Feuille de présence');
  await expect(trainer.getByRole('combobox', { name: /Présence de/ })).toHaveValue('Present');
});
