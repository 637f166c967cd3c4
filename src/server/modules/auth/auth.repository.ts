// Queries for users and sessions.
import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/kysely';

export function findUserByEmail(db: DbOrTx, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export function insertUser(db: DbOrTx, user: { email: string; name: string; password_hash: string }) {
  return db
    .insertInto('users')
    .values(user)
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(['id', 'email', 'name'])
    .executeTakeFirst();
}

/**
 * The buyer a guest checkout's orders belong to: the account with this email, or else a guest
 * buyer (no password) created for it. Two guests racing on one email get the same row. `created`:
 * this call made the row (a checkout that then fails removes it again: dropUnusedGuestBuyer).
 */
export async function guestBuyerFor(
  db: DbOrTx,
  email: string,
  name: string,
): Promise<{ id: number; name: string; created: boolean }> {
  const inserted = await db
    .insertInto('users')
    .values({ email, name, password_hash: null })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(['id', 'name'])
    .executeTakeFirst();
  if (inserted) return { ...inserted, created: true };
  const row = await db.selectFrom('users').select(['id', 'name']).where('email', '=', email).executeTakeFirstOrThrow();
  return { ...row, created: false };
}

/**
 * Removes a guest buyer a failed checkout created, with that checkout's failed idempotency record,
 * unless something else already names it (an order, a payment, another checkout of the same email
 * under way). The row lock waits for any transaction still inserting a row that refers to it.
 */
export async function dropUnusedGuestBuyer(tx: Tx, userId: number, idempotencyKey: string): Promise<boolean> {
  const guest = await tx
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('password_hash', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!guest) return false;
  const { rows } = await sql<{ used: boolean }>`
    select exists (select 1 from orders where buyer_id = ${userId})
        or exists (select 1 from payments where buyer_id = ${userId})
        or exists (select 1 from idempotency_keys where user_id = ${userId} and key <> ${idempotencyKey}::uuid)
        as used`.execute(tx);
  if (rows[0]?.used) return false;
  await tx.deleteFrom('idempotency_keys').where('user_id', '=', userId).execute();
  await tx.deleteFrom('users').where('id', '=', userId).execute();
  return true;
}

export function insertSession(db: DbOrTx, session: { id: string; user_id: number; expires_at: Date }) {
  return db.insertInto('sessions').values(session).execute();
}

export function deleteSession(db: DbOrTx, id: string) {
  return db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Every live session's stored key (its HMAC) for one user. */
export async function sessionKeysOfUser(db: DbOrTx, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date())
    .execute();
  return rows.map((r) => r.id);
}

export function findSessionUser(db: DbOrTx, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('shops', 'shops.owner_id', 'users.id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.email_verified_at',
      'shops.id as shopId',
      'sessions.expires_at',
      // Registration opens its session in the moment after the account's row is written; a
      // sign-in later (or a guest's account claimed later) is a return.
      sql<boolean>`sessions.created_at < users.created_at + interval '1 minute'
        and users.created_at > now() - interval '1 day'`.as('firstVisit'),
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
}

export function findUserDto(db: DbOrTx, userId: number) {
  return db
    .selectFrom('users')
    .leftJoin('shops', 'shops.owner_id', 'users.id')
    .select(['users.id', 'users.email', 'users.name', 'users.email_verified_at', 'shops.id as shopId'])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
}
