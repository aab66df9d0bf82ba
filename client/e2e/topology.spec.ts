import { expect, test, type APIRequestContext } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, startRedis, type Running } from './api-process';
import { expectNoReload, markWindow, openThreadLive } from './live-support';
import { apiToken, applyViaApi, createAssignmentsViaApi, createCohortViaApi, demo, expectHeading, signIn } from './support';
import { startReceiver } from './webhook-receiver';

// docs/deployment.md's topology, on one machine: two API instances on one database and one redis-server, behind nginx
// (Debian's) balancing round-robin. A journey alternates between them, one is killed with SIGKILL in the middle of a
// burst of writes, and what the survivors show is checked: nothing acknowledged lost, nothing done twice.

const NGINX = '/usr/sbin/nginx';
const VERIFY_LIMIT = 8;

/** nginx in front of `upstreams`, round-robin, websockets passed through, a POST already sent never replayed elsewhere. */
async function startBalancer(port: number, upstreams: number[], dir: string): Promise<Running> {
  mkdirSync(join(dir, 'nginx'), { recursive: true });
  const conf = join(dir, 'nginx', 'nginx.conf');
  writeFileSync(
    conf,
    `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
error_log ${dir}/nginx/error.log warn;
pid ${dir}/nginx/nginx.pid;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/nginx/body;
  proxy_temp_path ${dir}/nginx/proxy;
  fastcgi_temp_path ${dir}/nginx/fastcgi;
  uwsgi_temp_path ${dir}/nginx/uwsgi;
  scgi_temp_path ${dir}/nginx/scgi;
  upstream spoc {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=60s;`).join('\n')}
  }
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 30m;
    location / {
      proxy_pass http://spoc;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout;
      proxy_read_timeout 120s;
    }
  }
}
`,
  );
  const nginx = spawn(NGINX, ['-p', join(dir, 'nginx'), '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}: ${readFileSync(join(dir, 'nginx', 'error.log'), 'utf8')}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 200));
  }
  return {
    stop: async () => {
      const exited = new Promise((resolveExit) => nginx.once('exit', resolveExit));
      nginx.kill('SIGQUIT');
      await exited;
    },
  };
}

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['post']>>, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The mails the instances wrote to the shared pickup folder for `to`. */
function mailsTo(dataDir: string, to: string) {
  const folder = join(dataDir, 'mail');
  if (!existsSync(folder)) return 0;
  return readdirSync(folder)
    .filter((name) => name.endsWith('.eml'))
    .filter((name) => readFileSync(join(folder, name), 'utf8').includes(`To: ${to}`)).length;
}

/** How many requests an instance's log says its handlers served. */
const handled = (dataDir: string, log: string) => (readFileSync(join(dataDir, log), 'utf8').match(/\bHandled [A-Z]/g) ?? []).length;

/**
 * Debian's redis-server, two API instances on one data directory and nginx in front, each pushed onto `started` as it
 * comes up (so that the caller's cleanup stops what did start); answers the balancer's URL and the second instance.
 */
async function startTopology(port: number, dataDir: string, started: Running[], { seedDemo, env = {} }: { seedDemo: boolean; env?: Record<string, string> }) {
  if (!existsSync(NGINX)) throw new Error('nginx is not installed (Debian: apt-get install -y nginx-light, as .ci/run does)');
  const [first, second, balancer, redisPort] = [port + 2, port + 3, port + 4, port + 1004];
  const redis = await startRedis(redisPort, dataDir);
  if (!redis) throw new Error('redis-server is not installed (Debian: apt-get install -y redis-server, as .ci/run does)');
  started.push(redis);
  const settings = {
    Redis__Connection: `127.0.0.1:${redisPort}`,
    // nginx is the one proxy believed: the rate limits count the address it forwards.
    Network__KnownProxies__0: '127.0.0.1',
    RateLimiting__VerifyPermitsPerIp: String(VERIFY_LIMIT),
    ...env,
  };
  started.push(await startApi({ url: `http://127.0.0.1:${first}`, dataDir, seedDemo, logName: 'api-1.log', env: settings }));
  const two = await startApi({ url: `http://127.0.0.1:${second}`, dataDir, seedDemo: false, logName: 'api-2.log', env: settings });
  started.push(two);
  started.push(await startBalancer(balancer, [first, second], dataDir));
  return { balancerUrl: `http://127.0.0.1:${balancer}`, firstUrl: `http://127.0.0.1:${first}`, secondUrl: `http://127.0.0.1:${second}`, two };
}

test('two API instances behind a load balancer lose no acknowledged write and do nothing twice when one is killed', async ({ browser, playwright, baseURL }) => {
  test.setTimeout(360_000);
  const port = Number(new URL(baseURL ?? '').port);
  const dataDir = mkdtempSync(join(tmpdir(), 'spoc-topology-'));
  const started: Running[] = [];
  const receiver = await startReceiver();
  try {
    // The killed instance's outbox claims lapse within seconds rather than the production minute.
    const { balancerUrl, firstUrl, secondUrl, two } = await startTopology(port, dataDir, started, { seedDemo: true, env: { Outbox__LeaseDuration: '00:00:10' } });
    const api = await playwright.request.newContext({ baseURL: balancerUrl });

    // The journey, each request wherever the balancer sends it: subscribe, apply, admit, post, grade, certify.
    const suffix = Date.now().toString(36);
    const admin = await apiToken(api, demo.orgAdmin);
    const organizationId = (await ok<{ organizations: { organizationId: string }[] }>(await api.get('/api/v1/me', { headers: admin }), 'me'))
      .organizations[0]?.organizationId;
    const webhook = await ok<{ webhookId: string; secret: string }>(
      await api.post(`/api/v1/organizations/${organizationId}/webhooks`, {
        headers: admin,
        data: { url: receiver.url, eventTypes: ['application.decided', 'enrolment.created', 'grade.released', 'certificate.issued'] },
      }),
      'subscribing the receiver',
    );
    receiver.trust(webhook.secret);
    const cohort = await createCohortViaApi(api, { title: `Deux instances ${suffix}`, capacity: 5 });
    const trainer = cohort.headers;
    const learnerEmail = demo.learner;
    const learner = await apiToken(api, learnerEmail);
    const application = await applyViaApi(api, cohort.id, learnerEmail);
    await ok(await api.post(`/api/v1/cohorts/${cohort.id}/applications/${application.id}/decision`, { headers: trainer, data: { decision: 'Admit' } }), 'admitting');
    const thread = await ok<{ id: string }>(
      await api.post(`/api/v1/cohorts/${cohort.id}/threads`, { headers: learner, data: { title: `Questions ${suffix}`, body: 'Qui commence ?' } }),
      'opening a thread',
    );
    const { quiz } = await createAssignmentsViaApi(api, cohort.id, trainer, suffix);
    const submission = await ok<{ id: string }>(
      await api.post(`/api/v1/assignments/${quiz.id}/submissions`, {
        headers: learner,
        data: { answers: [{ questionIndex: 0, choiceIndexes: [0] }, { questionIndex: 1, value: '2.5' }] },
      }),
      'handing the quiz in',
    );
    await ok(await api.put(`/api/v1/submissions/${submission.id}/grade`, { headers: trainer, data: { feedback: 'Très bien.', status: 'Released' } }), 'grading');
    const rules = await api.get(`/api/v1/cohorts/${cohort.id}/certification/rules`, { headers: trainer });
    await ok(
      await api.put(`/api/v1/cohorts/${cohort.id}/certification/rules`, {
        headers: { ...trainer, 'If-Match': rules.headers()['etag'] ?? '' },
        data: { requiredAssignmentIds: [quiz.id] },
      }),
      'setting the certification rules',
    );
    const learnerId = (await ok<{ id: string }>(await api.get('/api/v1/me', { headers: learner }), 'me')).id;
    await ok(await api.post(`/api/v1/cohorts/${cohort.id}/certificates`, { headers: trainer, data: { userId: learnerId } }), 'certifying');
    expect(handled(dataDir, 'api-1.log'), 'the first instance served part of the journey').toBeGreaterThan(5);
    expect(handled(dataDir, 'api-2.log'), 'the second instance served part of the journey').toBeGreaterThan(5);

    // A trainer's browser on the instance that will survive, the thread open: a post through the other appears live.
    const page = await (await browser.newContext({ baseURL: firstUrl })).newPage();
    await signIn(page, demo.trainer);
    await expectHeading(page, 'Espace formateur');
    await openThreadLive(page, `/threads/${thread.id}`);
    await markWindow(page);
    const direct = await playwright.request.newContext({ baseURL: secondUrl });
    const before = `Envoyé par la seconde instance ${suffix}`;
    await ok(await direct.post(`/api/v1/threads/${thread.id}/posts`, { headers: learner, data: { body: before } }), 'posting through the second instance');
    await expect(page.getByRole('listitem', { name: /Message 2 de/ })).toContainText(before);

    // A burst of writes through the balancer: invitations to the organisation (each mailed once, through the outbox);
    // the second instance is killed in the middle of it.
    const emails = Array.from({ length: 24 }, (_, i) => `invite.${suffix}.${i}@example.test`);
    const outcomes = new Map<string, number>();
    await Promise.all(
      emails.map(async (email, i) => {
        await new Promise((resolveDelay) => setTimeout(resolveDelay, i * 40));
        if (i === emails.length / 2) void two.kill();
        try {
          const response = await api.post(`/api/v1/organizations/${organizationId}/members`, { headers: admin, data: { email, role: 'Learner' }, timeout: 60_000 });
          outcomes.set(email, response.status());
        } catch {
          outcomes.set(email, 0); // the connection died with the instance: not acknowledged
        }
      }),
    );
    const acknowledged = emails.filter((email) => outcomes.get(email) === 201);
    expect(acknowledged.length, `acknowledged: ${JSON.stringify([...outcomes])}`).toBeGreaterThan(emails.length / 2);

    // Every acknowledged write is there (inviting again is refused as already invited), and mailed exactly once.
    for (const email of acknowledged) {
      const again = await api.post(`/api/v1/organizations/${organizationId}/members`, { headers: admin, data: { email, role: 'Learner' } });
      expect(again.status(), `${email} was acknowledged, so it is stored`).toBe(409);
    }
    for (const email of acknowledged) {
      await expect.poll(() => mailsTo(dataDir, email), { message: `one invitation mail to ${email}`, timeout: 60_000 }).toBe(1);
    }
    // The pickup folder keeps one file per mail id: a mail sent a second time is dropped there, and logged.
    const repeats = ['api-1.log', 'api-2.log'].map((log) => readFileSync(join(dataDir, log), 'utf8').match(/already written to the pickup folder/g)?.length ?? 0);
    expect(repeats, 'no mail was sent twice, by either instance').toEqual([0, 0]);

    // Each journey event reached the receiver, verified, under one id each, and the log holds one delivery per event.
    const types = ['application.decided', 'enrolment.created', 'grade.released', 'certificate.issued'];
    await expect
      .poll(() => types.every((type) => receiver.received.some((r) => (JSON.parse(r.body) as { type: string }).type === type)), {
        message: 'every journey event was delivered',
        timeout: 90_000,
      })
      .toBe(true);
    const deliveries = await ok<{ items: { messageId: string; eventType: string }[] }>(
      await api.get(`/api/v1/webhooks/${webhook.webhookId}/deliveries?pageSize=100`, { headers: admin }),
      'the delivery log',
    );
    expect(deliveries.items.map((d) => d.eventType).sort(), 'one delivery per event: each handled once').toEqual([...types].sort());
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(types.length);

    // The survivor still pushes live.
    const after = `Après la panne ${suffix}`;
    await ok(await api.post(`/api/v1/threads/${thread.id}/posts`, { headers: learner, data: { body: after } }), 'posting after the crash');
    await expect(page.getByRole('listitem', { name: /Message 3 de/ })).toContainText(after);
    await expectNoReload(page);
  } finally {
    for (const running of started.reverse()) await running.stop().catch(() => undefined);
    await receiver.stop();
    if (!process.env.SPOC_E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a caller’s rate limit is one budget across instances, counted for the address the balancer forwards', async ({ playwright, baseURL }) => {
  test.setTimeout(240_000);
  const port = Number(new URL(baseURL ?? '').port);
  const dataDir = mkdtempSync(join(tmpdir(), 'spoc-topology-'));
  const started: Running[] = [];
  try {
    const { balancerUrl } = await startTopology(port, dataDir, started, { seedDemo: false });
    const api = await playwright.request.newContext({ baseURL: balancerUrl });

    const verify = (address: string) => api.get('/api/v1/verify/0000000000000000000000000A', { headers: { 'X-Forwarded-For': address } });
    const statuses: number[] = [];
    for (let i = 0; i < VERIFY_LIMIT + 2; i++) statuses.push((await verify('203.0.113.7')).status());

    expect(statuses.slice(0, VERIFY_LIMIT), 'the budget, spread over both instances').toEqual(Array(VERIFY_LIMIT).fill(200));
    expect(statuses.slice(VERIFY_LIMIT), 'then refused, whichever instance answers').toEqual([429, 429]);
    expect(handled(dataDir, 'api-1.log')).toBeGreaterThan(0);
    expect(handled(dataDir, 'api-2.log')).toBeGreaterThan(0);
    expect((await verify('203.0.113.8')).status(), 'another address has its own budget').toBe(200);
  } finally {
    for (const running of started.reverse()) await running.stop().catch(() => undefined);
    if (!process.env.SPOC_E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  }
});
