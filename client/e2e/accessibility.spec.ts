import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  apiToken,
  applyViaApi,
  assessmentDemo,
  cohortDemo,
  courseDemo,
  createAssignmentsViaApi,
  createCohortViaApi,
  createStartedCohortViaApi,
  demo,
  expectHeading,
  signIn,
} from './support';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      // The summary names the colours and ratio (or the missing name), so a failure explains itself.
      targets: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
}

test.describe('Accessibility (axe: no serious or critical violation)', () => {
  test('sign-in page', async ({ page }) => {
    await page.goto('/sign-in');
    await expectHeading(page, 'Connexion');
    expect(await seriousViolations(page)).toEqual([]);

    // With the errors shown too.
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByText('Ce champ est obligatoire.').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('register page', async ({ page }) => {
    await page.goto('/register');
    await expectHeading(page, 'Créer un compte');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the shell with the trainer home and the profile', async ({ page }) => {
    await signIn(page, demo.trainer);
    await expectHeading(page, 'Espace formateur');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Mon profil' }).click();
    await expectHeading(page, 'Mon profil');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('keyboard: skip link and sign-in form without a mouse', async ({ page }) => {
    await page.goto('/sign-in');
    await expectHeading(page, 'Connexion');
    await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).focus();
    await page.keyboard.type(demo.trainer);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Spoc-Demo-2026');
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Espace formateur');

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu principal' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main-content')).toBeFocused();
  });

  test('cohort pages: create course, create cohort (with errors), staff tabs', async ({ page, request }) => {
    test.setTimeout(120_000); // many pages, each analysed (a loaded 2-core machine took over 60 s)
    const stamp = Date.now().toString(36);
    const application = await createCohortViaApi(request, { title: `Axe candidature ${stamp}` });
    await applyViaApi(request, application.id, cohortDemo.second);
    const invite = await createCohortViaApi(request, { title: `Axe invitation ${stamp}`, admissionMode: 'InviteOnly' });
    const enrolment = await createCohortViaApi(request, { title: `Axe inscription ${stamp}`, admissionMode: 'OrganizationEnrollment' });

    await signIn(page, demo.trainer);
    await expectHeading(page, 'Espace formateur');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/courses/new');
    await expectHeading(page, 'Créer un cours');
    await page.getByRole('button', { name: 'Ajouter une compétence' }).click();
    await page.getByRole('button', { name: 'Créer le cours' }).click();
    await expect(page.getByText('Ce champ est obligatoire.').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/cohorts/new');
    await expectHeading(page, 'Créer une cohorte');
    await page.getByRole('spinbutton', { name: 'Capacité' }).fill('0');
    await page.getByRole('button', { name: 'Créer la cohorte' }).click();
    await expect(page.getByText('La capacité doit être un nombre entier entre 1 et 200.')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/cohorts');
    await expectHeading(page, 'Cohortes');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/cohorts/${application.id}`);
    await expectHeading(page, application.title);
    await expect(page.getByRole('listitem', { name: cohortDemo.secondName })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    for (const tab of ['Membres', 'Liste d’attente', 'Groupes', 'Paramètres']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tabpanel').getByRole('status')).toHaveCount(0);
      expect(await seriousViolations(page), tab).toEqual([]);
    }

    await page.goto(`/cohorts/${invite.id}`);
    await expectHeading(page, invite.title);
    await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill('personne@example.org');
    await page.getByRole('button', { name: 'Inviter' }).click();
    await expect(page.getByRole('textbox', { name: 'Lien d’invitation' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/cohorts/${enrolment.id}`);
    await expectHeading(page, enrolment.title);
    await page.getByRole('textbox', { name: 'Adresses e-mail' }).fill(`${cohortDemo.second}\ninconnu@example.org`);
    await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
    await expect(page.getByRole('cell', { name: 'Introuvable ou hors de votre organisation' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('learner cohort pages: open cohorts, application form, my applications', async ({ page, request }) => {
    const cohort = await createCohortViaApi(request, { title: `Axe apprenant ${Date.now().toString(36)}` });
    await signIn(page, demo.learner);
    await expectHeading(page, 'Mon parcours');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/open-cohorts');
    await expectHeading(page, 'Cohortes ouvertes');
    await expect(page.getByRole('heading', { name: cohort.title })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/cohorts/${cohort.id}/apply`);
    await expectHeading(page, `Candidater à ${cohort.title}`);
    await page.getByRole('button', { name: 'Ajouter une question' }).click();
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
    await expect(page.getByText('Ce champ est obligatoire.')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/applications');
    await expectHeading(page, 'Mes candidatures');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('course pages: list, editor (activity form with errors, preview), progress matrix with pacing, learner course page', async ({
    browser,
    request,
  }) => {
    test.setTimeout(60_000);
    const title = `Axe cours ${Date.now().toString(36)}`;
    const { cohort, course } = await createStartedCohortViaApi(request, {
      title,
      learnerEmail: courseDemo.axeLearner,
      lesson: { title: 'Première leçon', content: '## Objectifs\n\n- Lire\n- **Comprendre**\n\n[Un lien](https://example.org)' },
    });

    const trainer = await (await browser.newContext()).newPage();
    await signIn(trainer, demo.trainer);
    await expectHeading(trainer, 'Espace formateur');
    await trainer.goto('/courses');
    await expectHeading(trainer, 'Cours');
    expect(await seriousViolations(trainer)).toEqual([]);

    await trainer.goto(`/courses/${course.id}/edit`);
    await expectHeading(trainer, `Modifier « ${course.title} »`);
    await expect(trainer.getByRole('listitem', { name: 'Première leçon' })).toBeVisible();
    expect(await seriousViolations(trainer)).toEqual([]);
    await trainer.getByRole('button', { name: 'Modifier Première leçon' }).click();
    await trainer.getByRole('tab', { name: 'Aperçu' }).click();
    await expect(trainer.getByTestId('activity-preview').getByRole('heading', { name: 'Objectifs' })).toBeVisible();
    expect(await seriousViolations(trainer)).toEqual([]);
    await trainer.getByRole('button', { name: 'Ajouter une activité à Semaine 1' }).click();
    const form = trainer.getByRole('region', { name: 'Nouvelle activité' });
    await form.getByRole('combobox', { name: 'Type d’activité' }).selectOption({ label: 'Ressource' });
    await form.getByRole('button', { name: 'Ajouter l’activité' }).click();
    await expect(form.getByText('Une ressource a besoin d’un lien ou d’un fichier déposé.')).toBeVisible();
    expect(await seriousViolations(trainer)).toEqual([]);

    const learner = await (await browser.newContext()).newPage();
    await signIn(learner, courseDemo.axeLearner);
    await expect(learner).not.toHaveURL(/\/sign-in/);
    await learner.goto(`/cohorts/${cohort.id}/course`);
    await expectHeading(learner, `Cours : ${title}`);
    await learner.getByRole('button', { name: 'Lire Première leçon' }).click();
    await learner.getByRole('button', { name: 'Marquer comme terminé' }).click();
    await expect(learner.getByTestId('completed-at')).toBeVisible();
    expect(await seriousViolations(learner)).toEqual([]);

    await trainer.goto(`/cohorts/${cohort.id}/progress`);
    await expectHeading(trainer, `Progression : ${title}`);
    await expect(trainer.getByRole('row', { name: courseDemo.axeLearnerName })).toBeVisible();
    expect(await seriousViolations(trainer)).toEqual([]);
    await trainer.getByRole('button', { name: `Rythme de ${courseDemo.axeLearnerName}` }).click();
    const pacing = trainer.getByRole('region', { name: `Rythme personnel de ${courseDemo.axeLearnerName}` });
    await pacing.getByRole('button', { name: 'Décaler une activité' }).click();
    await pacing.getByRole('button', { name: 'Ajouter une ressource' }).click();
    await pacing.getByRole('button', { name: 'Enregistrer le rythme' }).click();
    await expect(pacing.getByText('Ce champ est obligatoire.').first()).toBeVisible();
    expect(await seriousViolations(trainer)).toEqual([]);
  });

  test('assessment pages: assignments, quiz player, file hand-in, editor, submissions, grading', async ({ browser, request }) => {
    test.setTimeout(60_000);
    const suffix = `axe-${Date.now().toString(36)}`;
    const { cohort, headers } = await createStartedCohortViaApi(request, { title: `Axe évaluation ${suffix}`, learnerEmail: assessmentDemo.axeLearner });
    const { quiz, file } = await createAssignmentsViaApi(request, cohort.id, headers, suffix);

    const learner = await (await browser.newContext()).newPage();
    await signIn(learner, assessmentDemo.axeLearner);
    await expectHeading(learner, 'Mon parcours');
    expect(await seriousViolations(learner)).toEqual([]);
    await learner.goto(`/cohorts/${cohort.id}/assignments`);
    await expectHeading(learner, 'Devoirs et évaluations');
    expect(await seriousViolations(learner)).toEqual([]);
    await learner.goto(`/assignments/${quiz.id}`);
    await expectHeading(learner, quiz.title);
    expect(await seriousViolations(learner)).toEqual([]);
    await learner.goto(`/assignments/${file.id}`);
    await expectHeading(learner, file.title);
    expect(await seriousViolations(learner)).toEqual([]);

    const trainer = await (await browser.newContext()).newPage();
    await signIn(trainer, demo.trainer);
    await expectHeading(trainer, 'Espace formateur');
    await trainer.goto(`/cohorts/${cohort.id}/assignments/new`);
    await expectHeading(trainer, 'Nouveau devoir');
    expect(await seriousViolations(trainer)).toEqual([]);
    await trainer.goto(`/assignments/${quiz.id}/edit`);
    await expectHeading(trainer, `Modifier « ${quiz.title} »`);
    expect(await seriousViolations(trainer)).toEqual([]);
    await trainer.goto(`/assignments/${quiz.id}/submissions`);
    await expectHeading(trainer, `Rendus : ${quiz.title}`);
    expect(await seriousViolations(trainer)).toEqual([]);
    await trainer.goto(`/assignments/${quiz.id}/grading`);
    await expectHeading(trainer, `Correction : ${quiz.title}`);
    expect(await seriousViolations(trainer)).toEqual([]);
  });
  test('gradebook pages: gradebook, policy, competency map, mes notes (demo cohort)', async ({ browser, request }) => {
    test.setTimeout(60_000);
    const me = await request.get('/api/v1/me', { headers: await apiToken(request, demo.trainer) });
    const { cohorts } = (await me.json()) as { cohorts: { cohortId: string; title: string }[] };
    const cohortId = cohorts.find((c) => c.title === 'Cohorte hiver')?.cohortId ?? 'missing-demo-cohort';

    const trainer = await (await browser.newContext()).newPage();
    await signIn(trainer, demo.trainer);
    await expectHeading(trainer, 'Espace formateur');
    await trainer.goto(`/cohorts/${cohortId}/gradebook`);
    await expectHeading(trainer, 'Carnet de notes');
    await expect(trainer.getByTestId('gradebook')).toBeVisible();
    expect(await seriousViolations(trainer)).toEqual([]);
    await trainer.goto(`/cohorts/${cohortId}/gradebook/policy`);
    await expectHeading(trainer, 'Politique de notation');
    await expect(trainer.getByTestId('weight-total')).toBeVisible();
    expect(await seriousViolations(trainer)).toEqual([]);
    await trainer.goto(`/cohorts/${cohortId}/competencies`);
    await expectHeading(trainer, 'Carte des compétences');
    expect(await seriousViolations(trainer)).toEqual([]);

    const learner = await (await browser.newContext()).newPage();
    await signIn(learner, 'olivia.smith@demo.spoc.local');
    await expectHeading(learner, 'Mon parcours');
    await learner.goto(`/cohorts/${cohortId}/grades`);
    await expectHeading(learner, 'Mes notes');
    await expect(learner.getByTestId('my-grade')).toBeVisible();
    expect(await seriousViolations(learner)).toEqual([]);
  });

  test('rubric and group project pages: rubric builder, rubric grading, feedback per criterion, group hand-in and adjustments', async ({ browser, request }) => {
    test.setTimeout(90_000);
    const suffix = `axe-grille-${Date.now().toString(36)}`;
    const { cohort, headers } = await createStartedCohortViaApi(request, {
      title: `Axe grille ${suffix}`,
      learnerEmail: assessmentDemo.axeLearner,
      competencies: [
        { code: 'C1', title: 'Structurer' },
        { code: 'C2', title: 'Anticiper' },
      ],
    });
    const post = async <T,>(url: string, data: unknown, as: Record<string, string> = headers) => {
      const response = await request.post(url, { data, headers: as });
      if (!response.ok()) throw new Error(`POST ${url}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as T;
    };
    const now = Date.now();
    const common = {
      isPublished: true,
      releaseAt: new Date(now - 3600_000).toISOString(),
      dueAt: new Date(now + 7 * 86_400_000).toISOString(),
      allowResubmission: false,
      latePolicy: 'AcceptAndFlag',
      maxPoints: 20,
      category: 'Projets',
    };
    const levels = [
      { title: 'Insuffisant', points: 0 },
      { title: 'Acquis', points: 2 },
    ];
    type Created = { id: string; title: string; rubric?: { criteria: { id: string; levels: { id: string }[] }[] } };
    const graded = await post<Created>(`/api/v1/cohorts/${cohort.id}/assignments`, {
      ...common,
      kind: 'Text',
      title: `Grille ${suffix}`,
      rubric: {
        criteria: [
          { title: 'Structure', competencyCode: 'C1', levels },
          { title: 'Risques', competencyCode: 'C2', levels },
        ],
      },
    });
    const project = await post<Created>(`/api/v1/cohorts/${cohort.id}/assignments`, { ...common, kind: 'GroupProject', title: `Projet ${suffix}` });
    const learnerHeaders = await apiToken(request, assessmentDemo.axeLearner);
    const me = (await (await request.get('/api/v1/me', { headers: learnerHeaders })).json()) as { id: string };
    await post(`/api/v1/cohorts/${cohort.id}/groups`, { name: `Alpha ${suffix}`, memberIds: [me.id] });
    const work = await post<{ id: string }>(`/api/v1/assignments/${graded.id}/submissions`, { text: 'Mon **plan**' }, learnerHeaders);
    await post(`/api/v1/assignments/${project.id}/submissions`, { text: 'Notre rapport' }, learnerHeaders);
    const criteria = graded.rubric?.criteria ?? [];
    const grade = await request.put(`/api/v1/submissions/${work.id}/grade`, {
      headers,
      data: {
        status: 'Released',
        feedback: 'Bien',
        rubricScores: criteria.map((criterion) => ({ criterionId: criterion.id, levelId: criterion.levels[1]?.id, comment: 'Un **bon** début' })),
      },
    });
    expect(grade.ok()).toBe(true);

    const learner = await (await browser.newContext()).newPage();
    await signIn(learner, assessmentDemo.axeLearner);
    await expectHeading(learner, 'Mon parcours');
    await learner.goto(`/assignments/${graded.id}`);
    await expect(learner.getByRole('table', { name: 'Retour par critère' })).toBeVisible();
    expect(await seriousViolations(learner)).toEqual([]);
    await learner.goto(`/assignments/${project.id}`);
    await expect(learner.getByTestId('handed-in-by')).toBeVisible();
    expect(await seriousViolations(learner)).toEqual([]);

    const trainer = await (await browser.newContext()).newPage();
    await signIn(trainer, demo.trainer);
    await expectHeading(trainer, 'Espace formateur');
    await trainer.goto(`/assignments/${graded.id}/edit`);
    await expect(trainer.getByRole('textbox', { name: 'Intitulé du critère 2' })).toHaveValue('Risques');
    expect(await seriousViolations(trainer)).toEqual([]);
    await trainer.goto(`/assignments/${graded.id}/grading`);
    await expect(trainer.getByRole('radio', { name: '2. Acquis (2 pt)' }).first()).toBeChecked();
    expect(await seriousViolations(trainer)).toEqual([]);
    await trainer.goto(`/assignments/${project.id}/grading`);
    await expect(trainer.getByRole('heading', { name: /Ajustements individuels/ })).toBeVisible();
    expect(await seriousViolations(trainer)).toEqual([]);
  });

  test('admin screens: the org admin dashboard and members, the platform admin organisations, users and system pages', async ({ page }) => {
    test.setTimeout(120_000); // six pages, each analysed
    await signIn(page, demo.orgAdmin);
    await expect(page.getByRole('heading', { level: 1, name: /^Mon organisation/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Vos cohortes' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/organization/members');
    await expect(page.getByRole('heading', { level: 1, name: /^Membres de/ })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();

    await signIn(page, 'admin@spoc.local', 'Spoc-Admin-2026');
    await expectHeading(page, 'Administration de la plateforme');
    expect(await seriousViolations(page)).toEqual([]);
    for (const [path, heading] of [['/admin/organizations', 'Organisations'], ['/admin/users', 'Utilisateurs'], ['/admin/system', 'Système']] as const) {
      await page.goto(path);
      await expectHeading(page, heading);
      await expect(page.getByRole('table').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    }
  });

  test('course editor while authoring: drag handles, a section being renamed, a deletion confirmation with its impact, a keyboard drag in progress', async ({ page, request }) => {
    const { course } = await createStartedCohortViaApi(request, {
      title: `Axe édition ${Date.now().toString(36)}`,
      learnerEmail: courseDemo.axeLearner,
      lesson: { title: 'Bienvenue', content: 'Bonjour.' },
    });
    await signIn(page, demo.trainer);
    await expectHeading(page, 'Espace formateur');
    await page.goto(`/courses/${course.id}/edit`);
    await expect(page.getByRole('button', { name: 'Déplacer l’activité Bienvenue' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Renommer Semaine 1' }).click();
    await page.getByRole('button', { name: 'Supprimer Bienvenue' }).click();
    await expect(page.getByTestId('impact')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Déplacer l’activité Bienvenue' }).focus();
    await page.keyboard.press('Space');
    await expect(page.getByText('Bienvenue saisi.')).toBeAttached();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });
});
