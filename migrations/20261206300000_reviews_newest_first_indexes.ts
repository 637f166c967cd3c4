// Reviews sorted "Newest" read by date with a (created_at, id) keyset, per product and per shop;
// these indexes serve both the ordering and the cursor without a sort.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index reviews_product_created_idx on reviews (product_id, created_at desc, id desc)`.execute(db);
  await sql`create index reviews_shop_created_idx on reviews (shop_id, created_at desc, id desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reviews_shop_created_idx').execute();
  await db.schema.dropIndex('reviews_product_created_idx').execute();
}
