// Shop queries. Columns listed explicitly so nothing private (owner) leaks into DTOs.
import { type Insertable, sql, type Updateable } from 'kysely';
import type { ShopsTable } from '../../db/database';
import type { DbOrTx } from '../../db/kysely';

export const shopColumns = [
  'id',
  'owner_id',
  'slug',
  'name',
  'tagline',
  'description',
  'logo_url',
  'banner_url',
  'flat_rate_cents',
  'free_over_cents',
  'processing_days',
  'rating',
  'review_count',
  'sales_count',
  'favorite_count',
  'created_at',
  'vacation_since',
  'vacation_message',
  'vacation_returns_on',
  'announcement',
  'returns_accepted',
  'exchanges_accepted',
  'return_window_days',
  'policy_notes',
] as const;

export function findShopBySlug(db: DbOrTx, slug: string) {
  return db.selectFrom('shops').select(shopColumns).where('slug', '=', slug).executeTakeFirst();
}

export function findShopById(db: DbOrTx, id: number) {
  return db.selectFrom('shops').select(shopColumns).where('id', '=', id).executeTakeFirst();
}

/** A shop as the repository reads it (the shopOwner procedure hands its handler one of these). */
export type ShopRow = NonNullable<Awaited<ReturnType<typeof findShopById>>>;

export function findShopByOwner(db: DbOrTx, ownerId: number) {
  return db.selectFrom('shops').select(shopColumns).where('owner_id', '=', ownerId).executeTakeFirst();
}

/** Whether the user has verified their email (read from the database, never the session cache). */
export async function ownerEmailVerified(db: DbOrTx, userId: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('email_verified_at').where('id', '=', userId).executeTakeFirst();
  return !!row?.email_verified_at;
}

export async function findShopIdByOwner(db: DbOrTx, ownerId: number): Promise<number | null> {
  const row = await db.selectFrom('shops').select('id').where('owner_id', '=', ownerId).executeTakeFirst();
  return row?.id ?? null;
}

export function slugExists(db: DbOrTx, slug: string) {
  return db.selectFrom('shops').select('id').where('slug', '=', slug).executeTakeFirst();
}

export function insertShop(db: DbOrTx, shop: Insertable<ShopsTable>) {
  return db.insertInto('shops').values(shop).returning(shopColumns).executeTakeFirstOrThrow();
}

export function updateShopRow(db: DbOrTx, id: number, patch: Updateable<ShopsTable>) {
  return db.updateTable('shops').set(patch).where('id', '=', id).returning(shopColumns).executeTakeFirstOrThrow();
}

/** Turns vacation mode on (keeping when it began) or off. */
export function updateShopVacation(
  db: DbOrTx,
  shopId: number,
  v: { on: true; message: string; returnsOn: string | null } | { on: false },
) {
  return db
    .updateTable('shops')
    .set(
      v.on
        ? {
            vacation_since: sql<Date>`coalesce(vacation_since, now())`,
            vacation_message: v.message,
            vacation_returns_on: v.returnsOn,
            updated_at: new Date(),
          }
        : { vacation_since: null, vacation_message: '', vacation_returns_on: null, updated_at: new Date() },
    )
    .where('id', '=', shopId)
    .returning(shopColumns)
    .executeTakeFirstOrThrow();
}

/** Queues every active listing of the shop for search (its vacation state is in each document). */
export async function enqueueShopListingsForSearch(db: DbOrTx, shopId: number) {
  await sql`
    insert into search_outbox (product_id)
    select id from products where shop_id = ${shopId} and status = 'active'`.execute(db);
}
