import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const READY_TIMEOUT_MS = Number(process.env.SPOC_E2E_READY_TIMEOUT_MS ?? 90_000);

export const apiDll = resolve(clientDir, process.env.SPOC_API_DLL ?? '../src/Spoc.Api/bin/Debug/net10.0/Spoc.Api.dll');
export const spaDist = join(clientDir, 'dist');

export interface Running {
  stop: () => Promise<void>;
}

export interface RunningApi extends Running {
  /** SIGKILL: the instance dies mid-request, with no shutdown of any kind (a crash, an OOM kill). */
  kill: () => Promise<void>;
}

/**
 * The real API (already built) on `url`, over the data directory `dataDir`, serving client/dist; resolves once
 * /health/ready answers 200. Instances started on the same directory share the database and the token key; with
 * `redis` they share live pushes too (the backplane).
 */
export async function startApi({ url, dataDir, seedDemo, redis, logName, env = {} }: {
  url: string;
  dataDir: string;
  seedDemo: boolean;
  redis?: string;
  logName: string;
  /** More settings, as environment variables (`Section__Key`). */
  env?: Record<string, string>;
}): Promise<RunningApi> {
  const logPath = join(dataDir, logName);
  const log = createWriteStream(logPath);
  const tail: string[] = [];
  const api = spawn('dotnet', [apiDll], {
    cwd: dirname(apiDll),
    env: {
      ...process.env,
      ASPNETCORE_URLS: url,
      ASPNETCORE_ENVIRONMENT: 'Development',
      Spoc__DataDirectory: dataDir,
      Seed__Demo: String(seedDemo),
      Spoc__SpaDirectory: spaDist,
      Bootstrap__AdminEmail: 'admin@spoc.local',
      Bootstrap__AdminPassword: 'Spoc-Admin-2026',
      ...(redis ? { Redis__Connection: redis } : {}),
      // A deadline passing shows on the follow-up dashboard within seconds, not the production quarter of an hour.
      FollowUp__SweepInterval: '00:00:03',
      // The specs sign in a dozen times a minute from one IP, mostly as the same demo trainer; the
      // sign-in throttle (5 per account, 20 per IP a minute) is the API tests' business, not theirs.
      RateLimiting__TokenPermitsPerAccount: '100',
      RateLimiting__TokenPermitsPerAccountAndIp: '100',
      RateLimiting__TokenPermitsPerIp: '200',
      ...env,
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
  };
  try {
    await waitUntil(() => isUp(`${url}/health/ready`), api, `the API did not answer 200 on ${url}/health/ready`);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- last API output (${logPath}) ---\n${tail.join('\n')}`, { cause: error });
  }
  const kill = async () => {
    const exited = new Promise((resolveExit) => api.once('exit', resolveExit));
    api.kill('SIGKILL');
    await exited;
    log.end();
  };
  return { stop, kill };
}

/** Debian's redis-server on `port`, persisting nothing; undefined when it is not installed (.ci/run installs it). */
export async function startRedis(port: number, dir: string): Promise<Running | undefined> {
  const executable = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path));
  if (!executable) return undefined;
  const redis = spawn(executable, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  await waitUntil(() => canConnect(port), redis, `redis-server did not listen on ${port}`);
  return { stop: () => stopProcess(redis) };
}

export async function isUp(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolveConnect) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolveConnect(true);
    });
    socket.once('error', () => resolveConnect(false));
  });
}

async function waitUntil(ready: () => Promise<boolean>, child: ChildProcess, failure: string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`e2e: ${failure}: it exited with code ${exited}.`);
    if (await ready()) return;
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 250));
  }
  throw new Error(`e2e: ${failure} within ${READY_TIMEOUT_MS / 1000} s.`);
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
