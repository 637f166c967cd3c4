// Indexes for discovery reads: followers of a shop, recent favourites and orders (trending
// refresh, seller dashboard), a buyer's order lines (also-bought, review eligibility).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('favorite_shops_shop_idx').on('favorite_shops').column('shop_id').execute();
  await db.schema
    .createIndex('favorite_products_user_recent_idx')
    .on('favorite_products')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema.createIndex('favorite_products_created_idx').on('favorite_products').column('created_at').execute();
  await db.schema.createIndex('orders_created_idx').on('orders').column('created_at').execute();
  await db.schema.createIndex('orders_shop_created_idx').on('orders').columns(['shop_id', 'created_at']).execute();
  await sql`create index products_shop_recent_idx on products (shop_id, created_at desc) where status = 'active'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'products_shop_recent_idx',
    'orders_shop_created_idx',
    'orders_created_idx',
    'favorite_products_created_idx',
    'favorite_products_user_recent_idx',
    'favorite_shops_shop_idx',
  ])
    await db.schema.dropIndex(name).execute();
}
