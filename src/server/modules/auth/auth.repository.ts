// Queries for users and sessions.
import type { DbOrTx } from '../../db/kysely';

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
 * buyer (no password) created for it. Two guests racing on one email get the same row.
 */
export async function guestBuyerFor(db: DbOrTx, email: string, name: string): Promise<{ id: number; name: string }> {
  await db
    .insertInto('users')
    .values({ email, name, password_hash: null })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  const row = await db.selectFrom('users').select(['id', 'name']).where('email', '=', email).executeTakeFirstOrThrow();
  return row;
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
