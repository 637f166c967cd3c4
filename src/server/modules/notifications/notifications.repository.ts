// Queries of in-app notifications and of each user's email choices. Every query names the user:
// a notification id alone never reaches a row (another user's ids match nothing).
import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/kysely';

export function listNotifications(db: DbOrTx, userId: number, cursor: number | undefined, limit: number) {
  let q = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'payload', 'read_at', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (cursor) q = q.where('id', '<', cursor);
  return q.execute();
}

/** Written in the transaction of its cause, so a notification exists exactly when its cause does. */
export function insertNotification(tx: Tx, userId: number, kind: string, payload: Record<string, unknown>) {
  return tx
    .insertInto('notifications')
    .values({ user_id: userId, kind, payload: JSON.stringify(payload) })
    .execute();
}

export async function countUnread(db: DbOrTx, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks those of `ids` that belong to `userId` and are unread; returns how many changed. */
export async function markRead(db: DbOrTx, userId: number, ids: readonly number[]): Promise<number> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('id', 'in', ids)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function markAllRead(db: DbOrTx, userId: number): Promise<number> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function findEmailChoices(db: DbOrTx, userId: number) {
  return db.selectFrom('notification_preferences').select(['event', 'email']).where('user_id', '=', userId).execute();
}

export async function findEmailChoice(db: DbOrTx, userId: number, event: string): Promise<boolean | null> {
  const row = await db
    .selectFrom('notification_preferences')
    .select('email')
    .where('user_id', '=', userId)
    .where('event', '=', event)
    .executeTakeFirst();
  return row?.email ?? null;
}

export async function upsertEmailChoice(db: DbOrTx, userId: number, event: string, email: boolean) {
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, event, email })
    .onConflict((oc) => oc.columns(['user_id', 'event']).doUpdateSet({ email, updated_at: sql`now()` }))
    .execute();
}

/** Whether the user still exists (an unsubscribe token may outlive its account). */
export async function userExists(db: DbOrTx, userId: number): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst());
}
