import { expect, test, type Browser, type Page } from '@playwright/test';
import { applyViaApi, cohortDemo, createCohortViaApi, createPartnerOrganization, demo, expectHeading, signIn } from './support';

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

test.describe('Cohorts: admission, seats, mentors and groups', () => {
  test('a trainer opens a 3-seat cohort, a learner applies, the trainer admits her, she sees it', async ({ browser }) => {
    const stamp = Date.now().toString(36);
    const courseTitle = `Design d'interfaces ${stamp}`;
    const cohortTitle = `Design d'interfaces, printemps ${stamp}`;

    // The trainer creates the course, then the cohort, through the UI.
    const trainer = await signedIn(browser, demo.trainer);
    await expectHeading(trainer, 'Espace formateur');
    await trainer.getByRole('link', { name: 'Créer un cours' }).first().click();
    await expectHeading(trainer, 'Créer un cours');
    await trainer.getByRole('textbox', { name: 'Titre du cours' }).fill(courseTitle);
    await trainer.getByRole('textbox', { name: 'Résumé' }).fill('Concevoir des interfaces accessibles, en petit groupe.');
    await trainer.getByRole('button', { name: 'Créer le cours' }).click();
    await expect(trainer.getByText(`Le cours « ${courseTitle} » est prêt`)).toBeVisible();

    await trainer.getByRole('link', { name: 'Créer une cohorte' }).click();
    await expectHeading(trainer, 'Créer une cohorte');
    await trainer.getByRole('combobox', { name: 'Cours' }).selectOption({ label: courseTitle });
    await trainer.getByRole('textbox', { name: 'Titre de la cohorte' }).fill(cohortTitle);
    await trainer.getByRole('spinbutton', { name: 'Capacité' }).fill('3');
    await expect(trainer.getByRole('combobox', { name: 'Fuseau horaire' })).toHaveValue('Europe/Paris');
    await trainer.getByRole('button', { name: 'Créer la cohorte' }).click();

    await expectHeading(trainer, cohortTitle);
    await expect(trainer.getByTestId('seats-left')).toHaveText('3');
    await expect(trainer.getByTestId('seats-taken')).toHaveText('0 / 3');
    await expect(trainer.getByRole('tab', { name: 'Candidatures' })).toHaveAttribute('aria-selected', 'true');
    const cohortUrl = trainer.url();

    // The learner finds it among the open cohorts and applies.
    const learner = await signedIn(browser, cohortDemo.applicant);
    await expectHeading(learner, 'Mon parcours');
    await learner.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Cohortes ouvertes' }).click();
    await expectHeading(learner, 'Cohortes ouvertes');
    const card = learner.getByRole('listitem').filter({ has: learner.getByRole('heading', { name: cohortTitle }) });
    await expect(card.getByText('3 places restantes')).toBeVisible();
    await card.getByRole('link', { name: `Candidater à ${cohortTitle}` }).click();
    await expectHeading(learner, `Candidater à ${cohortTitle}`);
    await learner.getByRole('textbox', { name: 'Motivation' }).fill('Je conçois des formulaires et je veux les rendre accessibles.');
    await learner.getByRole('button', { name: 'Ajouter une question' }).click();
    await learner.getByRole('textbox', { name: 'Question 1' }).fill('Disponibilités');
    await learner.getByRole('textbox', { name: 'Réponse 1' }).fill('Le mardi et le jeudi soir.');
    await learner.getByRole('button', { name: 'Envoyer ma candidature' }).click();
    await expect(learner.getByText('Candidature envoyée')).toBeVisible();

    // Applying twice is refused with the translated problem.
    await learner.goto(cohortUrl.replace(/\/?$/, '/apply'));
    await learner.getByRole('textbox', { name: 'Motivation' }).fill('Encore moi.');
    await learner.getByRole('button', { name: 'Envoyer ma candidature' }).click();
    await expect(learner.getByRole('alert')).toContainText('Vous avez déjà une candidature en cours pour cette cohorte.');

    await learner.getByRole('link', { name: 'Mes candidatures' }).first().click();
    await expectHeading(learner, 'Mes candidatures');
    const mine = learner.getByRole('listitem', { name: cohortTitle });
    await expect(mine.getByTestId('application-status')).toHaveText('Envoyée');

    // The trainer reviews it (motivation and answers shown) and admits her with a note.
    await trainer.reload();
    const review = trainer.getByRole('listitem', { name: cohortDemo.applicantName });
    await expect(review.getByText('Je conçois des formulaires et je veux les rendre accessibles.')).toBeVisible();
    await expect(review.getByText('Le mardi et le jeudi soir.')).toBeVisible();
    await review.getByRole('textbox', { name: `Note pour ${cohortDemo.applicantName} (facultative)` }).fill('Bienvenue dans la cohorte !');
    await review.getByRole('button', { name: 'Admettre' }).click();
    await expect(trainer.getByRole('status').filter({ hasText: `${cohortDemo.applicantName} : Admise.` })).toBeVisible();
    await expect(trainer.getByTestId('seats-left')).toHaveText('2');
    await expect(trainer.getByTestId('seats-taken')).toHaveText('1 / 3');

    // The trainer adds a mentor to the cohort and gives her the new learner.
    await trainer.getByRole('tab', { name: 'Membres' }).click();
    await expect(trainer.getByRole('cell', { name: cohortDemo.applicantName, exact: true })).toBeVisible();
    await trainer.getByRole('textbox', { name: 'Adresse e-mail' }).fill(cohortDemo.mentor);
    await trainer.getByRole('combobox', { name: 'Rôle' }).selectOption('Mentor');
    await trainer.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(trainer.getByText(`${cohortDemo.mentorName} ajouté(e) : Mentor.`)).toBeVisible();
    const mentorSelect = trainer.getByRole('combobox', { name: `Mentor de ${cohortDemo.applicantName}` });
    const assigned = trainer.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/mentor'));
    await mentorSelect.selectOption({ label: cohortDemo.mentorName });
    expect((await assigned).status()).toBe(204);
    await trainer.reload();
    await expect(trainer.getByRole('combobox', { name: `Mentor de ${cohortDemo.applicantName}` })).toHaveValue(/[0-9a-f-]{36}/);

    // The learner sees the decision, the note, and her new cohort.
    await learner.reload();
    await expect(mine.getByTestId('application-status')).toHaveText('Admise');
    await expect(mine.getByText('Bienvenue dans la cohorte !')).toBeVisible();
    await learner.goto('/learner');
    await learner.getByRole('link', { name: cohortTitle }).click();
    await expectHeading(learner, cohortTitle);
    await expect(learner.getByRole('heading', { name: 'Mon mentor' })).toBeVisible();
    await expect(learner.getByTestId('my-mentor')).toHaveText(cohortDemo.mentorName);

    // In English too.
    await learner.getByLabel('Langue').selectOption('en');
    await learner.goto('/applications');
    await expect(learner.getByRole('listitem', { name: cohortTitle }).getByTestId('application-status')).toHaveText('Admitted');
    await learner.getByLabel('Language').selectOption('fr');

    // The mentor finds her learner on the mentor home (her cohort role gives her that home).
    const mentor = await signedIn(browser, cohortDemo.mentor);
    await mentor.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes apprenants' }).click();
    await expectHeading(mentor, 'Mes apprenants');
    const mentored = mentor.getByRole('region', { name: cohortTitle });
    await expect(mentored.getByRole('rowheader', { name: cohortDemo.applicantName })).toBeVisible();

    await trainer.context().close();
    await learner.context().close();
    await mentor.context().close();
  });

  test('a full cohort offers the waitlist instead', async ({ browser, request }) => {
    const cohort = await createCohortViaApi(request, { title: `Atelier complet ${Date.now().toString(36)}`, capacity: 1 });
    await applyViaApi(request, cohort.id, cohortDemo.second);
    await applyViaApi(request, cohort.id, cohortDemo.invitee);

    const trainer = await signedIn(browser, demo.trainer);
    await expectHeading(trainer, 'Espace formateur');
    await trainer.goto(`/cohorts/${cohort.id}`);
    await expectHeading(trainer, cohort.title);
    const first = trainer.getByRole('listitem', { name: cohortDemo.secondName });
    await first.getByRole('button', { name: 'Admettre' }).click();
    await expect(trainer.getByTestId('seats-left')).toHaveText('0');

    const second = trainer.getByRole('listitem', { name: 'Maël Fournier' });
    await second.getByRole('button', { name: 'Admettre' }).click();
    await expect(second.getByRole('alert')).toContainText('La cohorte est complète');
    await second.getByRole('button', { name: 'Mettre en liste d’attente' }).click();
    await expect(trainer.getByRole('status').filter({ hasText: 'Maël Fournier : En liste d’attente.' })).toBeVisible();
    await expect(trainer.getByTestId('waitlist-length')).toHaveText('1');

    await trainer.getByRole('tab', { name: 'Liste d’attente' }).click();
    await expect(trainer.getByRole('listitem', { name: 'Maël Fournier' }).getByText('N° 1')).toBeVisible();
    await trainer.context().close();
  });

  test('an invitee follows the link, signs in and joins the cohort', async ({ browser, request }) => {
    const cohort = await createCohortViaApi(request, { title: `Sur invitation ${Date.now().toString(36)}`, admissionMode: 'InviteOnly' });

    const trainer = await signedIn(browser, demo.trainer);
    await expectHeading(trainer, 'Espace formateur');
    await trainer.goto(`/cohorts/${cohort.id}`);
    await expect(trainer.getByRole('tab', { name: 'Invitations' })).toHaveAttribute('aria-selected', 'true');
    await trainer.getByRole('textbox', { name: 'Adresse e-mail' }).fill(cohortDemo.invitee);
    await trainer.getByRole('button', { name: 'Inviter' }).click();
    const link = await trainer.getByRole('textbox', { name: 'Lien d’invitation' }).inputValue();
    expect(link).toMatch(/\/invitations\/[\w-]+$/);
    await expect(trainer.getByRole('cell', { name: cohortDemo.invitee })).toBeVisible();
    await expect(trainer.getByRole('row', { name: new RegExp(cohortDemo.invitee) }).getByText('En attente')).toBeVisible();

    const context = await browser.newContext();
    const invitee = await context.newPage();
    await invitee.goto(new URL(link).pathname);
    await expect(invitee).toHaveURL(/\/sign-in\?returnTo=%2Finvitations%2F/);
    await signIn(invitee, cohortDemo.invitee);
    await expect(invitee.getByText(`Vous faites maintenant partie de la cohorte « ${cohort.title} ».`)).toBeVisible();
    await invitee.getByRole('link', { name: 'Ouvrir la cohorte' }).click();
    await expectHeading(invitee, cohort.title);

    // The link works once.
    await invitee.goto(new URL(link).pathname);
    await expect(invitee.getByRole('alert')).toContainText('Cette invitation a déjà été utilisée.');

    await trainer.reload();
    await expect(trainer.getByRole('row', { name: new RegExp(cohortDemo.invitee) }).getByText('Acceptée')).toBeVisible();
    await expect(trainer.getByTestId('seats-taken')).toHaveText('1 / 3');
    await trainer.context().close();
    await context.close();
  });

  test('an org admin enrols employees by email, then the learners are split into project groups', async ({ browser, request }) => {
    const cohort = await createCohortViaApi(request, {
      title: `Inscription entreprise ${Date.now().toString(36)}`,
      admissionMode: 'OrganizationEnrollment',
    });

    const admin = await signedIn(browser, demo.orgAdmin);
    await admin.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Cohortes', exact: true }).click();
    await admin.getByRole('link', { name: cohort.title }).click();
    await expectHeading(admin, cohort.title);
    await expect(admin.getByRole('tab', { name: 'Inscriptions' })).toHaveAttribute('aria-selected', 'true');

    await admin
      .getByRole('textbox', { name: 'Adresses e-mail' })
      .fill(['anais.girard@demo.spoc.local', 'jerome.faure@demo.spoc.local', 'ines.mercier@demo.spoc.local', 'personne@example.org'].join('\n'));
    await admin.getByRole('button', { name: 'Inscrire', exact: true }).click();
    await expect(admin.getByText('3 personnes inscrites.')).toBeVisible();
    await expect(admin.getByRole('row', { name: /personne@example\.org Introuvable ou hors de votre organisation/ })).toBeVisible();
    await expect(admin.getByRole('row', { name: /anais\.girard@demo\.spoc\.local Inscrit/ })).toBeVisible();
    await expect(admin.getByTestId('seats-taken')).toHaveText('3 / 3');

    await admin.getByRole('tab', { name: 'Groupes' }).click();
    await expect(admin.getByText('3 apprenants sans groupe seront répartis en groupes équilibrés.')).toBeVisible();
    await admin.getByRole('textbox', { name: 'Taille des groupes' }).fill('2');
    await admin.getByRole('button', { name: 'Répartir' }).click();
    await expect(admin.getByText('2 groupes créés.')).toBeVisible();
    const board = admin.getByRole('list', { name: 'Groupes projet' });
    await expect(board.getByRole('heading', { level: 3 })).toHaveCount(2);
    await expect(board.getByText('Inès Mercier')).toBeVisible();
    await expect(admin.getByText('Tous les apprenants ont un groupe.').first()).toBeVisible();

    // A group is renamed in place; the edit carries its ETag.
    await board.getByRole('button', { name: 'Modifier le groupe Groupe 1' }).click();
    const first = board.getByRole('listitem', { name: 'Groupe 1' });
    await first.getByRole('textbox', { name: 'Nom du groupe' }).fill('Les éclaireurs');
    await first.getByRole('button', { name: 'Enregistrer le groupe' }).click();
    await expect(board.getByRole('heading', { level: 3, name: 'Les éclaireurs' })).toBeVisible();
    await expect(board.getByRole('heading', { level: 3 })).toHaveCount(2);
    await admin.context().close();
  });

  test("a partner organisation's admin accepts the partnership, then enrols their own people, and only them", async ({ browser, request }) => {
    const partner = await createPartnerOrganization(request, {
      adminEmail: 'lucas.brown@demo.spoc.local',
      employeeEmail: 'olivia.smith@demo.spoc.local',
    });
    const cohort = await createCohortViaApi(request, {
      title: `Inter-entreprises ${Date.now().toString(36)}`,
      admissionMode: 'OrganizationEnrollment',
      organizationIds: [partner.id],
    });

    const admin = await signedIn(browser, 'lucas.brown@demo.spoc.local');
    // Until the partner accepts, the cohort is not theirs to see.
    await admin.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Partenariats' }).click();
    await expectHeading(admin, 'Partenariats de cohortes');
    const proposal = admin.getByRole('row', { name: new RegExp(cohort.title) });
    await proposal.getByRole('button', { name: `Accepter le partenariat pour ${cohort.title}` }).click();
    await expect(admin.getByText('Réponse enregistrée.')).toBeVisible();
    await expect(proposal).toHaveCount(0);

    await admin.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Cohortes', exact: true }).click();
    await admin.getByRole('link', { name: cohort.title }).click();
    await expectHeading(admin, cohort.title);
    await expect(admin.getByRole('tab')).toHaveCount(1);
    await admin
      .getByRole('textbox', { name: 'Adresses e-mail' })
      .fill('olivia.smith@demo.spoc.local\njames.oconnor@demo.spoc.local');
    await admin.getByRole('button', { name: 'Inscrire', exact: true }).click();
    await expect(admin.getByText('1 personne inscrite.')).toBeVisible();
    await expect(admin.getByRole('row', { name: /olivia\.smith@demo\.spoc\.local Inscrit/ })).toBeVisible();
    await expect(admin.getByRole('row', { name: /james\.oconnor@demo\.spoc\.local Introuvable ou hors de votre organisation/ })).toBeVisible();
    await admin.context().close();
  });
});
