// Order lists (buyer and seller) read newest first by date with an (created_at, id) keyset; these
// indexes serve both the ordering and the cursor without a sort.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index orders_buyer_created_idx on orders (buyer_id, created_at desc, id desc)`.execute(db);
  await sql`create index orders_shop_created_id_idx on orders (shop_id, created_at desc, id desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_shop_created_id_idx').execute();
  await db.schema.dropIndex('orders_buyer_created_idx').execute();
}
