// Read-only work on a streaming replica (DATABASE_REPLICA_URL, decision 0102). `readDb` is a Kysely
// instance whose connections come from the replica while it is healthy and close enough behind
// the primary, and from the primary otherwise: a replica that is down, still starting, or lagging
// past REPLICA_MAX_LAG_MS costs nothing but its share of reads. A query that fails because the
// replica went away mid-flight is run again on the primary (reads only, so that is always safe).
//
// Read-your-writes: a request that must see the shopper's own recent writes runs inside
// `readFromPrimary()` (the HTTP layer does this for anyone who made a change in the last seconds),
// and everything that must be exact (cart, checkout, orders, inventory) uses `deps.db` anyway.
import { AsyncLocalStorage } from 'node:async_hooks';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from '../logger';
import type { Database } from './database';
import type { Db } from './kysely';

const primaryOnly = new AsyncLocalStorage<true>();

/** Runs `fn` with every `readDb` query going to the primary (read-your-writes). */
export function readFromPrimary<T>(fn: () => T): T {
  return primaryOnly.run(true, fn);
}

export interface ReplicaStatus {
  /** Whether reads go to the replica now. */
  serving: boolean;
  /** Last measured lag in ms (0 when the replica has replayed everything the primary wrote). */
  lagMs: number | null;
  reason: string;
  /** Reads served by each side since start (the bench reports the replica's share). */
  reads: { replica: number; primary: number };
}

export interface ReplicaRouter {
  readDb: Db;
  /** Reads leave the replica while it is further behind than this. */
  readonly maxLagMs: number;
  status(): ReplicaStatus;
  /** Re-measures now (tests; the monitor does it every `checkEveryMs`). */
  check(): Promise<ReplicaStatus>;
  close(): Promise<void>;
}

/** Errors that say "this server is gone or cannot serve", not "your SQL is wrong". */
function isServerGone(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  const code = e?.code ?? '';
  if (/^(08|57P|53)/.test(code)) return true; // connection, admin shutdown, resources
  if (code === '40001') return true; // canceled on a standby: conflict with recovery
  if (/^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT)$/.test(code)) return true;
  return /Connection terminated|not queryable|timeout exceeded when trying to connect/i.test(e?.message ?? '');
}

type Client = pg.PoolClient;

export function createReplicaRouter(
  primary: pg.Pool,
  replicaUrl: string,
  log: Logger,
  {
    maxLagMs = 1_000,
    checkEveryMs = 500,
    poolSize = 20,
  }: { maxLagMs?: number; checkEveryMs?: number; poolSize?: number } = {},
): ReplicaRouter {
  const replica = new pg.Pool({
    connectionString: replicaUrl,
    max: poolSize,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 1_000,
  });
  replica.on('error', () => {});
  replica.on('connect', (client) => client.on('error', () => {}));

  const state: ReplicaStatus = {
    serving: false,
    lagMs: null,
    reason: 'not checked yet',
    reads: { replica: 0, primary: 0 },
  };
  const setServing = (serving: boolean, reason: string) => {
    if (serving !== state.serving) {
      if (serving) log.info({ service: 'postgres-replica', lagMs: state.lagMs }, 'reads go to the replica');
      else log.warn({ service: 'postgres-replica', reason }, 'replica not used: reads go to the primary');
    }
    state.serving = serving;
    state.reason = reason;
  };

  const onPrimary = async (args: unknown[]) => {
    state.reads.primary++;
    const client = await primary.connect();
    try {
      return await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
    } finally {
      client.release();
    }
  };

  // A replica connection that hands the query to the primary when the replica fails under it.
  const wrappers = new WeakMap<Client, Client>();
  const wrap = (client: Client): Client => {
    const existing = wrappers.get(client);
    if (existing) return existing;
    let broken = false;
    const wrapper = {
      query: async (...args: unknown[]) => {
        // Once checked out on the replica, a connection stays there until it fails: switching sides
        // mid-transaction would leave the replica session open in a transaction.
        if (!broken) {
          try {
            const result = await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
            state.reads.replica++;
            return result;
          } catch (err) {
            if (!isServerGone(err)) throw err;
            broken = true;
            setServing(false, `query failed: ${(err as Error).message}`);
          }
        }
        return onPrimary(args);
      },
      release: (err?: Error | boolean) => {
        wrappers.delete(client);
        client.release(broken ? true : err);
      },
    } as unknown as Client;
    wrappers.set(client, wrapper);
    return wrapper;
  };

  const routingPool = {
    async connect(): Promise<Client> {
      if (state.serving && !primaryOnly.getStore()) {
        try {
          return wrap(await replica.connect());
        } catch (err) {
          setServing(false, `cannot connect: ${(err as Error).message}`);
        }
      }
      const client = await primary.connect();
      return countingPrimary(client);
    },
    async end() {},
  };
  const primaryWrappers = new WeakMap<Client, Client>();
  const countingPrimary = (client: Client): Client => {
    let w = primaryWrappers.get(client);
    if (!w) {
      w = {
        query: (...args: unknown[]) => {
          state.reads.primary++;
          return (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
        },
        release: (err?: Error | boolean) => client.release(err),
      } as unknown as Client;
      primaryWrappers.set(client, w);
    }
    return w;
  };

  // Lag in time, not bytes: the primary's WAL position is sampled on every check, and the lag is
  // the age of the oldest sample the replica has not replayed yet. (pg_last_xact_replay_timestamp
  // would call a replica "minutes behind" right after an idle primary's first write.)
  const samples: { pos: number; at: number }[] = [];
  const check = async (): Promise<ReplicaStatus> => {
    try {
      const now = Date.now();
      const p = await primary.query<{ pos: number }>(
        `select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::float8 as pos`,
      );
      samples.push({ pos: Number(p.rows[0]?.pos ?? 0), at: now });
      while (samples.length > 0 && samples[0]!.at < now - 600_000) samples.shift();
      const r = await replica.query<{ standby: boolean; pos: number | null }>(
        `select pg_is_in_recovery() as standby, pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::float8 as pos`,
      );
      const row = r.rows[0];
      if (!row?.standby) return (setServing(false, 'not a standby (promoted?)'), state);
      if (row.pos === null) return (setServing(false, 'has replayed nothing yet'), state);
      const replayed = Number(row.pos);
      const oldestMissing = samples.find((x) => x.pos > replayed);
      state.lagMs = oldestMissing ? Date.now() - oldestMissing.at : 0;
      if (state.lagMs > maxLagMs) setServing(false, `lagging ${state.lagMs} ms (> ${maxLagMs} ms)`);
      else setServing(true, 'healthy');
    } catch (err) {
      setServing(false, `check failed: ${(err as Error).message}`);
    }
    return state;
  };

  let checking: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (!checking) checking = check().finally(() => (checking = null));
  }, checkEveryMs);
  void check();

  const readDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: routingPool as unknown as pg.Pool }) });
  return {
    readDb,
    maxLagMs,
    status: () => ({ ...state, reads: { ...state.reads } }),
    check,
    async close() {
      clearInterval(timer);
      await checking;
      await readDb.destroy().catch(() => {});
      await replica.end().catch(() => {});
    },
  };
}
