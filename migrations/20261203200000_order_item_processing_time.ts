// Each order line keeps the processing time it was sold with (issue 16 item 5, decision 0120), so the
// dispatch and delivery estimate on the buyer's order page and in the confirmation mail stays what
// the buyer was told at checkout even when the seller changes the listing later. A trigger copies
// it from the listing (or its shop's default) as the line is inserted, so checkout's one write
// statement is unchanged; lines sold before this migration have none and show no estimate.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table order_items
      add column processing_days_min integer check (processing_days_min between 0 and 90),
      add column processing_days_max integer check (processing_days_max between 0 and 90)`.execute(db);
  await sql`
    create function order_items_processing_time() returns trigger language plpgsql as $$
    begin
      select coalesce(p.processing_days_min, s.processing_days), coalesce(p.processing_days_max, s.processing_days)
        into new.processing_days_min, new.processing_days_max
        from products p join shops s on s.id = p.shop_id
        where p.id = new.product_id;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger order_items_processing_time before insert on order_items
      for each row when (new.processing_days_min is null)
      execute function order_items_processing_time()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger order_items_processing_time on order_items`.execute(db);
  await sql`drop function order_items_processing_time()`.execute(db);
  await sql`alter table order_items drop column processing_days_min, drop column processing_days_max`.execute(db);
}
