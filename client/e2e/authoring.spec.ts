import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { apiToken, courseDemo, createStartedCohortViaApi, demo, expectHeading, signIn } from './support';

/** A course with "Semaine 1" (the published lesson Bienvenue, then Leçon A, B, C) and "Semaine 2" (Leçon D); the learner completed Bienvenue. */
async function courseToEdit(request: APIRequestContext, stamp: string) {
  const { cohort, course, section, headers } = await createStartedCohortViaApi(request, {
    title: `Cohorte édition ${stamp}`,
    learnerEmail: courseDemo.learner,
    lesson: { title: 'Bienvenue', content: 'Bonjour.' },
  });
  const post = async <T,>(url: string, data: unknown) => {
    const response = await request.post(url, { headers, data });
    if (!response.ok()) throw new Error(`POST ${url}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const activity = (sectionId: string, title: string) =>
    post(`/api/v1/courses/${course.id}/activities`, { sectionId, kind: 'Lesson', title, content: title, offsetDays: 0, durationMinutes: 10 });
  for (const title of ['Leçon A', 'Leçon B', 'Leçon C']) await activity(section.id, title);
  const second = await post<{ id: string }>(`/api/v1/courses/${course.id}/sections`, { title: 'Semaine 2' });
  await activity(second.id, 'Leçon D');

  const learner = await apiToken(request, courseDemo.learner);
  const outline = (await (await request.get(`/api/v1/courses/${course.id}/outline`, { headers })).json()) as {
    sections: { activities: { id: string; title: string }[] }[];
  };
  const welcome = outline.sections[0]?.activities.find((a) => a.title === 'Bienvenue');
  if (!welcome) throw new Error('the lesson Bienvenue is missing');
  const done = await request.post(`/api/v1/cohorts/${cohort.id}/activities/${welcome.id}/completion`, { headers: learner });
  if (!done.ok()) throw new Error(`completion failed: ${done.status()}`);
  return course;
}

const titlesIn = (page: Page, section: string) =>
  page.getByRole('list', { name: `Activités de ${section}` }).getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));

async function dragTo(page: Page, handle: Locator, target: Locator) {
  // Mouse coordinates only reach what is on screen (the keyboard drag before may have scrolled it away).
  await handle.scrollIntoViewIfNeeded();
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('nothing to drag, or nowhere to drop');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  // Past the sensor's 5 px activation distance, then over the target in small steps so collisions are computed on the way.
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 10, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
}

test.describe('Authoring comfort', () => {
  test('a trainer renames, reorders by keyboard and by mouse, deletes after reading the impact, duplicates; an enrolment cohort needs no application dates', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const stamp = Date.now().toString(36);
    const course = await courseToEdit(request, stamp);
    await signIn(page, demo.trainer);
    await expect(page).not.toHaveURL(/\/sign-in/);
    await page.goto(`/courses/${course.id}/edit`);
    await expectHeading(page, `Modifier « ${course.title} »`);

    // Rename a section.
    await page.getByRole('button', { name: 'Renommer Semaine 1' }).click();
    await page.getByRole('textbox', { name: 'Renommer Semaine 1' }).fill('Semaine 1 : les bases');
    await page.getByRole('button', { name: 'Enregistrer le titre' }).click();
    await expect(page.getByRole('heading', { name: 'Section 1 : Semaine 1 : les bases' })).toBeVisible();
    const week1 = 'Semaine 1 : les bases';
    await expect.poll(() => titlesIn(page, week1)).toEqual(['Bienvenue', 'Leçon A', 'Leçon B', 'Leçon C']);

    // Keyboard: space picks Leçon A up, the down arrow moves it below Leçon B, space drops it; one PUT of the whole order.
    const handleA = page.getByRole('button', { name: 'Déplacer l’activité Leçon A' });
    // The rename's refetch re-renders the outline: focus the handle once it has settled, or the key goes to a replaced node.
    await page.waitForLoadState('networkidle');
    await handleA.focus();
    await page.keyboard.press('Space');
    await expect(page.getByText('Leçon A saisi.')).toBeAttached();
    await page.keyboard.press('ArrowDown');
    // The page scrolls smoothly to follow the item; drop once it is over its new place, as the announcement says.
    await expect(page.getByText('Leçon A prend la place de Leçon B.')).toBeAttached();
    const saved = page.waitForResponse((r) => r.url().endsWith('/outline/order') && r.request().method() === 'PUT');
    await page.keyboard.press('Space');
    expect((await saved).status()).toBe(200);
    await expect.poll(() => titlesIn(page, week1)).toEqual(['Bienvenue', 'Leçon B', 'Leçon A', 'Leçon C']);

    // Mouse: Leçon D is dragged from Semaine 2 onto Leçon C, in Semaine 1.
    const moved = page.waitForResponse((r) => r.url().endsWith('/outline/order') && r.request().method() === 'PUT');
    await dragTo(page, page.getByRole('button', { name: 'Déplacer l’activité Leçon D' }), page.getByRole('listitem', { name: 'Leçon C' }));
    expect((await moved).status()).toBe(200);
    await expect.poll(() => titlesIn(page, week1)).toContain('Leçon D');
    await expect(page.getByRole('list', { name: 'Activités de Semaine 2' }).getByRole('listitem')).toHaveCount(0);
    await page.reload();
    await expect.poll(() => titlesIn(page, week1)).toContain('Leçon D');

    // Delete the lesson a learner completed: the confirmation says so first.
    await page.getByRole('button', { name: 'Supprimer Bienvenue' }).click();
    const confirmation = page.getByRole('group', { name: 'Supprimer Bienvenue' });
    await expect(confirmation.getByTestId('impact')).toHaveText('Supprimer « Bienvenue » efface 1 validation d’activité (1 apprenant).');
    await confirmation.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await expect(page.getByRole('listitem', { name: 'Bienvenue' })).toHaveCount(0);
    const outline = await titlesIn(page, week1);

    // Duplicate: a new draft "(copie)" with the same outline.
    await page.getByRole('button', { name: 'Dupliquer le cours' }).click();
    await expectHeading(page, `Modifier « ${course.title} (copie) »`);
    await expect(page.getByTestId('course-status')).toHaveText('Brouillon');
    await expect.poll(() => titlesIn(page, week1)).toEqual(outline);

    // An organisation-enrolment cohort: no application window asked.
    await page.goto('/cohorts/new');
    await expectHeading(page, 'Créer une cohorte');
    await page.getByRole('combobox', { name: 'Cours' }).selectOption({ label: `${course.title} (copie)` });
    await page.getByRole('textbox', { name: 'Titre de la cohorte' }).fill(`Cohorte entreprise ${stamp}`);
    await page.getByRole('combobox', { name: 'Mode d’admission' }).selectOption({ label: 'Inscription par l’organisation' });
    await expect(page.getByTestId('no-application-window')).toBeVisible();
    await expect(page.getByLabel('Ouverture des candidatures')).toHaveCount(0);
    await page.getByRole('button', { name: 'Créer la cohorte' }).click();
    await expect(page).toHaveURL(/\/cohorts\/[0-9a-f-]{36}$/);
    await expectHeading(page, `Cohorte entreprise ${stamp}`);
  });
});
