// Search stores what search needs (issue 13): stock churn that leaves a listing in stock (or out
// of it) writes no outbox row, since the index keeps `inStock`, not the live count; sales counts
// and ratings are coalesced (one row per listing per COALESCE window); everything else a search
// shows still syncs at once. See docs/decisions/0045-search-outbox-coalescing.md.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The trigger looks for a pending row of the same listing before inserting one.
  await sql`create index search_outbox_product_idx on search_outbox (product_id, available_at)`.execute(db);

  // A pending row already covers this change if it is due no later than this change needs and no
  // drainer holds it: KEY SHARE ... SKIP LOCKED skips rows a drainer has claimed (it may have
  // read the listing before this change), and holding KEY SHARE until commit keeps a drainer from
  // claiming the row before this change is visible. Never waits on a lock, never updates a row.
  await sql`
    create or replace function products_enqueue_search() returns trigger language plpgsql as $$
    declare
      due timestamptz := now();
    begin
      if tg_op = 'UPDATE'
         and old.title is not distinct from new.title and old.description is not distinct from new.description
         and old.price_cents is not distinct from new.price_cents and old.status is not distinct from new.status
         and old.tags is not distinct from new.tags and old.materials is not distinct from new.materials
         and old.images is not distinct from new.images and old.category_id is not distinct from new.category_id
         and old.is_vintage is not distinct from new.is_vintage
         and (old.quantity > old.reserved) is not distinct from (new.quantity > new.reserved)
      then
        -- Only counters changed (sales, rating, reviews): coalesce.
        due := now() + interval '5 seconds';
      end if;
      perform 1 from search_outbox
        where product_id = new.id and available_at <= due
        limit 1 for key share skip locked;
      if not found then
        insert into search_outbox (product_id, available_at) values (new.id, due);
      end if;
      return null;
    end $$`.execute(db);

  // Fires only when something search shows changed; quantity and reserved only when the
  // listing crosses in/out of stock (quantity > reserved), so holds and sales mostly skip it.
  await sql`drop trigger products_enqueue_search_update on products`.execute(db);
  await sql`
    create trigger products_enqueue_search_update after update on products
    for each row when (
      old.title is distinct from new.title or old.description is distinct from new.description or
      old.price_cents is distinct from new.price_cents or old.status is distinct from new.status or
      old.tags is distinct from new.tags or old.materials is distinct from new.materials or
      old.images is distinct from new.images or old.category_id is distinct from new.category_id or
      old.is_vintage is distinct from new.is_vintage or
      (old.quantity > old.reserved) is distinct from (new.quantity > new.reserved) or
      old.rating is distinct from new.rating or old.review_count is distinct from new.review_count or
      old.sales_count is distinct from new.sales_count
    )
    execute function products_enqueue_search()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger products_enqueue_search_update on products`.execute(db);
  await sql`
    create trigger products_enqueue_search_update after update on products
    for each row when (
      old.title is distinct from new.title or old.description is distinct from new.description or
      old.price_cents is distinct from new.price_cents or old.quantity is distinct from new.quantity or
      old.reserved is distinct from new.reserved or old.status is distinct from new.status or
      old.tags is distinct from new.tags or old.materials is distinct from new.materials or
      old.images is distinct from new.images or old.category_id is distinct from new.category_id or
      old.is_vintage is distinct from new.is_vintage or old.rating is distinct from new.rating or
      old.review_count is distinct from new.review_count or old.sales_count is distinct from new.sales_count
    )
    execute function products_enqueue_search()`.execute(db);
  await sql`
    create or replace function products_enqueue_search() returns trigger language plpgsql as $$
    begin
      insert into search_outbox (product_id) values (new.id);
      return null;
    end $$`.execute(db);
  await sql`drop index search_outbox_product_idx`.execute(db);
}
