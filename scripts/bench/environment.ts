// The bench's own world: embedded services under ./.data/bench (or DATA_DIR), a seeded catalogue,
// and the app in its own process (scripts/bench/app-process.ts) serving twice: search cache on
// (the default config) and off (TTL 0). The app is a separate process so the CPU it uses is
// measured apart from the load generator's (see cpu.ts).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { durabilitySettings } from '../../src/server/db/durability';
import { defaultPoolSize } from '../../src/server/db/kysely';
import type { AppDeps } from '../../src/server/deps';
import { readEnv } from '../../src/server/env';
import { createLogger } from '../../src/server/logger';
import { waitFor } from '../../src/server/services/free-port';
import { type RunningServices, startServices } from '../../src/server/services/start-services';
import type { BenchArgs } from './args';
import { CpuMeter, type MeteredProcess, pidFromFile } from './cpu';
import type { OpCount } from './op-counter';
import { progress } from './progress';

const root = resolve(import.meta.dir, '../..');
export const BENCH_SESSION_SECRET = 'bench-session-secret-0123456789abcdef0123456789';

export interface BenchEnv {
  services: RunningServices;
  /** The bench's own connections, for fixtures and checks (the app has its own). */
  deps: AppDeps;
  /** Base URL of the app with the search cache on (configured TTL, at least 60 s). */
  cachedUrl: string;
  /** Base URL of the same app with the search cache off (TTL 0). */
  uncachedUrl: string;
  /** The fixed stack with the cart's SQL and nothing of Hearth's (stack-floor.ts), in the app's process. */
  floorUrl: string;
  dataDir: string;
  /**
   * Connections in the app's pool (DATABASE_POOL_SIZE, else defaultPoolSize). The raw-SQL sides
   * open as many, so both drive PostgreSQL with the same number of backends (decision 0182).
   */
  poolSize: number;
  productCount: number;
  /** The durability settings the figures were measured with. */
  postgres: string;
  /** CPU time of the app, PostgreSQL, Meilisearch, Redis and the load generator itself. */
  cpu: CpuMeter;
  /** Switches the app's round-trip counting on or off; returns the counts since the last switch. */
  countOps(on: boolean): Promise<Record<string, OpCount>>;
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
  // Figures are measured on PostgreSQL's safe settings (NODE_ENV=production above), as deployed.
  // The app's pool and the raw-SQL sides' pools open as many connections (decision 0182).
  const poolSize = env.DATABASE_POOL_SIZE ?? defaultPoolSize();
  const postgres = `${(await durabilitySettings(deps.db)).summary}; ${poolSize} connections per pool (the app's, raw SQL's)`;
  progress(`postgres: ${postgres}`);

  let count = await productCount(deps);
  if (args.reuse && count >= args.products) {
    progress(`catalogue: reusing ${count} products (--reuse)`);
  } else {
    if (args.reuse) progress(`catalogue: ${count} products < ${args.products}, seeding anyway`);
    await seed(services, dataDir, args.products);
    count = await productCount(deps);
  }

  const app = await startAppProcess(services, dataDir);
  progress(`app: pid ${app.pid}, cache on at ${app.ready.cachedUrl}, cache off at ${app.ready.uncachedUrl}`);
  const floor = await startFloorProcess(services, poolSize);
  progress(`stack floor: pid ${floor.pid} at ${floor.ready.floorUrl}`);
  await waitForIndex(deps);

  // The floor's process counts as the app: in a floor row it is the server, and it idles in the others.
  const metered: MeteredProcess[] = [
    { name: 'app', pid: app.pid },
    { name: 'app', pid: floor.pid },
  ];
  const pgPid = pidFromFile(dataDir, 'postgres', 'postmaster.pid');
  const meiliPid = pidFromFile(dataDir, 'meilisearch', 'meilisearch.pid');
  const redisPid = pidFromFile(dataDir, 'redis', 'redis.pid');
  if (pgPid) metered.push({ name: 'postgres', pid: pgPid });
  if (meiliPid) metered.push({ name: 'meilisearch', pid: meiliPid });
  if (redisPid) metered.push({ name: 'redis', pid: redisPid });
  // The load generator (and the raw-SQL client): this process only, not the services it spawned.
  metered.push({ name: 'bench', pid: process.pid, selfOnly: true });
  progress(`cpu: metering ${metered.map((m) => `${m.name} (${m.pid})`).join(', ')}`);

  return {
    services,
    deps,
    cachedUrl: app.ready.cachedUrl,
    uncachedUrl: app.ready.uncachedUrl,
    floorUrl: floor.ready.floorUrl,
    dataDir,
    poolSize,
    productCount: count,
    postgres,
    cpu: new CpuMeter(metered),
    countOps: async (on) =>
      (await fetch(`${app.ready.statsUrl}/?counting=${on ? 'on' : 'off'}`)).json() as Promise<Record<string, OpCount>>,
    async stop() {
      app.proc.kill('SIGTERM');
      floor.proc.kill('SIGTERM');
      await Promise.race([Promise.all([app.proc.exited, floor.proc.exited]), Bun.sleep(10_000)]);
      await services.stop();
    },
  };
}

interface AppReady {
  cachedUrl: string;
  uncachedUrl: string;
  statsUrl: string;
}

export async function startAppProcess(
  services: RunningServices,
  dataDir: string,
  extraEnv: Record<string, string> = {},
) {
  const { urls } = services;
  // BENCH_APP_PROFILE=dir: the app process writes a CPU profile (and its markdown summary) there on exit.
  const profile = process.env.BENCH_APP_PROFILE
    ? ['--cpu-prof', '--cpu-prof-md', `--cpu-prof-dir=${process.env.BENCH_APP_PROFILE}`]
    : [];
  return spawnReady<AppReady>('the app process', [...profile, 'scripts/bench/app-process.ts'], {
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    DATA_DIR: dataDir,
    DATABASE_URL: urls.database,
    REDIS_URL: urls.redis ?? '',
    MEILI_URL: urls.meili ?? '',
    MEILI_MASTER_KEY: urls.meiliKey,
    SESSION_SECRET: process.env.SESSION_SECRET ?? BENCH_SESSION_SECRET,
    ...extraEnv,
  });
}

/** The stack floor's own server (floor-process.ts), with a pool as large as the app's. */
function startFloorProcess(services: RunningServices, poolSize: number) {
  return spawnReady<{ floorUrl: string }>('the stack floor process', ['scripts/bench/floor-process.ts'], {
    NODE_ENV: 'production',
    DATABASE_URL: services.urls.database,
    DATABASE_POOL_SIZE: String(poolSize),
  });
}

/** Runs `bun <args>` and waits for its `READY {json}` line. */
async function spawnReady<T>(what: string, args: string[], env: Record<string, string>) {
  const proc = Bun.spawn(['bun', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdout: 'pipe',
    stderr: 'inherit',
  });
  const reader = proc.stdout.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const deadline = Date.now() + 120_000;
  for (;;) {
    const line = buffered.split('\n').find((l) => l.startsWith('READY '));
    if (line) {
      // Keep draining its stdout (to stderr) so a full pipe never blocks the app.
      void (async () => {
        for (let c = await reader.read(); !c.done; c = await reader.read()) process.stderr.write(c.value);
      })();
      return { proc, pid: proc.pid, ready: JSON.parse(line.slice('READY '.length)) as T };
    }
    if (Date.now() > deadline) throw new Error(`${what} did not get ready in 120 s`);
    const chunk = await reader.read();
    if (chunk.done) throw new Error(`${what} exited (${await proc.exited}) before it was ready`);
    buffered += decoder.decode(chunk.value, { stream: true });
  }
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

/**
 * VACUUM (ANALYZE) before anything is measured. A bench run lasts minutes and stops PostgreSQL at
 * the end, so autovacuum (one look a minute) seldom gets a turn, and with --reuse the rows earlier
 * runs deleted pile up: after a dozen short cart runs, 33,630 dead cart lines lay under 18 live
 * ones, no table had ever been autovacuumed, and a cart call cost four times the database CPU of
 * a fresh catalogue. A database that serves all day is kept in this state by autovacuum.
 */
export async function vacuumBeforeMeasuring(deps: AppDeps) {
  const started = performance.now();
  progress('postgres: VACUUM (ANALYZE) before measuring (short runs leave autovacuum no turn)');
  await sql`vacuum (analyze)`.execute(deps.db);
  progress(`postgres: vacuumed in ${Math.round(performance.now() - started)} ms`);
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
