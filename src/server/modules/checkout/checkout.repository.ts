// Checkout's writes: converting holds into sales under lock, and the orders, items, history,
// counters and seller notifications of one placed checkout. All take the open transaction.
import { sql } from 'kysely';
import type { ShippingAddress } from '../../db/database';
import type { DbOrTx, Tx } from '../../db/kysely';
import type { CartLineRow, CartOwner } from '../cart/cart.repository';

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

/**
 * One round trip: locks the buyer's cart row, then its lines' products in ascending id with their
 * combinations (the global lock order: cart, products ascending, variants of locked products; the
 * cart comes first because the InitPlan runs before any product row is read, and rows are locked
 * in the sorted order, each product before its combinations). Combinations are locked, not just
 * read, so a row changed while we waited is re-read at its latest version. Returns the lines with
 * the cart id in findCartLines' shape, so checkout prices them
 * again under the lock. Shops are read, not locked: a shipping change that commits after this
 * read applies to the next checkout. No rows: no cart, or an empty one.
 */
export async function lockCheckoutLines(tx: Tx, owner: CartOwner) {
  const whose = 'userId' in owner ? sql`user_id = ${owner.userId}` : sql`guest_token = ${owner.guestToken}`;
  const r = await sql<CartLineRow>`
    with cart as materialized (select id from carts where ${whose} for update)
    select i.cart_id, i.id, i.product_id, i.variant_id, i.personalization, i.quantity, i.held, i.hold_expires_at,
           i.price_when_added_cents, p.title, v.price_cents, p.images, v.quantity as stock, v.reserved, v.enabled,
           v.option1, v.option2, p.variation_properties, p.processing_days_min, p.processing_days_max,
           p.made_to_order, p.status, s.id as shop_id, s.name as shop_name,
           s.slug as shop_slug, s.owner_id, s.flat_rate_cents, s.free_over_cents, s.processing_days,
           s.vacation_since, s.vacation_message, s.vacation_returns_on
    from cart_items as i
      inner join products as p on p.id = i.product_id
      inner join listing_variants as v on v.id = i.variant_id
      inner join shops as s on s.id = p.shop_id
    where i.cart_id = (select id from cart)
    order by p.id, v.id, i.id
    for no key update of p, v`.execute(tx);
  return r.rows;
}

export type LockedLine = Awaited<ReturnType<typeof lockCheckoutLines>>[number];

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
  variantId: number;
  options: { name: string; value: string }[];
  personalization: string;
  title: string;
  image: string | null;
  priceCents: number;
  quantity: number;
}

export interface CheckoutWrite {
  cartId: number;
  buyerId: number;
  buyerName: string;
  provider: string;
  providerRef: string;
  amountCents: number;
  /** 'captured' only for a payment settled without a capture call ($0, decision 0011). */
  paymentStatus: 'authorized' | 'captured';
  address: ShippingAddress;
  /** Sold units leave their combination's stock, their holds leave reserved, the listing's sales count grows. */
  sales: readonly { productId: number; variantId: number; quantity: number; held: number }[];
  orders: readonly NewOrder[];
  items: readonly NewOrderItem[];
  idempotencyKey: string;
  /** A guest checkout: the buyer's confirmation carries a signed link to the orders. */
  guest: boolean;
  /** The response to store under the key, without order ids (added per shop, in this order). */
  response: { orders: readonly { shopId: number }[]; totalChargedCents: number };
}

/**
 * Everything checkout writes, as ONE statement inside the transaction that locked the rows:
 * holds become sales; the payment record, one order per shop, items at the price paid, the first
 * history entry and each seller's notification; one shop sales event per shop (folded into
 * shops.sales_count by a job, so no shop row is locked here); the cart emptied; and the
 * idempotency record completed with the response, order ids included. Returns the order id per
 * shop and the payment id.
 */
export async function writeCheckout(tx: Tx, c: CheckoutWrite) {
  const sales = JSON.stringify(c.sales);
  const orders = JSON.stringify(c.orders);
  const items = JSON.stringify(c.items);
  const result = await sql<{ payment_id: number; order_id: number; shop_id: number }>`
    with sale as (
      select * from jsonb_to_recordset(${sales}::jsonb) as v("productId" int, "variantId" int, quantity int, held int)
    ), sold as (
      -- The combination's stock; its trigger carries the change to the listing's aggregate.
      update listing_variants lv
      set quantity = lv.quantity - v.quantity, reserved = lv.reserved - v.held, updated_at = now()
      from (select "variantId", sum(quantity)::int as quantity, sum(held)::int as held from sale group by 1) v
      where lv.id = v."variantId"
    ), counted as (
      update products p
      set sales_count = p.sales_count + v.quantity, updated_at = now()
      from (select "productId", sum(quantity)::int as quantity from sale group by 1) v
      where p.id = v."productId"
    ), pay as (
      insert into payments (buyer_id, provider, provider_ref, amount_cents, status)
      values (${c.buyerId}, ${c.provider}, ${c.providerRef}, ${c.amountCents}, ${c.paymentStatus})
      returning id
    ), src as (
      select * from jsonb_to_recordset(${orders}::jsonb) as o(
        "shopId" int, "ownerId" int, "subtotalCents" bigint, "shippingCents" bigint, "taxCents" bigint,
        "totalCents" bigint, "itemCount" int)
    ), ord as (
      insert into orders (buyer_id, shop_id, payment_id, status, subtotal_cents, shipping_cents, tax_cents,
                          total_cents, shipping_address, placed_as_guest)
      select ${c.buyerId}, src."shopId", pay.id, 'paid', src."subtotalCents", src."shippingCents", src."taxCents",
             src."totalCents", ${JSON.stringify(c.address)}::jsonb, ${c.guest}::boolean
      from src cross join pay
      returning id, shop_id
    ), lines as (
      insert into order_items (order_id, product_id, variant_id, options, personalization, title, image, price_cents,
                               quantity)
      select ord.id, i."productId", i."variantId", i.options, i.personalization, i.title, i.image, i."priceCents",
             i.quantity
      from jsonb_to_recordset(${items}::jsonb) as i(
        "shopId" int, "productId" int, "variantId" int, options jsonb, personalization text, title text, image text,
        "priceCents" bigint, quantity int)
      join ord on ord.shop_id = i."shopId"
    ), history as (
      insert into order_status_history (order_id, status, note) select id, 'paid', 'Payment authorised' from ord
    ), notes as (
      insert into notifications (user_id, kind, payload)
      select src."ownerId", 'order.placed',
             jsonb_build_object('orderId', ord.id, 'shopId', ord.shop_id, 'buyerName', ${c.buyerName}::text,
                                'itemCount', src."itemCount", 'totalCents', src."totalCents")
      from src join ord on ord.shop_id = src."shopId"
    ), shop_sales as (
      insert into shop_sales_events (shop_id, units) select "shopId", "itemCount" from src
    ), mails as (
      -- The buyer's confirmation (every shop's order in one mail) and each seller's new-order mail,
      -- queued with the orders they report; composed and sent by the email job (decision 0072).
      insert into email_outbox (kind, payload, dedupe_key)
      select 'order.confirmation', jsonb_build_object('paymentId', pay.id, 'guest', ${c.guest}::boolean),
             'order-confirmation:' || pay.id from pay
      union all
      select 'order.new', jsonb_build_object('orderId', ord.id), 'order-new:' || ord.id from ord
    ), cleared as (
      delete from cart_items where cart_id = ${c.cartId}
    ), completed as (
      update idempotency_keys set status = 'completed', updated_at = now(),
        response = jsonb_build_object(
          'orders', (
            select jsonb_agg(t.o || jsonb_build_object('orderId', ord.id) order by t.n)
            from jsonb_array_elements(${JSON.stringify(c.response.orders)}::jsonb) with ordinality as t(o, n)
            join ord on ord.shop_id = (t.o->>'shopId')::int),
          'totalChargedCents', ${c.response.totalChargedCents}::bigint)
      where user_id = ${c.buyerId} and key = ${c.idempotencyKey}::uuid
    )
    select pay.id as payment_id, ord.id as order_id, ord.shop_id from ord cross join pay`.execute(tx);
  return result.rows;
}
