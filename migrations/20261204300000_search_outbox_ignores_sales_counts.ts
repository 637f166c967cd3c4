// Search outbox, fourth step (issue 12 item 10, issue 13 item 1; decision 0142): a sale no
// longer queues its listing for search. The listing's sales count was in the Meilisearch
// document but nothing searched, sorted or showed it from there (cards read rating and review
// count; "Top rated" sorts by rating score), yet every checkout queued each sold listing (due in
// 30 s), and under checkout load those coalesced passes kept Meilisearch busy when a seller's
// edit arrived. The update trigger stops watching `sales_count`; a sale that empties a listing
// still queues it through the in-stock flip, and rating or review changes still coalesce.
// Otherwise the same trigger as 20261202230100_variation_search.
import { type Kysely, sql } from 'kysely';

function updateTrigger(watchSales: boolean) {
  const sales = watchSales ? sql.raw('or old.sales_count is distinct from new.sales_count') : sql.raw('');
  return sql`
    create trigger products_enqueue_search_update after update on products
    for each row when (
      old.title is distinct from new.title or old.description is distinct from new.description or
      old.price_cents is distinct from new.price_cents or old.status is distinct from new.status or
      old.tags is distinct from new.tags or old.materials is distinct from new.materials or
      old.images is distinct from new.images or old.category_id is distinct from new.category_id or
      old.is_vintage is distinct from new.is_vintage or
      (old.quantity > old.reserved) is distinct from (new.quantity > new.reserved) or
      old.rating is distinct from new.rating or old.review_count is distinct from new.review_count
      ${sales} or old.variation_properties is distinct from new.variation_properties
      or old.price_max_cents is distinct from new.price_max_cents
    )
    execute function products_enqueue_search()`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop trigger products_enqueue_search_update on products`.execute(db);
  await updateTrigger(false).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger products_enqueue_search_update on products`.execute(db);
  await updateTrigger(true).execute(db);
}
