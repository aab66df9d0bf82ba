import { expect, test, type Page } from '@playwright/test';
import { expectNoReload, isHub, markWindow, openThreadLive } from './live-support';
import { createStartedCohortViaApi, demo, expectHeading, signIn } from './support';

test('a signed-in page holds one live WebSocket to the hub, its token in the query string, and drops it on sign-out', async ({ page }) => {
  const opened = page.waitForEvent('websocket', (ws) => isHub(ws.url()));
  await signIn(page, demo.learner);
  const socket = await opened;

  // No negotiate request (any API instance can take the socket) and the token where a browser can put it.
  expect(new URL(socket.url()).searchParams.get('access_token')).toBeTruthy();
  // The hub's handshake answer (`{}` and the record separator): the token was accepted, the connection is up.
  await socket.waitForEvent('framereceived', (frame) => String(frame.payload).startsWith('{}'));

  const closed = socket.waitForEvent('close');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await closed;
});

/** The bell's unread count, read from its accessible name ("Notifications" alone when none). */
async function bellCount(page: Page) {
  const name = (await page.getByRole('button', { name: /^Notifications/ }).getAttribute('aria-label')) ?? '';
  return Number(/(\d+) non lue/.exec(name)?.[1] ?? 0);
}

test('a learner posts, the trainer sees it live, replies with a mention, and the learner’s bell counts it live', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const learnerEmail = 'olivia.smith@demo.spoc.local';
  const { cohort, headers } = await createStartedCohortViaApi(request, { title: `Direct ${suffix}`, learnerEmail });
  const title = `En direct ${suffix}`;
  const created = await request.post(`/api/v1/cohorts/${cohort.id}/threads`, { headers, data: { title, body: 'Vos questions sur le planning.' } });
  expect(created.status()).toBe(201);
  const threadPath = new URL(created.headers()['location'] ?? '', 'http://x').pathname.replace('/api/v1', '');

  const trainer = await (await browser.newContext()).newPage();
  await signIn(trainer, demo.trainer);
  await expectHeading(trainer, 'Espace formateur');
  await openThreadLive(trainer, threadPath);
  await expectHeading(trainer, title);
  await markWindow(trainer);

  const learner = await (await browser.newContext()).newPage();
  await signIn(learner, learnerEmail);
  await expectHeading(learner, 'Mon parcours');
  await openThreadLive(learner, threadPath);
  await expectHeading(learner, title);
  await markWindow(learner);
  const before = await bellCount(learner);

  const question = `Le jalon ${suffix} tombe-t-il un vendredi ?`;
  await learner.getByRole('textbox', { name: 'Votre réponse' }).fill(question);
  await learner.getByRole('button', { name: 'Répondre' }).click();

  // The trainer's open thread shows it without a reload.
  await expect(trainer.getByRole('listitem', { name: /Message 2 de/ })).toContainText(question);
  await expectNoReload(trainer);

  await trainer.getByRole('textbox', { name: 'Votre réponse' }).fill('Oui @Olivia Smith, le vendredi 14.');
  await trainer.getByRole('button', { name: 'Répondre' }).click();
  await expect(trainer.locator('span.mention')).toHaveText('@Olivia Smith');

  // The learner's bell counts the mention, and her open thread shows the reply, both live.
  await expect.poll(() => bellCount(learner)).toBeGreaterThan(before);
  await learner.getByRole('button', { name: /^Notifications/ }).click();
  await expect(learner.getByRole('region', { name: 'Notifications' }).getByText(`Vous êtes mentionné·e dans « ${title} »`)).toBeVisible();
  await expect(learner.getByRole('listitem', { name: /Message 3 de/ }).locator('span.mention')).toHaveText('@Olivia Smith');
  await expectNoReload(learner);
});
