// Search sees variations (issue 16 item 3, decision 0082): `products.colours` lists the values of
// a listing's colour property (a property named Colour or Color), lower-cased, as a stored
// generated column the Postgres fallback filters and counts like materials; a change of the
// variation properties (values shoppers search) or of the price range queues the listing for
// search like any other edit. Otherwise the same trigger as 20261202180200_search_outbox_urgent_lane.
import { type Kysely, sql } from 'kysely';

function enqueueFunction(watchVariations: boolean) {
  const extra = watchVariations
    ? sql.raw(`and old.variation_properties is not distinct from new.variation_properties
         and old.price_max_cents is not distinct from new.price_max_cents`)
    : sql.raw('');
  return sql`
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
         ${extra}
      then
        -- Only counters changed (sales, rating, reviews): coalesce.
        due := now() + interval '30 seconds';
      end if;
      perform 1 from search_outbox
        where product_id = new.id and available_at <= due and (due > now() or available_at <= created_at)
        limit 1 for key share skip locked;
      if not found then
        insert into search_outbox (product_id, available_at) values (new.id, due);
      end if;
      return null;
    end $$`;
}

function updateTrigger(watchVariations: boolean) {
  const extra = watchVariations
    ? sql.raw(`or old.variation_properties is distinct from new.variation_properties
      or old.price_max_cents is distinct from new.price_max_cents`)
    : sql.raw('');
  return sql`
    create trigger products_enqueue_search_update after update on products
    for each row when (
      old.title is distinct from new.title or old.description is distinct from new.description or
      old.price_cents is distinct from new.price_cents or old.status is distinct from new.status or
      old.tags is distinct from new.tags or old.materials is distinct from new.materials or
      old.images is distinct from new.images or old.category_id is distinct from new.category_id or
      old.is_vintage is distinct from new.is_vintage or
      (old.quantity > old.reserved) is distinct from (new.quantity > new.reserved) or
      old.rating is distinct from new.rating or old.review_count is distinct from new.review_count or
      old.sales_count is distinct from new.sales_count ${extra}
    )
    execute function products_enqueue_search()`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function variation_colours(props jsonb) returns text[] language sql immutable parallel safe as $$
      select coalesce(array_agg(distinct lower(v.value) order by lower(v.value)), '{}')
      from jsonb_array_elements(props) p, jsonb_array_elements_text(p->'values') v
      where lower(p->>'name') in ('colour', 'color', 'colours', 'colors')
    $$`.execute(db);
  await sql`alter table products add column colours text[] generated always as (variation_colours(variation_properties)) stored`.execute(
    db,
  );
  await enqueueFunction(true).execute(db);
  await sql`drop trigger products_enqueue_search_update on products`.execute(db);
  await updateTrigger(true).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger products_enqueue_search_update on products`.execute(db);
  await updateTrigger(false).execute(db);
  await enqueueFunction(false).execute(db);
  await sql`alter table products drop column colours`.execute(db);
  await sql`drop function variation_colours(jsonb)`.execute(db);
}
