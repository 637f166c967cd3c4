// Checkout's writes: converting holds into sales under lock, and the orders, items, history,
// counters and seller notifications of one placed checkout. All take the open transaction.
import { sql } from 'kysely';
import type { ShippingAddress } from '../../db/database';
import type { DbOrTx, Tx } from '../../db/kysely';

export function findTaxRateBps(db: DbOrTx, country: string, region: string) {
  return db
    .selectFrom('tax_rates')
    .select('rate_bps')
    .where('country', '=', country)
    .where('region', 'in', [region, ''])
    .orderBy('region', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The cart's lines with their products locked, in ascending product id (the global lock order). */
export function lockCheckoutLines(tx: Tx, cartId: number) {
  return tx
    .selectFrom('cart_items as i')
    .innerJoin('products as p', 'p.id', 'i.product_id')
    .select([
      'i.product_id',
      'i.quantity',
      'i.held',
      'p.quantity as stock',
      'p.reserved',
      'p.status',
      'p.price_cents',
      'p.title',
      'p.images',
      'p.shop_id',
    ])
    .where('i.cart_id', '=', cartId)
    .orderBy('p.id')
    .forNoKeyUpdate('p')
    .execute();
}

export type LockedLine = Awaited<ReturnType<typeof lockCheckoutLines>>[number];

/** Sold units leave stock, their holds leave reserved, and the listing's sales count grows. */
export async function convertHoldsToSales(
  tx: Tx,
  lines: readonly { productId: number; quantity: number; held: number }[],
) {
  const values = sql.join(lines.map((l) => sql`(${l.productId}::int, ${l.quantity}::int, ${l.held}::int)`));
  await sql`
    update products p
    set quantity = p.quantity - v.qty, reserved = p.reserved - v.held, sales_count = p.sales_count + v.qty,
        updated_at = now()
    from (values ${values}) as v(id, qty, held) where p.id = v.id`.execute(tx);
}

export interface NewOrder {
  shopId: number;
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
}

export function insertOrders(
  tx: Tx,
  buyerId: number,
  paymentId: number,
  address: ShippingAddress,
  orders: readonly NewOrder[],
) {
  const addressJson = JSON.stringify(address);
  return tx
    .insertInto('orders')
    .values(
      orders.map((o) => ({
        buyer_id: buyerId,
        shop_id: o.shopId,
        payment_id: paymentId,
        status: 'paid' as const,
        subtotal_cents: o.subtotalCents,
        shipping_cents: o.shippingCents,
        tax_cents: o.taxCents,
        total_cents: o.totalCents,
        shipping_address: addressJson,
      })),
    )
    .returning(['id', 'shop_id'])
    .execute();
}

export interface NewOrderItem {
  orderId: number;
  productId: number;
  title: string;
  image: string | null;
  priceCents: number;
  quantity: number;
}

export function insertOrderItems(tx: Tx, items: readonly NewOrderItem[]) {
  return tx
    .insertInto('order_items')
    .values(
      items.map((i) => ({
        order_id: i.orderId,
        product_id: i.productId,
        title: i.title,
        image: i.image,
        price_cents: i.priceCents,
        quantity: i.quantity,
      })),
    )
    .execute();
}

export function insertPaidHistory(tx: Tx, orderIds: readonly number[]) {
  return tx
    .insertInto('order_status_history')
    .values(orderIds.map((id) => ({ order_id: id, status: 'paid' as const, note: 'Payment authorised' })))
    .execute();
}

/** Adds sold units to each shop's sales count, locking the shop rows in ascending id order. */
export async function bumpShopSales(tx: Tx, unitsByShop: ReadonlyMap<number, number>) {
  const ids = [...unitsByShop.keys()].sort((a, b) => a - b);
  await tx.selectFrom('shops').select('id').where('id', 'in', ids).orderBy('id').forNoKeyUpdate().execute();
  const values = sql.join(ids.map((id) => sql`(${id}::int, ${unitsByShop.get(id)!}::int)`));
  await sql`
    update shops s set sales_count = s.sales_count + v.n
    from (values ${values}) as v(id, n) where s.id = v.id`.execute(tx);
}

export function clearCartLines(tx: Tx, cartId: number) {
  return tx.deleteFrom('cart_items').where('cart_id', '=', cartId).execute();
}

export function insertNotifications(
  tx: Tx,
  notes: readonly { userId: number; kind: string; payload: Record<string, unknown> }[],
) {
  if (notes.length === 0) return Promise.resolve([]);
  return tx
    .insertInto('notifications')
    .values(notes.map((n) => ({ user_id: n.userId, kind: n.kind, payload: JSON.stringify(n.payload) })))
    .execute();
}
