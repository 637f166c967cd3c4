// Shop sales counts, derived: checkout and cancellation append shop_sales_events rows (in their
// own transactions), and foldShopSalesEvents moves them into shops.sales_count. The count is
// exact once the events are folded; until then it lags by at most one job interval.
import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/kysely';

/** Appends units sold (positive) or restocked (negative) per shop. */
export async function recordShopSales(tx: Tx, unitsByShop: ReadonlyMap<number, number>) {
  if (unitsByShop.size === 0) return;
  await tx
    .insertInto('shop_sales_events')
    .values([...unitsByShop].map(([shop_id, units]) => ({ shop_id, units })))
    .execute();
}

/**
 * One statement, so it is atomic on its own: claims up to `limit` events (rows another instance
 * holds are skipped), deletes them, and adds their sums to the shops, locking shop rows in
 * ascending id order. Returns how many events were folded.
 */
export async function foldShopSalesEvents(db: DbOrTx, limit = 5000): Promise<number> {
  const r = await sql<{ events: number }>`
    with batch as (
      select id from shop_sales_events order by id limit ${limit} for update skip locked
    ), gone as (
      delete from shop_sales_events e using batch where e.id = batch.id returning e.shop_id, e.units
    ), sums as (
      select shop_id, sum(units)::int as units, count(*)::int as events from gone group by shop_id
    ), locked as (
      select s.id from shops s where s.id in (select shop_id from sums) order by s.id for no key update
    ), updated as (
      update shops s set sales_count = greatest(0, s.sales_count + sums.units)
      from sums where s.id = sums.shop_id and s.id in (select id from locked)
    )
    select coalesce(sum(events), 0)::int as events from sums`.execute(db);
  return r.rows[0]?.events ?? 0;
}
