// Search: the shop boost both engines rank by, a trigger that re-syncs a shop's listings when
// what search shows of the shop changes, and the marker a running reindex leaves for drainers.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Half-star rating buckets, then a log scale of sales (capped): coarse on purpose, so the
  // boost (and with it every listing of the shop) changes rarely, not on every sale.
  await sql`
    create function search_shop_boost(rating numeric, sales integer) returns integer
    language sql immutable parallel safe as $$
      select (round(coalesce(rating, 0) * 2)::int * 100)
        + least(99, floor(ln(1 + greatest(coalesce(sales, 0), 0)) / ln(2) * 6)::int)
    $$`.execute(db);

  await sql`
    create function shops_enqueue_search() returns trigger language plpgsql as $$
    begin
      insert into search_outbox (product_id)
      select id from products where shop_id = new.id and status = 'active';
      return null;
    end $$`.execute(db);
  await sql`
    create trigger shops_enqueue_search_update after update on shops
    for each row when (
      old.name is distinct from new.name or
      search_shop_boost(old.rating, old.sales_count) is distinct from search_shop_boost(new.rating, new.sales_count)
    )
    execute function shops_enqueue_search()`.execute(db);

  // While a reindex fills a fresh index, drainers park the outbox rows they sync (available_at
  // = infinity) instead of deleting them; after the swap they are released and synced again,
  // so no change made during the fill is lost. heartbeat_at lets drainers ignore a dead run.
  await db.schema
    .createTable('search_reindex_runs')
    .addColumn('index_name', 'text', (c) => c.primaryKey())
    .addColumn('target_index', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('heartbeat_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_reindex_runs').execute();
  await sql`drop trigger shops_enqueue_search_update on shops`.execute(db);
  await sql`drop function shops_enqueue_search`.execute(db);
  await sql`drop function search_shop_boost`.execute(db);
}
