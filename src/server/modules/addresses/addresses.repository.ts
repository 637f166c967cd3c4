// Queries of the address book. Every query is scoped by user id: another user's address id
// simply matches nothing.
import { sql } from 'kysely';
import type { ShippingAddress } from '../../db/database';
import type { DbOrTx, Tx } from '../../db/kysely';

export function listAddresses(db: DbOrTx, userId: number) {
  return db
    .selectFrom('addresses')
    .select(['id', 'address', 'is_default'])
    .where('user_id', '=', userId)
    .orderBy('is_default', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Locks the user's address rows (the user row, in fact) so counts and defaults do not race. */
export async function lockAddressBook(tx: Tx, userId: number): Promise<number> {
  await tx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
  const r = await tx
    .selectFrom('addresses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertAddress(tx: Tx, userId: number, address: ShippingAddress, isDefault: boolean) {
  if (isDefault) await clearDefault(tx, userId);
  return tx
    .insertInto('addresses')
    .values({ user_id: userId, address: JSON.stringify(address), is_default: isDefault })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The user's saved address equal to this one, field for field (jsonb equality), if any. */
export function findSameAddress(tx: Tx, userId: number, address: ShippingAddress) {
  return tx
    .selectFrom('addresses')
    .select(['id', 'is_default'])
    .where('user_id', '=', userId)
    .where('address', '=', sql<ShippingAddress>`${JSON.stringify(address)}::jsonb`)
    .executeTakeFirst();
}

export function updateAddress(db: DbOrTx, userId: number, id: number, address: ShippingAddress) {
  return db
    .updateTable('addresses')
    .set({ address: JSON.stringify(address), updated_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
}

export function deleteAddress(tx: Tx, userId: number, id: number) {
  return tx
    .deleteFrom('addresses')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning('is_default')
    .executeTakeFirst();
}

export function clearDefault(tx: Tx, userId: number) {
  return tx
    .updateTable('addresses')
    .set({ is_default: false })
    .where('user_id', '=', userId)
    .where('is_default', '=', true)
    .execute();
}

export function markDefault(tx: Tx, userId: number, id: number) {
  return tx
    .updateTable('addresses')
    .set({ is_default: true })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
}

/** After the default was deleted, the newest remaining address becomes the default. */
export function promoteNewest(tx: Tx, userId: number) {
  return sql`
    update addresses set is_default = true
    where id = (select id from addresses where user_id = ${userId} order by id desc limit 1)`.execute(tx);
}
