// Discovery signals: favourites, bounded view history, reviews, trending scores.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('favorite_products')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('favorite_products_pk', ['user_id', 'product_id'])
    .execute();
  await db.schema.createIndex('favorite_products_product_idx').on('favorite_products').column('product_id').execute();

  await db.schema
    .createTable('favorite_shops')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('favorite_shops_pk', ['user_id', 'shop_id'])
    .execute();

  // One row per (user, product), upserted: history stays bounded and no hot counter row.
  await db.schema
    .createTable('product_views')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('viewed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('product_views_pk', ['user_id', 'product_id'])
    .execute();
  await db.schema
    .createIndex('product_views_recent_idx')
    .on('product_views')
    .columns(['user_id', 'viewed_at'])
    .execute();
  await db.schema.createIndex('product_views_time_idx').on('product_views').column('viewed_at').execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('order_item_id', 'integer', (c) => c.notNull().unique().references('order_items.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('replied_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('reviews_product_idx').on('reviews').columns(['product_id', 'id']).execute();
  await db.schema.createIndex('reviews_shop_idx').on('reviews').columns(['shop_id', 'id']).execute();

  await db.schema
    .createTable('trending_products')
    .addColumn('product_id', 'integer', (c) => c.primaryKey().references('products.id'))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('refreshed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('trending_score_idx').on('trending_products').column('score').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['trending_products', 'reviews', 'product_views', 'favorite_shops', 'favorite_products'])
    await db.schema.dropTable(t).execute();
}
