// The bench's own world: embedded services under ./.data/bench (or DATA_DIR), a seeded catalogue,
// and the app served in-process twice: search cache on (the default config) and off (TTL 0).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from '../../src/server/app';
import type { AppDeps } from '../../src/server/deps';
import { readEnv } from '../../src/server/env';
import { type Job, startJobs, stopJobs } from '../../src/server/jobs/start-jobs';
import { createLogger } from '../../src/server/logger';
import { findFreePort, waitFor } from '../../src/server/services/free-port';
import { type RunningServices, startServices } from '../../src/server/services/start-services';
import { rateRules } from '../../src/server/trpc/rate-limit';
import type { BenchArgs } from './args';
import { progress } from './progress';

const root = resolve(import.meta.dir, '../..');
export const BENCH_SESSION_SECRET = 'bench-session-secret-0123456789abcdef0123456789';

export interface BenchEnv {
  services: RunningServices;
  deps: AppDeps;
  /** Base URL of the app with the search cache on (configured TTL, at least 60 s). */
  cachedUrl: string;
  /** Base URL of the same app with the search cache off (TTL 0). */
  uncachedUrl: string;
  dataDir: string;
  productCount: number;
  stop(): Promise<void>;
}

export async function productCount(deps: AppDeps): Promise<number> {
  const row = await deps.db
    .selectFrom('products')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function startBenchEnv(args: BenchArgs): Promise<BenchEnv> {
  const dataDir = resolve(process.env.DATA_DIR ?? resolve(root, '.data/bench'));
  progress(`services: starting embedded PostgreSQL, Redis, Meilisearch in ${dataDir}`);
  const env = readEnv({
    ...process.env,
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    SESSION_SECRET: process.env.SESSION_SECRET ?? BENCH_SESSION_SECRET,
  });
  const services = await startServices(env, createLogger('error'));
  const { deps } = services;

  let count = await productCount(deps);
  if (args.reuse && count >= args.products) {
    progress(`catalogue: reusing ${count} products (--reuse)`);
  } else {
    if (args.reuse) progress(`catalogue: ${count} products < ${args.products}, seeding anyway`);
    await seed(services, dataDir, args.products);
    count = await productCount(deps);
  }

  // Jobs (outbox drainer etc.) run as in production; the bench measures requests, not limits.
  const jobs: Job[] = startJobs(deps);
  for (const rule of Object.values(rateRules)) rule.limit = 1_000_000_000;
  await waitForIndex(deps);

  const cachedDeps: AppDeps = {
    ...deps,
    config: { ...deps.config, searchCacheTtlSeconds: Math.max(60, deps.config.searchCacheTtlSeconds) },
  };
  const uncachedDeps: AppDeps = { ...deps, config: { ...deps.config, searchCacheTtlSeconds: 0 } };
  const servers = await Promise.all([serve(cachedDeps), serve(uncachedDeps)]);
  progress(`app: cache on at ${servers[0].url}, cache off at ${servers[1].url}`);

  return {
    services,
    deps,
    cachedUrl: servers[0].url,
    uncachedUrl: servers[1].url,
    dataDir,
    productCount: count,
    async stop() {
      for (const s of servers) s.server.stop(true);
      await stopJobs(jobs);
      await services.stop();
    },
  };
}

async function serve(deps: AppDeps) {
  const app = createApp(deps);
  const port = await findFreePort();
  const server = Bun.serve({
    port,
    hostname: '127.0.0.1',
    idleTimeout: 60,
    fetch: (req, srv) => app.fetch(req, { ip: srv.requestIP(req)?.address }),
  });
  return { server, url: `http://127.0.0.1:${port}` };
}

/** Runs the project's seed script against the bench's services (same data dir, URLs in env). */
async function seed(services: RunningServices, dataDir: string, products: number) {
  if (!existsSync(resolve(root, 'scripts/seed.ts'))) throw new Error('scripts/seed.ts does not exist yet');
  progress(`catalogue: seeding ${products} products (bun scripts/seed.ts --products ${products} --reset)`);
  const started = performance.now();
  const proc = Bun.spawn(['bun', 'scripts/seed.ts', '--products', String(products), '--reset'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: services.urls.database,
      REDIS_URL: services.urls.redis ?? '',
      MEILI_URL: services.urls.meili ?? '',
      MEILI_MASTER_KEY: services.urls.meiliKey,
      LOG_LEVEL: 'warn',
    },
    stdout: 'inherit',
    stderr: 'inherit',
  });
  const code = await proc.exited;
  if (code !== 0) throw new Error(`seed exited with ${code}`);
  progress(`catalogue: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Search may lag: wait until the outbox is drained and Meilisearch has no pending tasks. */
export async function waitForIndex(deps: AppDeps) {
  if (!deps.meili) return;
  const meili = deps.meili;
  progress('search: waiting for the index to catch up (outbox drained, no pending tasks)');
  await waitFor(
    async () => {
      const outbox = await deps.db
        .selectFrom('search_outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(outbox.n) > 0) return false;
      const tasks = await meili.tasks.getTasks({ statuses: ['enqueued', 'processing'], limit: 1 });
      return tasks.results.length === 0;
    },
    30 * 60_000,
    'search index',
  );
}
