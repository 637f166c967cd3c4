// Fault tests start their OWN PostgreSQL, Redis and Meilisearch in a fresh temp DATA_DIR, so
// killing and restarting them never disturbs other tests. Restarts reuse the same port, so the
// app's clients (pg pool, ioredis, meilisearch-js) can reconnect by themselves.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEnv } from '../env';
import { createLogger } from '../logger';
import { startEmbeddedMeilisearch } from '../services/embedded-meilisearch';
import { type StartedService, startEmbeddedPostgres } from '../services/embedded-postgres';
import { startEmbeddedRedis } from '../services/embedded-redis';
import { waitFor } from '../services/free-port';
import { type RunningServices, startServices } from '../services/start-services';

export interface IsolatedServices {
  services: RunningServices;
  dataDir: string;
  killMeili(): Promise<void>;
  restartMeili(): Promise<void>;
  killRedis(): Promise<void>;
  restartRedis(): Promise<void>;
  stopPostgres(): Promise<void>;
  /** kill -9 the postmaster and every backend, walwriter and checkpointer: a crash, not a shutdown. */
  killPostgres(): Promise<void>;
  restartPostgres(): Promise<void>;
  cleanup(): Promise<void>;
}

const log = createLogger((process.env.TEST_LOG_LEVEL as 'error' | undefined) ?? 'error');
const portOf = (url: string) => Number(new URL(url).port);

function sigkillFromPidFile(file: string) {
  const pid = Number(readFileSync(file, 'utf8').trim());
  try {
    process.kill(pid, 'SIGKILL');
  } catch {}
  return pid;
}

async function waitDead(pid: number) {
  await waitFor(
    async () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    },
    10_000,
    `process ${pid} to exit`,
  );
}

export async function startIsolatedServices(
  /** 'safe' for tests about durability (PostgreSQL's defaults, as in production). */
  { pgDurability = 'fast' }: { pgDurability?: 'safe' | 'fast' } = {},
): Promise<IsolatedServices> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-fault-'));
  chmodSync(dataDir, 0o755);
  const env = readEnv({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'error', PG_DURABILITY: pgDurability });
  const services = await startServices(env, log, { productsIndex: 'products' });
  const { urls, embedded } = services;
  if (!embedded.postgres || !embedded.redis || !embedded.meili)
    throw new Error('fault tests need all three embedded services');
  const extra: StartedService[] = [];

  return {
    services,
    dataDir,
    async killMeili() {
      await waitDead(sigkillFromPidFile(join(dataDir, 'meilisearch', 'meilisearch.pid')));
    },
    async restartMeili() {
      const s = await startEmbeddedMeilisearch(dataDir, urls.meiliKey, log, portOf(urls.meili!));
      if (s) extra.push(s);
    },
    async killRedis() {
      await waitDead(sigkillFromPidFile(join(dataDir, 'redis', 'redis.pid')));
    },
    async restartRedis() {
      const s = await startEmbeddedRedis(dataDir, log, portOf(urls.redis!));
      if (s) extra.push(s);
    },
    async stopPostgres() {
      await embedded.postgres!.stop();
    },
    async killPostgres() {
      const pid = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      const children = Bun.spawnSync(['ps', '-o', 'pid=', '--ppid', String(pid)])
        .stdout.toString()
        .split('\n')
        .map((l) => Number(l.trim()))
        .filter((n) => n > 0);
      for (const p of [pid, ...children]) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {}
      }
      for (const p of [pid, ...children]) await waitDead(p);
      // Its process is gone: the library's stop() would wait forever for an exit already seen.
      embedded.postgres!.stop = async () => {};
    },
    async restartPostgres() {
      extra.push(await startEmbeddedPostgres(dataDir, log, portOf(urls.database), embedded.postgres!.durability));
    },
    async cleanup() {
      await services.stop().catch(() => {});
      for (const s of extra) await s.stop().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
