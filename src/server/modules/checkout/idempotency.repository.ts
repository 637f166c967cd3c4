// Idempotency records of checkout: (user, key) -> request hash, status and stored response.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/kysely';

/** Claims a fresh key; undefined when the key already has a record. */
export function insertClaim(db: DbOrTx, userId: number, key: string, requestHash: string) {
  return db
    .insertInto('idempotency_keys')
    .values({ user_id: userId, key, request_hash: requestHash, status: 'in_progress', response: null })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
}

export function findRecord(db: DbOrTx, userId: number, key: string, staleSeconds: number) {
  return db
    .selectFrom('idempotency_keys')
    .select([
      'request_hash',
      'status',
      'response',
      sql<boolean>`updated_at < now() - make_interval(secs => ${staleSeconds})`.as('stale'),
    ])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Takes over a failed or abandoned record; only one concurrent caller can succeed. */
export function reclaim(db: DbOrTx, userId: number, key: string, requestHash: string, staleSeconds: number) {
  return db
    .updateTable('idempotency_keys')
    .set({ status: 'in_progress', request_hash: requestHash, response: null, updated_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'failed'),
        eb.and([
          eb('status', '=', 'in_progress'),
          eb('updated_at', '<', sql<Date>`now() - make_interval(secs => ${staleSeconds})`),
        ]),
      ]),
    )
    .returning('key')
    .executeTakeFirst();
}

export function finishRecord(
  db: DbOrTx,
  userId: number,
  key: string,
  status: 'completed' | 'failed',
  response: unknown,
) {
  return db
    .updateTable('idempotency_keys')
    .set({ status, response: JSON.stringify(response), updated_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}
