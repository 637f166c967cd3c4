// Search outbox, third step (issue 13, issue 12 item 10): a shop's boost (its rating and sales,
// folded in by the shop sales job) changing no longer queues every listing of the shop as an
// urgent edit. Under checkout load the boost of a busy shop moves every few seconds, and each
// move put hundreds of listings ahead of sellers' edits in the drainer's urgent lane (measured:
// 500-listing passes back to back, a title edit waiting 3-5 s behind them). Boost-only changes
// now coalesce like a listing's own counters (due in 30 s, skipped for listings that already have
// a pending row due by then); a shop rename still syncs at once, and also skips listings whose
// urgent row is still pending. Same locking rule as products_enqueue_search: a row a drainer has
// claimed (KEY SHARE ... SKIP LOCKED skips it) does not cover this change. Decision 0128.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function shops_enqueue_search() returns trigger language plpgsql as $$
    declare
      due timestamptz := now();
    begin
      if old.name is not distinct from new.name then
        -- Only the boost (rating, sales) changed: coalesce.
        due := now() + interval '30 seconds';
      end if;
      insert into search_outbox (product_id, available_at)
      select p.id, due from products p
      where p.shop_id = new.id and p.status = 'active'
        and not exists (
          select 1 from search_outbox o
          where o.product_id = p.id and o.available_at <= due
            and (due > now() or o.available_at <= o.created_at)
          for key share of o skip locked);
      return null;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function shops_enqueue_search() returns trigger language plpgsql as $$
    begin
      insert into search_outbox (product_id)
      select id from products where shop_id = new.id and status = 'active';
      return null;
    end $$`.execute(db);
}
