// Starts real PostgreSQL, Redis and Meilisearch once per `bun test` run, in a temp DATA_DIR
// with their own ports, migrated and ready. Tests get the deps through `testDeps()`.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDeps } from '../deps';
import { readEnv } from '../env';
import { createLogger } from '../logger';
import { type RunningServices, startServices } from '../services/start-services';

let running: RunningServices | null = null;
let dataDir: string | null = null;

export async function startTestServices(): Promise<RunningServices> {
  if (running) return running;
  dataDir = mkdtempSync(join(tmpdir(), 'hearth-test-'));
  chmodSync(dataDir, 0o755);
  const env = readEnv({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    REDIS_URL: process.env.TEST_REDIS_URL,
    MEILI_URL: process.env.TEST_MEILI_URL,
    MEILI_MASTER_KEY: process.env.TEST_MEILI_MASTER_KEY,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
  });
  running = await startServices(env, createLogger(env.LOG_LEVEL), {
    productsIndex: `products_test_${Date.now().toString(36)}`,
  });
  return running;
}

const cleanups: (() => Promise<void>)[] = [];

/** Runs before the services stop at the end of the run (e.g. an app subprocess using them). */
export function onTestRunEnd(cleanup: () => Promise<void>) {
  cleanups.push(cleanup);
}

export async function stopTestServices() {
  await Promise.allSettled(cleanups.splice(0).map((c) => c()));
  if (!running) return;
  await running.stop();
  running = null;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

export function testServices(): RunningServices {
  if (!running) throw new Error('test services not started: is the preload configured in bunfig.toml?');
  return running;
}

export function testDeps(): AppDeps {
  return testServices().deps;
}

export function testDataDir(): string {
  if (!dataDir) throw new Error('test services not started');
  return dataDir;
}
