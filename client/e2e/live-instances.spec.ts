import { expect, test } from '@playwright/test';
import { startApi } from './api-process';
import { expectNoReload, markWindow, openThreadLive } from './live-support';
import { apiToken, createStartedCohortViaApi, demo, expectHeading, signIn } from './support';

// Two API instances on one database, their pushes carried by the Redis backplane (ADR 0026): the browser is connected
// to the second, the post is made through the first.
test('a post made through one API instance appears live in a browser connected to another', async ({ browser, request, baseURL }) => {
  test.setTimeout(150_000);
  const { SPOC_E2E_REDIS: redis, SPOC_E2E_DATA_DIR: dataDir } = process.env;
  if (!redis || !dataDir || !baseURL) throw new Error('redis-server is not installed (Debian: apt-get install -y redis-server, as .ci/run does)');
  const second = `http://127.0.0.1:${Number(new URL(baseURL).port) + 1}`;
  const instance = await startApi({ url: second, dataDir, seedDemo: false, redis, logName: 'api-2.log' });
  try {
    const suffix = Date.now().toString(36);
    const learnerEmail = 'olivia.smith@demo.spoc.local';
    const { cohort, headers } = await createStartedCohortViaApi(request, { title: `Deux instances ${suffix}`, learnerEmail });
    const title = `Sur deux serveurs ${suffix}`;
    const created = await request.post(`/api/v1/cohorts/${cohort.id}/threads`, { headers, data: { title, body: 'Qui a une question ?' } });
    expect(created.status()).toBe(201);
    const threadId = ((await created.json()) as { id: string }).id;

    const trainer = await (await browser.newContext({ baseURL: second })).newPage();
    await signIn(trainer, demo.trainer);
    await expectHeading(trainer, 'Espace formateur');
    await openThreadLive(trainer, `/threads/${threadId}`);
    await expectHeading(trainer, title);
    expect(new URL(trainer.url()).origin).toBe(second);
    await markWindow(trainer);

    const question = `Posée sur la première instance ${suffix}`;
    const posted = await request.post(`/api/v1/threads/${threadId}/posts`, { headers: await apiToken(request, learnerEmail), data: { body: question } });
    expect(posted.status()).toBe(201);

    await expect(trainer.getByRole('listitem', { name: /Message 2 de/ })).toContainText(question);
    await expectNoReload(trainer);
  } finally {
    await instance.stop();
  }
});
