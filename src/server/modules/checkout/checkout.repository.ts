// Checkout's writes: converting holds into sales under lock, and the orders, items, history,
// counters and seller notifications of one placed checkout, in one call (placeCheckout).
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
  /** Whose cart: the account's or the guest's. */
  cart: CartOwner;
  /** The lines as the app read and priced them; the call refuses ('changed') unless the locked lines match. */
  snapshot: readonly CartLineRow[];
  buyerId: number;
  buyerName: string;
  provider: string;
  providerRef: string;
  amountCents: number;
  /** 'captured' only for a payment settled without a capture call ($0, decision 0011). */
  paymentStatus: 'authorized' | 'captured';
  address: ShippingAddress;
  orders: readonly NewOrder[];
  items: readonly NewOrderItem[];
  idempotencyKey: string;
  /** A guest checkout: the buyer's confirmation carries a signed link to the orders. */
  guest: boolean;
  /** The response to store under the key, without order ids (added per shop, in this order). */
  response: { orders: readonly { shopId: number }[]; totalChargedCents: number };
}

export type PlaceCheckoutOutcome =
  | { outcome: 'ok'; paymentId: number; orders: { orderId: number; shopId: number }[] }
  | { outcome: 'changed' | 'empty' };

/** What place_checkout compares under the lock: everything priced or written from a line. */
export function snapshotOf(lines: readonly CartLineRow[]) {
  return lines.map((l) => ({
    id: l.id,
    product_id: l.product_id,
    variant_id: l.variant_id,
    personalization: l.personalization,
    quantity: l.quantity,
    price_cents: l.price_cents,
    enabled: l.enabled,
    option1: l.option1,
    option2: l.option2,
    title: l.title,
    image: l.images[0] ?? null,
    variation_properties: l.variation_properties,
    status: l.status,
    shop_id: l.shop_id,
    owner_id: l.owner_id,
    flat_rate_cents: l.flat_rate_cents,
    free_over_cents: l.free_over_cents,
    on_vacation: l.vacation_since !== null,
  }));
}

/**
 * Everything checkout writes, in ONE round trip: plpgsql `place_checkout()` (migration
 * 20261204100000_place_checkout_function; a migration that replaces it must update this line).
 * It locks the cart, then the lines' products and combinations in ascending id, and writes only
 * if the locked lines are the snapshot the app priced, with the stock they need: holds become
 * sales; the payment record, one order per shop, items at the price paid, the first history entry
 * and each seller's notification; one shop sales event per shop (folded into shops.sales_count by
 * a job, so no shop row is locked here); the buyer's and sellers' mails; the cart emptied; and the
 * idempotency record completed with the response, order ids included. Otherwise nothing is
 * written: 'changed' (the lines, a price, stock or a shop changed since the snapshot) or 'empty'.
 * Inside a transaction (db is a Tx) it takes its locks in that transaction.
 */
export async function placeCheckout(db: DbOrTx, c: CheckoutWrite): Promise<PlaceCheckoutOutcome> {
  const userId = 'userId' in c.cart ? c.cart.userId : null;
  const guestToken = 'guestToken' in c.cart ? c.cart.guestToken : null;
  const result = await sql<{
    outcome: 'ok' | 'changed' | 'empty';
    payment_id: number;
    order_id: number;
    shop_id: number;
  }>`
    select * from place_checkout(${userId}::int, ${guestToken}::text, ${JSON.stringify(snapshotOf(c.snapshot))}::jsonb,
      ${c.buyerId}::int, ${c.buyerName}::text, ${c.provider}::text, ${c.providerRef}::text, ${c.amountCents}::bigint,
      ${c.paymentStatus}::text, ${JSON.stringify(c.address)}::jsonb, ${c.guest}::boolean,
      ${JSON.stringify(c.orders)}::jsonb, ${JSON.stringify(c.items)}::jsonb, ${c.idempotencyKey}::uuid,
      ${JSON.stringify(c.response.orders)}::jsonb, ${c.response.totalChargedCents}::bigint)`.execute(db);
  const first = result.rows[0];
  if (!first || first.outcome !== 'ok') return { outcome: first?.outcome === 'changed' ? 'changed' : 'empty' };
  return {
    outcome: 'ok',
    paymentId: first.payment_id,
    orders: result.rows.map((r) => ({ orderId: r.order_id, shopId: r.shop_id })),
  };
}
