import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createCohortViaApi, expectHeading, linkFromMail, signIn } from './support';

// A stranger receives the shared link of an open cohort: they read it without an account, click "Postuler", register,
// verify their address by the mailed link, sign in and land on the application form of that cohort, then apply.
test('a stranger opens a shared cohort link, registers, verifies, signs in and applies to that cohort', async ({ page, request }) => {
  const stamp = Date.now().toString(36);
  const cohort = await createCohortViaApi(request, { title: `Cohorte publique ${stamp}`, capacity: 4, published: true });
  const email = `inconnu.${stamp}@example.test`;
  const password = 'Passw0rd-Public';

  await page.goto(`/c/${cohort.id}`);
  await expectHeading(page, `Cours ${cohort.title} — ${cohort.title}`);
  await expect(page.getByText(/^Proposé par /)).toBeVisible();
  await expect(page.getByText('Créé pour les tests de bout en bout.')).toBeVisible();
  await expect(page.getByText('4 places restantes.')).toBeVisible();
  await expect(page.getByText(/^Du .+ au .+ \(fuseau Europe\/Paris\)$/)).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await page.getByRole('link', { name: 'Postuler', exact: true }).click();
  await expect(page).toHaveURL(/\/register\?returnTo=/);
  await page.getByRole('textbox', { name: 'Nom affiché' }).fill('Camille Inconnue');
  await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(password);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expectHeading(page, 'Vérifiez votre messagerie');

  await page.goto(await linkFromMail(email, '/verify-email'));
  await expect(page.getByText('Adresse confirmée : votre compte est actif. Vous pouvez vous connecter.')).toBeVisible();
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?returnTo=${encodeURIComponent(`/cohorts/${cohort.id}/apply`)}`));
  await signIn(page, email, password);

  await expect(page).toHaveURL(new RegExp(`/cohorts/${cohort.id}/apply$`));
  await expectHeading(page, `Candidater à ${cohort.title}`);
  await page.getByRole('textbox', { name: 'Motivation' }).fill('J’ai découvert cette cohorte par un lien partagé et je veux y progresser.');
  await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
  await expect(page.getByText('Candidature envoyée')).toBeVisible();

  // Signed in, the same link leads straight to the form.
  await page.goto(`/c/${cohort.id}`);
  await page.getByRole('link', { name: 'Postuler', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/cohorts/${cohort.id}/apply$`));
});

test('a cohort without a public page is the not-found page, and staff copy the public link of an open cohort', async ({ page, request, context }) => {
  const stamp = Date.now().toString(36);
  const hidden = await createCohortViaApi(request, { title: `Cohorte sur invitation ${stamp}`, admissionMode: 'InviteOnly' });
  await page.goto(`/c/${hidden.id}`);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Postuler' })).toHaveCount(0);

  const open = await createCohortViaApi(request, { title: `Cohorte partagée ${stamp}` });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/sign-in');
  await signIn(page, 'benoit.lefevre@demo.spoc.local');
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto(`/cohorts/${open.id}`);
  await page.getByRole('button', { name: 'Copier le lien public' }).click();
  await expect(page.getByRole('button', { name: 'Lien copié' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/c/${open.id}$`));
});
