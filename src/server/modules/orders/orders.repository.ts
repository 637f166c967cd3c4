// Order reads for buyers and sellers, and the locked writes of a status change.
import { sql } from 'kysely';
import type { OrderStatus } from '../../db/database';
import type { DbOrTx, Tx } from '../../db/kysely';
import { recordShopSales } from '../shops/shop-sales.repository';

function orderSummaryQuery(db: DbOrTx) {
  return db
    .selectFrom('orders as o')
    .innerJoin('shops as s', 's.id', 'o.shop_id')
    .innerJoin('users as b', 'b.id', 'o.buyer_id')
    .innerJoin('payments as pay', 'pay.id', 'o.payment_id')
    .select([
      'o.id',
      'o.buyer_id',
      'b.name as buyer_name',
      sql<string>`o.shipping_address->>'city'`.as('ship_city'),
      sql<string>`o.shipping_address->>'country'`.as('ship_country'),
      'o.shop_id',
      's.name as shop_name',
      's.slug as shop_slug',
      's.owner_id',
      'o.status',
      'o.subtotal_cents',
      'o.shipping_cents',
      'o.tax_cents',
      'o.total_cents',
      'o.tracking_number',
      'o.carrier',
      'o.created_at',
      // What went back to the buyer for this order: one payment may cover several shops' orders
      // (one checkout), and only a cancelled order is refunded, its total (orders.service).
      sql<number>`case when o.status = 'cancelled' then least(o.total_cents, pay.refunded_cents) else 0 end`.as(
        'refunded_cents',
      ),
    ]);
}

// Order lists read newest first by date. Ids are not a clock (imports, seeded history), so the
// keyset is (created_at, id); the public cursor stays the last order's id and is resolved here.
function newestFirst<Q extends ReturnType<typeof orderSummaryQuery>>(q: Q, limit: number) {
  return q
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(limit + 1);
}

function afterCursor(cursor: number) {
  return sql<boolean>`(o.created_at, o.id) < (select c.created_at, c.id from orders c where c.id = ${cursor})`;
}

export type OrderSummaryRow = Awaited<ReturnType<ReturnType<typeof orderSummaryQuery>['execute']>>[number];

export function listBuyerOrders(db: DbOrTx, buyerId: number, cursor: number | undefined, limit: number) {
  let q = newestFirst(orderSummaryQuery(db).where('o.buyer_id', '=', buyerId), limit);
  if (cursor) q = q.where(afterCursor(cursor));
  return q.execute();
}

export function listShopOrders(
  db: DbOrTx,
  shopId: number,
  statuses: readonly OrderStatus[] | undefined,
  cursor: number | undefined,
  limit: number,
) {
  let q = newestFirst(orderSummaryQuery(db).where('o.shop_id', '=', shopId), limit);
  if (statuses?.length) q = q.where('o.status', 'in', statuses);
  if (cursor) q = q.where(afterCursor(cursor));
  return q.execute();
}

/**
 * The address of the buyer's newest order placed while signed in, to prefill the next checkout. Guest orders are left out: guest
 * checkout takes any email, so a stranger could otherwise plant their address in an account's
 * checkout (decision 0115).
 */
export async function findLastShippingAddress(db: DbOrTx, buyerId: number) {
  const row = await db
    .selectFrom('orders')
    .select('shipping_address')
    .where('buyer_id', '=', buyerId)
    .where('placed_as_guest', '=', false)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.shipping_address ?? null;
}

export function findOrder(db: DbOrTx, orderId: number) {
  return orderSummaryQuery(db)
    .select(['o.shipping_address', 'pay.status as payment_status', 'pay.refunded_cents as payment_refunded_cents'])
    .where('o.id', '=', orderId)
    .executeTakeFirst();
}

/** Who is on each side of an order: what the ownership procedures decide with. */
export function findOrderParties(db: DbOrTx, orderId: number) {
  return db
    .selectFrom('orders as o')
    .innerJoin('shops as s', 's.id', 'o.shop_id')
    .select(['o.id', 'o.buyer_id', 'o.shop_id', 's.owner_id'])
    .where('o.id', '=', orderId)
    .executeTakeFirst();
}

export function findOrderItems(db: DbOrTx, orderIds: readonly number[]) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return (
    db
      .selectFrom('order_items as oi')
      .leftJoin('reviews as r', 'r.order_item_id', 'oi.id')
      // The listing as it is now, so a past order can say whether it can be bought again.
      .innerJoin('products as p', 'p.id', 'oi.product_id')
      .select([
        'p.quantity as listing_quantity',
        'p.reserved as listing_reserved',
        'p.status as listing_status',
        'oi.order_id',
        'oi.product_id',
        'oi.title',
        'oi.image',
        'oi.price_cents',
        'oi.quantity',
        'oi.options',
        'oi.personalization',
        'oi.processing_days_min',
        'oi.processing_days_max',
        'r.id as review_id',
        'r.rating as review_rating',
      ])
      .where('oi.order_id', 'in', [...orderIds])
      .orderBy('oi.id')
      .execute()
  );
}

export function findStatusHistory(db: DbOrTx, orderId: number) {
  return db
    .selectFrom('order_status_history')
    .select(['status', 'note', 'created_at'])
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
}

/** Locks the order for a status change and returns what the change needs. */
export function lockOrder(tx: Tx, orderId: number) {
  return tx
    .selectFrom('orders as o')
    .innerJoin('shops as s', 's.id', 'o.shop_id')
    .innerJoin('payments as pay', 'pay.id', 'o.payment_id')
    .select([
      'o.id',
      'o.status',
      'o.buyer_id',
      'o.shop_id',
      's.owner_id',
      's.name as shop_name',
      'o.total_cents',
      'o.payment_id',
      'pay.provider_ref',
    ])
    .where('o.id', '=', orderId)
    .forUpdate('o')
    .executeTakeFirst();
}

export function setOrderStatus(
  tx: Tx,
  orderId: number,
  patch: { status: OrderStatus; trackingNumber?: string; carrier?: string },
) {
  return tx
    .updateTable('orders')
    .set({
      status: patch.status,
      tracking_number: patch.trackingNumber,
      carrier: patch.carrier,
      updated_at: new Date(),
    })
    .where('id', '=', orderId)
    .execute();
}

export function insertHistory(tx: Tx, orderId: number, status: OrderStatus, note: string | null) {
  return tx.insertInto('order_status_history').values({ order_id: orderId, status, note }).execute();
}

/**
 * Puts a cancelled order's units back on sale, into the combinations they were bought as. Locks
 * products in ascending id order, then writes their combinations (the global lock order).
 */
export async function restockOrder(tx: Tx, orderId: number, shopId: number): Promise<number[]> {
  const items = await tx
    .selectFrom('order_items')
    .select(['product_id', 'variant_id', sql<number>`sum(quantity)::int`.as('qty')])
    .where('order_id', '=', orderId)
    .groupBy(['product_id', 'variant_id'])
    .orderBy('product_id')
    .orderBy('variant_id')
    .execute();
  if (items.length === 0) return [];
  const productIds = [...new Set(items.map((i) => i.product_id))];
  await tx.selectFrom('products').select('id').where('id', 'in', productIds).orderBy('id').forNoKeyUpdate().execute();
  const byVariant = sql.join(items.map((i) => sql`(${i.variant_id}::int, ${i.qty}::int)`));
  await sql`
    update listing_variants v set quantity = v.quantity + d.qty, updated_at = now()
    from (values ${byVariant}) as d(id, qty) where v.id = d.id`.execute(tx);
  const perProduct = new Map<number, number>();
  for (const i of items) perProduct.set(i.product_id, (perProduct.get(i.product_id) ?? 0) + i.qty);
  const byProduct = sql.join([...perProduct].map(([id, qty]) => sql`(${id}::int, ${qty}::int)`));
  await sql`
    update products p
    set sales_count = greatest(0, p.sales_count - d.qty), updated_at = now()
    from (values ${byProduct}) as d(id, qty) where p.id = d.id`.execute(tx);
  // The shop's count is derived from sales events (no lock on the shop row); see shop-sales.repository.
  const units = items.reduce((n, i) => n + i.qty, 0);
  await recordShopSales(tx, new Map([[shopId, -units]]));
  return productIds;
}

/** The orders of one checkout and who they belong to (guest order links). */
export async function findCheckoutOrders(db: DbOrTx, paymentId: number) {
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('users as u', 'u.id', 'o.buyer_id')
    .select(['o.id', 'o.buyer_id', 'u.email', 'u.password_hash'])
    .where('o.payment_id', '=', paymentId)
    .orderBy('o.id')
    .execute();
  if (rows.length === 0) return null;
  return {
    orderIds: rows.map((r) => r.id),
    buyerId: rows[0]!.buyer_id,
    email: rows[0]!.email,
    guestBuyer: rows[0]!.password_hash === null,
  };
}
