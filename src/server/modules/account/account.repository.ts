// Queries of account tokens (verification and reset links) and the account changes they allow.
import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/kysely';

export type TokenPurpose = 'verify' | 'reset';

export function insertAccountToken(
  tx: Tx,
  t: { userId: number; purpose: TokenPurpose; key: string; email: string; expiresAt: Date },
) {
  return tx
    .insertInto('account_tokens')
    .values({ user_id: t.userId, purpose: t.purpose, token_key: t.key, email: t.email, expires_at: t.expiresAt })
    .execute();
}

/** Earlier unused links of this purpose stop working when a new one is sent. */
export function retireAccountTokens(tx: Tx, userId: number, purpose: TokenPurpose) {
  return tx
    .updateTable('account_tokens')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

export function findAccountToken(db: DbOrTx, key: string) {
  return db
    .selectFrom('account_tokens')
    .select(['user_id', 'purpose', 'email', 'expires_at', 'used_at'])
    .where('token_key', '=', key)
    .executeTakeFirst();
}

/** Uses the token once: only one caller can ever get a row back for a given key. */
export function consumeAccountToken(tx: Tx, key: string, purpose: TokenPurpose) {
  return tx
    .updateTable('account_tokens')
    .set({ used_at: new Date() })
    .where('token_key', '=', key)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning(['user_id', 'email'])
    .executeTakeFirst();
}

export function findAccount(db: DbOrTx, userId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash', 'email_verified_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export function findAccountByEmail(db: DbOrTx, email: string) {
  return db.selectFrom('users').select(['id', 'email', 'name']).where('email', '=', email).executeTakeFirst();
}

/** A guest buyer (no password yet) becomes an account; false if it already is one. */
export async function claimGuestBuyer(tx: Tx, userId: number, hash: string): Promise<boolean> {
  const row = await tx
    .updateTable('users')
    .set({ password_hash: hash, email_verified_at: new Date() })
    .where('id', '=', userId)
    .where('password_hash', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

export function setPasswordHash(tx: Tx, userId: number, hash: string) {
  return tx.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute();
}

/** The address is the owner's: it becomes the account's email (a change) and is verified. */
export function setVerifiedEmail(tx: Tx, userId: number, email: string) {
  return tx
    .updateTable('users')
    .set({ email, email_verified_at: sql<Date>`coalesce(email_verified_at, now())` })
    .where('id', '=', userId)
    .execute();
}

export function markEmailVerifiedNow(tx: Tx, userId: number) {
  return tx.updateTable('users').set({ email_verified_at: new Date() }).where('id', '=', userId).execute();
}

/** Deletes the user's sessions (all, or all but one) and returns their stored keys. */
export async function deleteSessionsOfUser(tx: Tx, userId: number, exceptKey?: string): Promise<string[]> {
  let q = tx.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptKey) q = q.where('id', '!=', exceptKey);
  const rows = await q.returning('id').execute();
  return rows.map((r) => r.id);
}

/** The newest unused change-of-email link's address, if one is waiting. */
export function findPendingEmail(db: DbOrTx, userId: number, currentEmail: string) {
  return db
    .selectFrom('account_tokens')
    .select('email')
    .where('user_id', '=', userId)
    .where('purpose', '=', 'verify')
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .where('email', '!=', currentEmail)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
