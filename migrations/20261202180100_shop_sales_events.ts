// Shop sales counts leave the checkout transaction (issue 13 item 2): checkout and cancellation
// append a row here (units sold, or negative units restocked), and a job folds the rows into
// shops.sales_count. Many checkouts of one shop then never wait on that shop's row.
// See docs/decisions/0046-shop-sales-counted-asynchronously.md.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // No foreign key to shops on purpose: the check would take a KEY SHARE lock on the shop row in
  // every checkout, the very row this table exists to keep checkout away from.
  await db.schema
    .createTable('shop_sales_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('shop_id', 'integer', (c) => c.notNull())
    .addColumn('units', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('shop_sales_events').execute();
}
