import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiToken, createCohortViaApi, expectHeading, registerViaApi, signIn } from './support';

const PASSWORD = 'Admin-Journey-2026';
const platformAdmin = { email: 'admin@spoc.local', password: 'Spoc-Admin-2026' };

/** A fresh organisation (so that the demo's stays as the other specs know it) with an admin, a trainer and a learner. */
async function freshOrganization(request: APIRequestContext) {
  const stamp = Date.now().toString(36);
  const headers = await apiToken(request, platformAdmin.email, platformAdmin.password);
  const organization = (await (
    await request.post('/api/v1/organizations', { headers, data: { name: `Atelier ${stamp}`, slug: `atelier-${stamp}` } })
  ).json()) as { id: string; name: string };
  const people = {
    admin: { email: `admin.${stamp}@example.test`, name: `Alice Admin ${stamp}` },
    trainer: { email: `trainer.${stamp}@example.test`, name: `Tom Formateur ${stamp}` },
    learner: { email: `learner.${stamp}@example.test`, name: `Lina Apprenante ${stamp}` },
  };
  for (const [role, person] of [['OrgAdmin', people.admin], ['Trainer', people.trainer], ['Learner', people.learner]] as const) {
    await registerViaApi(request, person.email, PASSWORD, person.name);
    const added = await request.post(`/api/v1/organizations/${organization.id}/members`, { headers, data: { email: person.email, role } });
    expect(added.status()).toBe(201);
  }
  return { organization, people, stamp };
}

test.describe('Admin screens', () => {
  test('an org admin answers a partner request, changes a role and removes a member', async ({ page, request }) => {
    const { organization, people, stamp } = await freshOrganization(request);
    const cohort = await createCohortViaApi(request, { title: `Cohorte partenaire ${stamp}`, admissionMode: 'OrganizationEnrollment', organizationIds: [organization.id] });

    await signIn(page, people.admin.email, PASSWORD);
    await expectHeading(page, `Mon organisation · ${organization.name}`);
    await page.getByRole('button', { name: `Accepter le partenariat pour ${cohort.title}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Réponse enregistrée.' })).toBeVisible();
    // Accepted, it is a cohort where the organisation enrols its employees.
    await expect(page.getByRole('link', { name: `Inscrire des salariés à ${cohort.title}` })).toBeVisible();

    await page.getByRole('navigation').getByRole('link', { name: 'Membres' }).click();
    await expectHeading(page, `Membres de ${organization.name}`);
    // The only admin's own role is locked.
    await expect(page.getByRole('combobox', { name: `Rôle de ${people.admin.name}` })).toBeDisabled();

    await page.getByRole('combobox', { name: `Rôle de ${people.learner.name}` }).selectOption('Trainer');
    await expect(page.getByRole('status').filter({ hasText: `Le rôle de ${people.learner.name} est maintenant : Formateur.` })).toBeVisible();

    await page.getByRole('button', { name: `Retirer ${people.trainer.name} de l’organisation` }).click();
    await page.getByRole('group', { name: `Retirer ${people.trainer.name} de l’organisation` }).getByRole('button', { name: 'Confirmer' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${people.trainer.name} a été retiré de l’organisation.` })).toBeVisible();
    await expect(page.getByRole('cell', { name: people.trainer.email })).toHaveCount(0);
  });

  test('the platform admin creates, renames and suspends an organisation, disables a user and reads the system page', async ({ page, browser, request }) => {
    const stamp = Date.now().toString(36);
    const user = { email: `disabled.${stamp}@example.test`, name: `Dora Désactivée ${stamp}` };
    await registerViaApi(request, user.email, PASSWORD, user.name);

    await signIn(page, platformAdmin.email, platformAdmin.password);
    await expectHeading(page, 'Administration de la plateforme');
    await page.getByRole('navigation').getByRole('link', { name: 'Organisations' }).click();
    await expectHeading(page, 'Organisations');
    await page.getByRole('textbox', { name: 'Nom' }).fill(`Campus ${stamp}`);
    await page.getByRole('textbox', { name: 'Identifiant (slug)' }).fill(`campus-${stamp}`);
    await page.getByRole('button', { name: 'Créer', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `L’organisation Campus ${stamp} a été créée.` })).toBeVisible();

    // Ordered by name: the new organisation may be on a later page; the API tells where.
    const headers = await apiToken(request, platformAdmin.email, platformAdmin.password);
    const list = (await (await request.get('/api/v1/organizations?pageSize=100', { headers })).json()) as { items: { name: string }[] };
    const index = list.items.findIndex((o) => o.name === `Campus ${stamp}`);
    if (index >= 20) await page.getByRole('button', { name: `Page ${Math.floor(index / 20) + 1}`, exact: true }).click();

    await page.getByRole('button', { name: `Renommer Campus ${stamp}` }).click();
    await page.getByRole('textbox', { name: `Nouveau nom de Campus ${stamp}` }).fill(`Campus ${stamp} Sud`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('status').filter({ hasText: `L’organisation s’appelle maintenant Campus ${stamp} Sud.` })).toBeVisible();

    await page.getByRole('button', { name: `Suspendre Campus ${stamp} Sud` }).click();
    await page.getByRole('group', { name: `Suspendre Campus ${stamp} Sud` }).getByRole('button', { name: 'Confirmer' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Campus ${stamp} Sud est suspendue.` })).toBeVisible();
    await expect(page.getByRole('button', { name: `Réactiver Campus ${stamp} Sud` })).toBeVisible();

    await page.getByRole('navigation').getByRole('link', { name: 'Utilisateurs' }).click();
    await expectHeading(page, 'Utilisateurs');
    await page.getByRole('searchbox', { name: 'Rechercher un nom ou une adresse e-mail' }).fill(user.email);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByRole('cell', { name: user.email })).toBeVisible();
    await page.getByRole('button', { name: `Désactiver le compte de ${user.name}` }).click();
    await page.getByRole('group', { name: `Désactiver le compte de ${user.name}` }).getByRole('button', { name: 'Confirmer' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Le compte de ${user.name} est désactivé.` })).toBeVisible();

    // The disabled person, in a browser of their own, cannot sign in.
    const other = await browser.newContext();
    const theirs = await other.newPage();
    await signIn(theirs, user.email, PASSWORD);
    await expect(theirs.getByRole('alert')).toContainText('Ce compte a été désactivé.');
    await other.close();

    await page.getByRole('navigation').getByRole('link', { name: 'Système' }).click();
    await expectHeading(page, 'Système');
    await expect(page.getByText('Sqlite')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Santé' }).getByText('Opérationnel').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Événements en attente (outbox)' }).getByRole('cell', { name: 'Platform' })).toBeVisible();
  });
});
