import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FullConfig } from '@playwright/test';
import { apiDll, isUp, spaDist, startApi, startRedis } from './api-process';

/**
 * Starts the real API (already built by the test script) on a fresh data directory with the demo seed, serving
 * client/dist, with a redis-server backplane when Debian's is installed (a spec starts a second instance on it); waits
 * for /health/ready; returns the teardown that stops them. SPOC_API_DLL overrides the default build output path.
 */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL ?? 'http://127.0.0.1:5199';
  if (!existsSync(apiDll)) {
    throw new Error(
      `e2e: the API is not built: ${apiDll} is missing. Build it first (dotnet build src/Spoc.Api), or point SPOC_API_DLL at a build.`,
    );
  }
  if (!existsSync(join(spaDist, 'index.html'))) {
    throw new Error(`e2e: the SPA is not built: ${join(spaDist, 'index.html')} is missing. Run \`npm run build\` first.`);
  }
  if (await isUp(`${baseURL}/health/ready`)) {
    throw new Error(`e2e: something already answers on ${baseURL}; stop it or set SPOC_E2E_PORT.`);
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'spoc-e2e-'));
  // The specs read the mail the API writes to <dataDir>/mail, and start more instances on it (workers inherit this environment).
  process.env.SPOC_E2E_DATA_DIR = dataDir;
  const redisPort = Number(new URL(baseURL).port) + 1000;
  const redis = await startRedis(redisPort, dataDir);
  if (redis) process.env.SPOC_E2E_REDIS = `127.0.0.1:${redisPort}`;

  let api;
  try {
    api = await startApi({ url: baseURL, dataDir, seedDemo: true, redis: process.env.SPOC_E2E_REDIS, logName: 'api.log' });
  } catch (error) {
    await redis?.stop();
    throw error;
  }
  process.stdout.write(`e2e: API ready on ${baseURL} (data ${dataDir}${redis ? `, redis on ${redisPort}` : ''})\n`);
  return async () => {
    await api.stop();
    await redis?.stop();
    if (!process.env.SPOC_E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  };
}
