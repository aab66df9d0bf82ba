import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiToken, demo, registerViaApi, signIn } from './support';

const LEARNERS = 50;
const SECTIONS = 4;
const PER_SECTION = 10;
const day = 24 * 3600 * 1000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const activityTitle = (n: number) => `Activité ${n} : analyse détaillée des besoins des parties prenantes, étape ${n} du projet`;

async function post<T>(request: APIRequestContext, url: string, headers: Record<string, string>, data: unknown): Promise<T> {
  const response = await request.post(url, { headers, data });
  if (!response.ok()) throw new Error(`POST ${url}: ${response.status()} ${await response.text()}`);
  return (await response.json().catch(() => ({}))) as T;
}

/** In batches of `size` at a time: parallel enough to be quick, not so much that the API's queue times out. */
async function inBatches<T>(items: readonly T[], size: number, run: (item: T, index: number) => Promise<unknown>) {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map((item, i) => run(item, start + i)));
  }
}

/** A published course of 4 × 10 activities, an organisation-enrolment cohort that started 20 days ago, 50 learners enrolled. */
async function buildMatrix(request: APIRequestContext) {
  const stamp = Date.now().toString(36);
  const trainer = await apiToken(request, demo.trainer);
  const admin = await apiToken(request, demo.orgAdmin);
  const me = (await (await request.get('/api/v1/me', { headers: trainer })).json()) as { organizations: { organizationId: string }[] };
  const organizationId = me.organizations[0]?.organizationId ?? '';
  const course = await post<{ id: string }>(request, '/api/v1/courses', trainer, { organizationId, title: `Matrice ${stamp}`, language: 'fr', competencies: [] });
  const sections: { id: string }[] = [];
  for (let s = 1; s <= SECTIONS; s++) {
    sections.push(await post(request, `/api/v1/courses/${course.id}/sections`, trainer, { title: `Semaine ${s} : un titre de section volontairement long pour la bande` }));
  }
  // One chain per section (positions within a section are given in order), the four sections side by side.
  await Promise.all(
    sections.map(async (section, s) => {
      for (let i = 0; i < PER_SECTION; i++) {
        const n = s * PER_SECTION + i + 1;
        const offset = Math.floor((n - 1) / 2);
        await post(request, `/api/v1/courses/${course.id}/activities`, trainer, {
          sectionId: section.id, kind: 'Lesson', title: activityTitle(n), content: `Contenu ${n}`, offsetDays: offset, dueOffsetDays: offset + 3, durationMinutes: 10,
        });
      }
    }),
  );
  const current = await request.get(`/api/v1/courses/${course.id}`, { headers: trainer });
  const body = (await current.json()) as Record<string, unknown>;
  const published = await request.put(`/api/v1/courses/${course.id}`, { headers: { ...trainer, 'If-Match': current.headers()['etag'] ?? '' }, data: { ...body, isPublished: true } });
  expect(published.ok()).toBeTruthy();

  const now = Date.now();
  const cohort = await post<{ id: string; title: string }>(request, '/api/v1/cohorts', trainer, {
    courseId: course.id, title: `Cohorte matrice ${stamp}`, capacity: 60,
    startsOn: isoDate(new Date(now - 20 * day)), endsOn: isoDate(new Date(now + 60 * day)),
    applicationsOpenAt: new Date(now - 30 * day).toISOString(), applicationsCloseAt: new Date(now - 21 * day).toISOString(),
    admissionMode: 'OrganizationEnrollment', organizationIds: [], timeZone: 'Europe/Paris',
  });

  const emails = Array.from({ length: LEARNERS }, (_, i) => `matrice.${stamp}.${String(i + 1).padStart(2, '0')}@example.test`);
  await inBatches(emails, 10, (email, i) => registerViaApi(request, email, 'Passw0rd-Matrice', `Apprenant ${String(i + 1).padStart(2, '0')} ${stamp}`));
  await inBatches(emails, 10, (email) => post(request, `/api/v1/organizations/${organizationId}/members`, admin, { email, role: 'Learner' }));
  const enrolled = await post<{ enrolled: number }>(request, `/api/v1/cohorts/${cohort.id}/enrolments`, trainer, { emails });
  expect(enrolled.enrolled).toBe(LEARNERS);
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/cohorts/${cohort.id}/progress`, { headers: trainer })).json()) as { learners: unknown[] }).learners.length, { timeout: 60_000 })
    .toBe(LEARNERS);

  // The first learner did the first three activities: done cells next to late ones.
  const learner = await apiToken(request, emails[0] ?? '', 'Passw0rd-Matrice');
  const progress = (await (await request.get(`/api/v1/cohorts/${cohort.id}/progress`, { headers: trainer })).json()) as { activities: { id: string }[] };
  for (const activity of progress.activities.slice(0, 3)) await post(request, `/api/v1/cohorts/${cohort.id}/activities/${activity.id}/completion`, learner, {});
  return { cohort, stamp };
}

test('the progress matrix at 50 learners × 40 activities: keyboard grid, full titles on focus, scroll hint on a narrow screen', async ({ page, request }) => {
  test.setTimeout(240_000);
  const { cohort, stamp } = await buildMatrix(request);

  await signIn(page, demo.trainer);
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto(`/cohorts/${cohort.id}/progress`);
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('row')).toHaveCount(2 + LEARNERS + 1);
  await expect(grid.getByRole('columnheader', { name: activityTitle(40) })).toHaveCount(1);
  // Completion, not a pass rate.
  await expect(page.getByText('Taux de réussite')).toHaveCount(0);
  await expect(grid.getByText('Terminée par (% des apprenants)')).toBeVisible();

  // One tab stop: from the refresh button, Tab enters the grid; the arrows move inside it.
  await page.getByRole('button', { name: 'Actualiser' }).focus();
  await page.keyboard.press('Tab');
  await expect(grid.locator(':focus')).toHaveCount(1);
  const detail = page.getByTestId('progress-matrix-detail');
  await page.keyboard.press('ArrowDown'); // the activity titles
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(detail).toHaveText(`Activité 1 : ${activityTitle(1)} (Semaine 1 : un titre de section volontairement long pour la bande)`);
  await page.keyboard.press('End');
  await expect(detail).toContainText(activityTitle(40));
  await page.keyboard.press('ArrowDown'); // the first learner, last activity: past due, not done
  await expect(detail).toHaveText(`Apprenant 01 ${stamp} — activité 40 : ${activityTitle(40)} — ${activityTitle(40)} : non terminé`);
  await page.keyboard.press('Home');
  await expect(page.getByRole('button', { name: `Rythme de Apprenant 01 ${stamp}` })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(detail).toContainText(`${activityTitle(1)} : terminé en retard — Terminé le`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(detail).toContainText(`${activityTitle(4)} : en retard, non terminé`);
  await page.keyboard.press('Control+End');
  await expect(detail).toHaveText('');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(detail).toContainText('Section : Semaine 1 : un titre de section volontairement long pour la bande');
  // Tab leaves the grid at once: it is one stop, not two thousand.
  await page.keyboard.press('Tab');
  await expect(grid.locator(':focus')).toHaveCount(0);

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

  // A narrow screen: the cue and the shaded edge say there is more to the right, until the end is reached.
  await page.setViewportSize({ width: 390, height: 800 });
  await expect(page.getByTestId('progress-matrix-scroll-hint')).toHaveText('Faites défiler →');
  await expect(page.getByTestId('progress-matrix-shadow')).toBeVisible();
  await page.getByTestId('progress-matrix').evaluate((frame) => frame.scrollTo({ left: frame.scrollWidth }));
  await expect(page.getByTestId('progress-matrix-scroll-hint')).toHaveCount(0);
});
