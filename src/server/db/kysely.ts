// The Kysely instance over a pg pool. int8 (bigint: money, counts) parses to number:
// cents stay far below 2^53. numeric (ratings) parses to number too.
import { availableParallelism } from 'node:os';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './database';

pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: for read and plain-write repository calls. */
export type DbOrTx = Kysely<Database> | Transaction<Database>;

/**
 * Twice the cores, at least 4 (decision 0182). PostgreSQL runs one process per connection: past
 * about two per core, more connections add no throughput, only backends preempted mid-statement
 * and CPU spent switching between them; requests wait in the pool instead, which costs nothing.
 */
export function defaultPoolSize(cores = availableParallelism()): number {
  return Math.max(4, 2 * cores);
}

export function createDb(url: string, poolSize = defaultPoolSize()): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  // A broken idle connection (e.g. Postgres restarted) must not crash the process.
  pool.on('error', () => {});
  // Nor a connection dropped while checked out (mid-query or mid-transaction): pg-pool removes its
  // idle listener on checkout, and an unheard 'error' event would crash the process. The query in
  // flight still rejects with the error, which is what the caller sees.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}
