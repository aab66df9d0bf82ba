import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FullConfig } from '@playwright/test';

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const READY_TIMEOUT_MS = Number(process.env.SPOC_E2E_READY_TIMEOUT_MS ?? 90_000);

/**
 * Starts the real API (already built by the test script) on a fresh data directory with the demo
 * seed, serving client/dist; waits for /health/ready; returns the teardown that stops it.
 * SPOC_API_DLL overrides the default build output path.
 */
export default async function globalSetup(config: FullConfig) {
  const dll = resolve(clientDir, process.env.SPOC_API_DLL ?? '../src/Spoc.Api/bin/Debug/net10.0/Spoc.Api.dll');
  const dist = join(clientDir, 'dist');
  const baseURL = config.projects[0]?.use.baseURL ?? 'http://127.0.0.1:5199';

  if (!existsSync(dll)) {
    throw new Error(
      `e2e: the API is not built: ${dll} is missing. Build it first (dotnet build src/Spoc.Api), or point SPOC_API_DLL at a build.`,
    );
  }
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`e2e: the SPA is not built: ${join(dist, 'index.html')} is missing. Run \`npm run build\` first.`);
  }
  if (await isUp(`${baseURL}/health/ready`)) {
    throw new Error(`e2e: something already answers on ${baseURL}; stop it or set SPOC_E2E_PORT.`);
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'spoc-e2e-'));
  // The specs read the mail the API writes to <dataDir>/mail (workers inherit this environment).
  process.env.SPOC_E2E_DATA_DIR = dataDir;
  const logPath = join(dataDir, 'api.log');
  const log = createWriteStream(logPath);
  const tail: string[] = [];
  const api = spawn('dotnet', [dll], {
    cwd: dirname(dll),
    env: {
      ...process.env,
      ASPNETCORE_URLS: baseURL,
      ASPNETCORE_ENVIRONMENT: 'Development',
      Spoc__DataDirectory: dataDir,
      Seed__Demo: 'true',
      Spoc__SpaDirectory: dist,
      Bootstrap__AdminEmail: 'admin@spoc.local',
      Bootstrap__AdminPassword: 'Spoc-Admin-2026',
      // The specs sign in a dozen times a minute from one IP, mostly as the same demo trainer; the
      // sign-in throttle (5 per account, 20 per IP a minute) is the API tests' business, not theirs.
      RateLimiting__TokenPermitsPerAccount: '100',
      RateLimiting__TokenPermitsPerAccountAndIp: '100',
      RateLimiting__TokenPermitsPerIp: '200',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [api.stdout, api.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      tail.push(...chunk.toString().split('\n'));
      tail.splice(0, Math.max(0, tail.length - 40));
    });
  }

  const stop = async () => {
    await stopProcess(api);
    log.end();
    if (!process.env.SPOC_E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(`${baseURL}/health/ready`, api);
  } catch (error) {
    await stopProcess(api);
    log.end();
    throw new Error(`${(error as Error).message}\n--- last API output (${logPath}) ---\n${tail.join('\n')}`, {
      cause: error,
    });
  }
  process.stdout.write(`e2e: API ready on ${baseURL} (data ${dataDir})\n`);
  return stop;
}

async function isUp(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function waitUntilReady(url: string, api: ChildProcess) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited: number | null = null;
  api.once('exit', (code) => {
    exited = code ?? -1;
  });
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`e2e: the API exited with code ${exited} before it was ready.`);
    if (await isUp(url)) return;
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 250));
  }
  throw new Error(`e2e: the API did not answer 200 on ${url} within ${READY_TIMEOUT_MS / 1000} s.`);
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
