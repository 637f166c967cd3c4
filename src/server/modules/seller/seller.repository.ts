// Read-only aggregates for the seller dashboard, one query per panel, all scoped to one shop.
// Days are UTC calendar days; cancelled orders never count as revenue.
import { sql } from 'kysely';
import { LOW_STOCK_UNITS } from '../../../shared/schemas/seller';
import { combinationAvailableSql } from '../../db/available-units';
import type { DbOrTx } from '../../db/kysely';

export async function revenueByDay(db: DbOrTx, shopId: number, days: number) {
  const { rows } = await sql<{ day: string; revenue_cents: number; orders: number }>`
    with window_days as (
      select generate_series(
        (now() at time zone 'UTC')::date - (${days}::int - 1),
        (now() at time zone 'UTC')::date,
        interval '1 day'
      )::date as day
    )
    select to_char(d.day, 'YYYY-MM-DD') as day,
           coalesce(sum(o.subtotal_cents + o.shipping_cents), 0)::bigint as revenue_cents,
           count(o.id)::int as orders
    from window_days d
    left join orders o
      on o.shop_id = ${shopId}
     and o.status <> 'cancelled'
     and o.created_at >= d.day::timestamp at time zone 'UTC'
     and o.created_at < (d.day + 1)::timestamp at time zone 'UTC'
    group by d.day
    order by d.day`.execute(db);
  return rows;
}

function windowStart(days: number) {
  return sql<Date>`((now() at time zone 'UTC')::date - (${days}::int - 1))::timestamp at time zone 'UTC'`;
}

export function ordersByStatus(db: DbOrTx, shopId: number, days: number) {
  return db
    .selectFrom('orders')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .where('shop_id', '=', shopId)
    .where('created_at', '>=', windowStart(days))
    .groupBy('status')
    .execute();
}

export async function openOrderCount(db: DbOrTx, shopId: number): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('shop_id', '=', shopId)
    .where('status', 'in', ['paid', 'processing'])
    .executeTakeFirstOrThrow();
  return row.n;
}

export function topProducts(db: DbOrTx, shopId: number, days: number, limit: number) {
  return db
    .selectFrom('order_items as oi')
    .innerJoin('orders as o', 'o.id', 'oi.order_id')
    .innerJoin('products as p', 'p.id', 'oi.product_id')
    .select([
      'oi.product_id',
      'p.title',
      sql<number>`sum(oi.quantity)::int`.as('units'),
      sql<number>`sum(oi.quantity * oi.price_cents)::bigint`.as('revenue_cents'),
    ])
    .where('o.shop_id', '=', shopId)
    .where('o.status', '<>', 'cancelled')
    .where('o.created_at', '>=', windowStart(days))
    .groupBy(['oi.product_id', 'p.title'])
    .orderBy('revenue_cents', 'desc')
    .orderBy('units', 'desc')
    .orderBy('oi.product_id')
    .limit(limit)
    .execute();
}

/**
 * The low-stock rule, in one place (issue 16 item 6): an enabled combination of an active listing
 * sold by count with `atMost` units free or fewer; the default combination stands for a listing
 * without variations. `p` and `v` are the aliases of `products` and `listing_variants`.
 */
function lowCombinationWhere(p: string, v: string, atMost: number) {
  const col = (name: string) => sql.ref(`${p}.${name}`);
  return sql<boolean>`(${col('status')} = 'active' and ${sql.ref(`${v}.enabled`)} and ${col('made_to_order')} = false
    and ${combinationAvailableSql(v)} <= ${atMost})`;
}

/** Low stock per combination, the most urgent (fewest free) first. */
export async function lowStockListings(db: DbOrTx, shopId: number, limit: number) {
  const r = await sql<{
    id: number;
    variant_id: number;
    title: string;
    variation_properties: { name: string; values: string[] }[];
    option1: string | null;
    option2: string | null;
    quantity: number;
    reserved: number;
  }>`
    select p.id, v.id as variant_id, p.title, p.variation_properties, v.option1, v.option2, v.quantity, v.reserved
    from products p join listing_variants v on v.product_id = p.id
    where p.shop_id = ${shopId} and ${lowCombinationWhere('p', 'v', LOW_STOCK_UNITS)}
    order by ${combinationAvailableSql('v')}, p.id, v.position, v.id
    limit ${limit}`.execute(db);
  return r.rows;
}

/**
 * How many combinations lowStockListings would list with no limit, how many of them are sold out,
 * and in how many listings each: the overview's count and the listings filter's.
 */
export async function lowStockCounts(db: DbOrTx, shopId: number) {
  const r = await sql<{ low: number; low_listings: number; sold_out: number; sold_out_listings: number }>`
    select count(*)::int as low,
           count(distinct p.id)::int as low_listings,
           (count(*) filter (where ${combinationAvailableSql('v')} = 0))::int as sold_out,
           (count(distinct p.id) filter (where ${combinationAvailableSql('v')} = 0))::int as sold_out_listings
    from products p join listing_variants v on v.product_id = p.id
    where p.shop_id = ${shopId} and ${lowCombinationWhere('p', 'v', LOW_STOCK_UNITS)}`.execute(db);
  return r.rows[0] ?? { low: 0, low_listings: 0, sold_out: 0, sold_out_listings: 0 };
}

/**
 * The owner's listings of any status, newest first, optionally narrowed by a title substring and
 * to those with a combination running low (`low`) or sold out (`soldout`), by the overview's rule.
 */
export function listSellerListings(
  db: DbOrTx,
  shopId: number,
  opts: {
    status: 'active' | 'archived' | 'all';
    stock?: 'low' | 'soldout';
    q?: string;
    cursor?: number;
    limit: number;
  },
) {
  const available = combinationAvailableSql('v');
  let q = db
    .selectFrom('products')
    .select([
      'id',
      'title',
      'price_cents',
      'price_max_cents',
      'quantity',
      'reserved',
      'status',
      'images',
      'updated_at',
      'made_to_order',
    ])
    .select(
      // Combinations of a listing with variations: how many are on sale, and which run low.
      sql<{ n: number; low: { options: [string, string | null]; available: number }[] } | null>`(
        select jsonb_build_object('n', count(*),
          'low', coalesce(jsonb_agg(jsonb_build_object('options', jsonb_build_array(v.option1, v.option2),
                                                       'available', ${available})
                 order by ${available}, v.position) filter (where ${available} <= ${LOW_STOCK_UNITS}), '[]'))
        from listing_variants v
        where v.product_id = products.id and v.enabled and not v.is_default)`.as('combos'),
    )
    .where('shop_id', '=', shopId)
    .orderBy('id', 'desc')
    .limit(opts.limit + 1);
  if (opts.status !== 'all') q = q.where('status', '=', opts.status);
  if (opts.q) q = q.where('title', 'ilike', `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (opts.cursor) q = q.where('id', '<', opts.cursor);
  if (opts.stock) {
    const atMost = opts.stock === 'soldout' ? 0 : LOW_STOCK_UNITS;
    q = q.where(
      sql<boolean>`exists (select 1 from listing_variants v
        where v.product_id = products.id and ${lowCombinationWhere('products', 'v', atMost)})`,
    );
  }
  return q.execute();
}

export function listingCountsByStatus(db: DbOrTx, shopId: number) {
  return db
    .selectFrom('products')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .where('shop_id', '=', shopId)
    .groupBy('status')
    .execute();
}
