import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { apiToken, demo, expectHeading, signIn } from './support';

test.describe('Role homes with real data', () => {
  test('the org admin sees the members of Institut Lumière', async ({ page }) => {
    await signIn(page, demo.orgAdmin);
    await expectHeading(page, 'Mon organisation · Institut Lumière');
    const table = page.getByRole('table');
    await expect(table.getByRole('cell', { name: 'Benoît Lefèvre' })).toBeVisible();
    await expect(table.getByRole('cell', { name: 'Léa Bernard' })).toBeVisible();

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  test('the platform admin sees every organisation', async ({ page }) => {
    await signIn(page, 'admin@spoc.local', 'Spoc-Admin-2026');
    await expectHeading(page, 'Administration de la plateforme');
    await expect(page.getByRole('table').getByRole('cell', { name: 'Institut Lumière' })).toBeVisible();
  });

  test('a mentor lands on the mentor home', async ({ page }) => {
    await signIn(page, demo.mentor);
    await expectHeading(page, 'Mes apprenants');
    // The demo seed makes her mentor of the open demo cohort, where no learner is assigned to her yet.
    const cohort = page.getByRole('region', { name: 'Cohorte printemps' });
    await expect(cohort.getByText('Aucun apprenant ne vous est encore confié dans cette cohorte.')).toBeVisible();
    await expect(cohort.getByRole('link', { name: 'Cohorte printemps' })).toHaveAttribute('href', /^\/cohorts\/[0-9a-f-]{36}$/);
  });

  test('a mentor opens her cohort and finds none of the staff controls', async ({ page }) => {
    await signIn(page, demo.mentor);
    await page.getByRole('region', { name: 'Cohorte printemps' }).getByRole('link', { name: 'Cohorte printemps' }).click();
    await expectHeading(page, 'Cohorte printemps');
    await expect(page.getByRole('tab')).toHaveText(['Membres', 'Groupes']);
    await expect(page.getByRole('cell', { name: 'Benoît Lefèvre' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Ajouter un formateur ou un mentor' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Retirer/ })).toHaveCount(0);
    await page.getByRole('tab', { name: 'Groupes' }).click();
    await expect(page.getByRole('button', { name: 'Créer le groupe' })).toHaveCount(0);
  });
});

// The demo's "Cohorte hiver" started weeks ago: its learners are at varied levels, its hand-ins wait for grading, and
// Chloé Moreau mentors Anaïs Girard and Jérôme Faure there. Assertions are on structure and on these lasting facts.
test.describe('Role homes with real work waiting (demo)', () => {
  const anais = 'anais.girard@demo.spoc.local';

  test('the trainer finds "à corriger", "à suivre" with reasons, and his courses', async ({ page }) => {
    await signIn(page, demo.trainer);
    await expectHeading(page, 'Espace formateur');
    const toGrade = page.getByRole('region', { name: 'À corriger' });
    await expect(toGrade.getByRole('link').first()).toBeVisible();

    const toFollow = page.getByRole('region', { name: 'À suivre' });
    const learners = toFollow.getByTestId('attention-learners');
    await expect(learners.getByRole('listitem').first()).toContainText('Cohorte hiver');
    await expect(learners.getByRole('link', { name: /^Ouvrir le suivi de / }).first()).toHaveAttribute('href', /\/cohorts\/[0-9a-f-]{36}\/follow-up\/learners\/[0-9a-f-]{36}$/);
    await expect(learners.getByText(/En risque/).first()).toBeVisible();

    const courses = page.getByRole('region', { name: 'Mes cours' });
    await expect(courses.getByRole('link', { name: /^Modifier / }).first()).toHaveAttribute('href', /^\/courses\/[0-9a-f-]{36}\/edit$/);

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  test('the mentor finds her learners with their progress against their plan, and "à suivre"', async ({ page }) => {
    await signIn(page, demo.mentor);
    await expectHeading(page, 'Mes apprenants');
    const hiver = page.getByRole('region', { name: 'Cohorte hiver' });
    const table = hiver.getByRole('table');
    await expect(table.getByRole('rowheader', { name: 'Anaïs Girard' })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'Jérôme Faure' })).toBeVisible();
    await expect(table.getByRole('rowheader')).toHaveCount(2); // her own learners only
    const anaisRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Anaïs Girard' }) });
    await expect(anaisRow.getByRole('cell').nth(0)).toHaveText(/^\d+ \/ \d+$/);
    await expect(anaisRow.getByRole('cell').nth(1)).toHaveText(/^(En avance de|En retard de) \d+ activités?$|^Dans les temps$/);

    const toFollow = page.getByRole('region', { name: 'À suivre' });
    await expect(toFollow.getByTestId('attention-learners').getByRole('link', { name: /^Ouvrir le suivi de (Anaïs Girard|Jérôme Faure)$/ }).first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'À corriger' })).toBeVisible();

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  test('a learner finds "à venir" across her cohorts, and her course page shows the course', async ({ page, request }) => {
    test.setTimeout(90_000);
    await signIn(page, anais);
    await expectHeading(page, 'Mon parcours');
    const upcoming = page.getByRole('region', { name: 'À venir' });
    await expect(upcoming.getByTestId('upcoming-list').getByRole('link').first()).toBeVisible();
    await expect(upcoming.getByTestId('upcoming-list')).toContainText('Cohorte hiver');
    // The class in two days has this week's preparations, which she has not done yet.
    await expect(upcoming.getByTestId('upcoming-list').getByRole('listitem').filter({ hasText: 'Classe inversée' }).getByText('À préparer')).toBeVisible();

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    const me = await request.get('/api/v1/me', { headers: await apiToken(request, anais) });
    const { cohorts } = (await me.json()) as { cohorts: { cohortId: string; title: string }[] };
    const cohortId = cohorts.find((c) => c.title === 'Cohorte hiver')?.cohortId ?? 'missing-demo-cohort';
    await page.goto(`/cohorts/${cohortId}/course`);
    await expectHeading(page, 'Cours : Cohorte hiver');
    await expect(page.getByRole('heading', { level: 2, name: 'Ma progression' })).toBeVisible();
    const onCourse = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(onCourse.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});
