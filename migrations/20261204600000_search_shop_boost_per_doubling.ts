// Search: a shop's boost moves once per doubling of its sales instead of every ~12 % (issue 12
// item 10, issue 13 item 1). The boost only breaks ties between equally relevant listings, yet
// every move re-queues every active listing of the shop (coalesced, decision 0128). Measured at
// 100k listings: one quick bench checkout phase moved 32 of 40 shops' boost and queued ~80k
// listings, minutes of Meilisearch indexing that edits waited behind. Per doubling, a shop with a
// few hundred sales moves after hundreds more, not after a few dozen. Documents already in the
// index carry the old scale: every active listing is queued once, coalesced, so ties agree again
// after one background pass. Decision 0148.
import { type Kysely, sql } from 'kysely';

const boost = (salesSteps: string) => sql`
  create or replace function search_shop_boost(rating numeric, sales integer) returns integer
  language sql immutable parallel safe as $$
    select (round(coalesce(rating, 0) * 2)::int * 100)
      + least(99, floor(ln(1 + greatest(coalesce(sales, 0), 0)) / ln(2) * ${sql.raw(salesSteps)})::int)
  $$`;

const requeueActiveListings = sql`
  insert into search_outbox (product_id, available_at)
  select p.id, now() + interval '30 seconds' from products p
  where p.status = 'active'
    and not exists (select 1 from search_outbox o where o.product_id = p.id and o.available_at <= now() + interval '30 seconds')`;

export async function up(db: Kysely<any>): Promise<void> {
  await boost('1').execute(db);
  await requeueActiveListings.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await boost('6').execute(db);
  await requeueActiveListings.execute(db);
}
