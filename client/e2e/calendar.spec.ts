import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createStartedCohortViaApi, expectHeading, signIn } from './support';

const learnerEmail = 'olivia.smith@demo.spoc.local';
const DAY = 24 * 3600 * 1000;

/** How the learner's browser shows an instant of their Paris cohort: its time in Paris, with the zone's name. */
const parisTime = (date: Date) =>
  new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris', timeZoneName: 'short' }).format(date);

async function expectNoSeriousViolation(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
}

test.use({ timezoneId: 'America/New_York' });

test('a learner sees a session and a due date in their agenda at Paris time, subscribes, and the feed holds the session', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const { cohort, headers } = await createStartedCohortViaApi(request, { title: `Agenda ${suffix}`, learnerEmail });

  // Tomorrow: a virtual class at 09:00 UTC, and an assignment due at 15:00 UTC.
  const tomorrow = new Date(Math.floor(Date.now() / DAY) * DAY + DAY);
  const startsAt = new Date(tomorrow.getTime() + 9 * 3600 * 1000);
  const dueAt = new Date(tomorrow.getTime() + 15 * 3600 * 1000);
  const sessionTitle = `Classe virtuelle ${suffix}`;
  const scheduled = await request.post(`/api/v1/cohorts/${cohort.id}/sessions`, {
    headers,
    data: {
      title: sessionTitle, kind: 'VirtualClass', startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000).toISOString(), meetingUrl: 'https://meet.example.test/classe',
    },
  });
  expect(scheduled.status()).toBe(201);
  const sessionId = ((await scheduled.json()) as { id: string }).id;
  const assignmentTitle = `Note de cadrage ${suffix}`;
  const created = await request.post(`/api/v1/cohorts/${cohort.id}/assignments`, {
    headers,
    data: {
      kind: 'Text', title: assignmentTitle, instructions: 'Une page.', maxPoints: 20, category: 'Devoirs', isPublished: true,
      releaseAt: new Date(Date.now() - DAY).toISOString(), dueAt: dueAt.toISOString(), allowResubmission: true, latePolicy: 'AcceptAndFlag',
    },
  });
  expect(created.status()).toBe(201);

  const page = await (await browser.newContext()).newPage();
  await signIn(page, learnerEmail);
  await expectHeading(page, 'Mon parcours');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon agenda' }).click();
  await expectHeading(page, 'Mon agenda');

  // The list shows both at the cohort's (Paris) time, not the browser's (New York).
  const list = page.getByRole('list', { name: 'Séances et échéances' });
  const session = list.getByRole('listitem').filter({ hasText: sessionTitle });
  await expect(session).toContainText(parisTime(startsAt));
  await expect(session).toContainText('Classe virtuelle');
  const due = list.getByRole('listitem').filter({ hasText: `À rendre : ${assignmentTitle}` });
  await expect(due).toContainText(parisTime(dueAt));
  await expectNoSeriousViolation(page);

  // The month view has them too.
  await page.getByRole('radiogroup', { name: 'Affichage' }).getByText('Mois', { exact: true }).click();
  await expect(page.getByRole('table', { name: 'Calendrier du mois' }).getByRole('link', { name: sessionTitle })).toBeVisible();
  await expectNoSeriousViolation(page);

  // Subscribe: the URL shown is the feed, and it holds the session (without its meeting link).
  await page.getByRole('button', { name: 'Obtenir mon lien d’abonnement' }).click();
  const url = await page.getByRole('textbox', { name: 'Lien d’abonnement' }).inputValue();
  expect(url).toContain('/api/v1/me/calendar.ics?token=');
  const feed = await request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const ics = await feed.text();
  expect(ics).toContain(`UID:${sessionId}@spoc`);
  expect(ics).toContain(`SUMMARY:${sessionTitle}`);
  expect(ics).toContain('BEGIN:VTIMEZONE');
  expect(ics).not.toContain('meet.example.test');

  // A new link, after the warning: the old one stops working.
  await page.getByRole('button', { name: 'Générer un nouveau lien' }).click();
  await expect(page.getByText('L’ancien lien cessera de fonctionner')).toBeVisible();
  await page.getByRole('button', { name: 'Générer quand même' }).click();
  await expect(page.getByRole('textbox', { name: 'Lien d’abonnement' })).not.toHaveValue(url);
  expect((await request.get(url)).status()).toBe(404);
});
