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
  ownerId: number;
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  itemCount: number;
}

export interface NewOrderItem {
  shopId: number;
  productId: number;
  title: string;
  image: string | null;
  priceCents: number;
  quantity: number;
}

/**
 * In one statement: the payment record, one order per shop, their items at the price paid, the
 * first status-history entry and a notification for each seller. Returns the order id per shop.
 */
export async function insertCheckoutRecords(
  tx: Tx,
  c: {
    buyerId: number;
    buyerName: string;
    provider: string;
    providerRef: string;
    amountCents: number;
    address: ShippingAddress;
    orders: readonly NewOrder[];
    items: readonly NewOrderItem[];
  },
) {
  const orders = JSON.stringify(c.orders);
  const items = JSON.stringify(c.items);
  const result = await sql<{ payment_id: number; order_id: number; shop_id: number }>`
    with pay as (
      insert into payments (buyer_id, provider, provider_ref, amount_cents, status)
      values (${c.buyerId}, ${c.provider}, ${c.providerRef}, ${c.amountCents}, 'authorized')
      returning id
    ), src as (
      select * from jsonb_to_recordset(${orders}::jsonb) as o(
        "shopId" int, "ownerId" int, "subtotalCents" bigint, "shippingCents" bigint, "taxCents" bigint,
        "totalCents" bigint, "itemCount" int)
    ), ord as (
      insert into orders (buyer_id, shop_id, payment_id, status, subtotal_cents, shipping_cents, tax_cents,
                          total_cents, shipping_address)
      select ${c.buyerId}, src."shopId", pay.id, 'paid', src."subtotalCents", src."shippingCents", src."taxCents",
             src."totalCents", ${JSON.stringify(c.address)}::jsonb
      from src cross join pay
      returning id, shop_id
    ), lines as (
      insert into order_items (order_id, product_id, title, image, price_cents, quantity)
      select ord.id, i."productId", i.title, i.image, i."priceCents", i.quantity
      from jsonb_to_recordset(${items}::jsonb) as i(
        "shopId" int, "productId" int, title text, image text, "priceCents" bigint, quantity int)
      join ord on ord.shop_id = i."shopId"
    ), history as (
      insert into order_status_history (order_id, status, note) select id, 'paid', 'Payment authorised' from ord
    ), notes as (
      insert into notifications (user_id, kind, payload)
      select src."ownerId", 'order.placed',
             jsonb_build_object('orderId', ord.id, 'shopId', ord.shop_id, 'buyerName', ${c.buyerName}::text,
                                'itemCount', src."itemCount", 'totalCents', src."totalCents")
      from src join ord on ord.shop_id = src."shopId"
    )
    select pay.id as payment_id, ord.id as order_id, ord.shop_id from ord cross join pay`.execute(tx);
  return result.rows;
}

/** Adds sold units to each shop's sales count, locking the shop rows in ascending id order. */
export async function bumpShopSales(tx: Tx, unitsByShop: ReadonlyMap<number, number>) {
  const ids = [...unitsByShop.keys()].sort((a, b) => a - b);
  const values = sql.join(ids.map((id) => sql`(${id}::int, ${unitsByShop.get(id)!}::int)`));
  await sql`
    with locked as (
      select id from shops where id in (${sql.join(ids)}) order by id for no key update
    )
    update shops s set sales_count = s.sales_count + v.n
    from (values ${values}) as v(id, n)
    where s.id = v.id and s.id in (select id from locked)`.execute(tx);
}

/** Empties the cart and stores the checkout's response under its idempotency key, together. */
export async function clearCartAndComplete(
  tx: Tx,
  cartId: number,
  claim: { userId: number; key: string; response: unknown },
) {
  await sql`
    with cleared as (delete from cart_items where cart_id = ${cartId})
    update idempotency_keys set status = 'completed', response = ${JSON.stringify(claim.response)}::jsonb,
      updated_at = now()
    where user_id = ${claim.userId} and key = ${claim.key}::uuid`.execute(tx);
}
