// The SQL statements the cart and checkout use cases run (same text, same order, same locks,
// copied from modules/cart, modules/inventory, modules/checkout and modules/payments), sent
// straight through `pg` with no HTTP, tRPC, session, rate limit, validation or DTO work around them.
import type pg from 'pg';
import type { CartLineRow } from '../../src/server/modules/cart/cart.repository';
import { snapshotOf } from '../../src/server/modules/checkout/checkout.repository';
import { CART_CHANGE_SQL } from '../../src/server/modules/inventory/inventory.repository';

export const HOLD_MINUTES = 30;
export const MAX_HOLD_MINUTES = 120;
// Statement texts as of modules/checkout (reads, claim, place_checkout, capture) and
// modules/payments (the test processor's ledger); re-check them when those modules change. The
// cart changes' statements are modules/inventory's own text, imported.

// findCartLines (modules/cart) by user, as checkout reads the cart: a line's price and stock are its combination's.
const CART_LINES = `
  select c.id as cart_id, i.id, i.product_id, i.variant_id, i.personalization, i.quantity, i.held, i.hold_expires_at,
         i.price_when_added_cents, p.title, v.price_cents, p.images, v.quantity as stock, v.reserved, v.enabled,
         v.option1, v.option2, p.variation_properties, p.processing_days_min, p.processing_days_max, p.made_to_order,
         p.personalization_prompt, p.personalization_max_chars, p.personalization_required, p.status,
         s.id as shop_id, s.name as shop_name, s.slug as shop_slug, s.owner_id, s.flat_rate_cents, s.free_over_cents,
         s.processing_days, s.vacation_since, s.vacation_message, s.vacation_returns_on
  from carts as c inner join cart_items as i on i.cart_id = c.id inner join products as p on p.id = i.product_id
  inner join listing_variants as v on v.id = i.variant_id
  inner join shops as s on s.id = p.shop_id where c.user_id = $1 order by s.id, i.id`;

export async function rawAddItem(
  pool: pg.Pool,
  userId: number,
  productId: number,
  quantity = 1,
  variantId: number | null = null,
) {
  // The statement inventory.repository's holdCartLine sends (the same text, imported): the hold,
  // then the cart's lines in the same round trip. The given combination (null: the default), no text.
  const held = await pool.query<{ hold: { outcome: string } }>(CART_CHANGE_SQL.hold, [
    userId,
    null,
    productId,
    variantId,
    '',
    quantity,
    true,
    null,
    999,
    HOLD_MINUTES,
    MAX_HOLD_MINUTES,
    100,
  ]);
  if (held.rows[0]?.hold.outcome !== 'ok') throw new Error(`raw hold refused: ${held.rows[0]?.hold.outcome}`);
}

export async function rawRemoveItem(pool: pg.Pool, userId: number, productId: number) {
  // As inventory.repository's releaseCartLine sends it: the release, then the cart's lines.
  await pool.query(CART_CHANGE_SQL.release, [userId, null, productId, null, '', HOLD_MINUTES, MAX_HOLD_MINUTES]);
}

// place_checkout (migration 20261204100000_place_checkout_function): lock, check, write, in one call.
const PLACE_CHECKOUT = `
  select * from place_checkout($1::int, null::text, $2::jsonb, $1::int, $3::text, $4::text, $5::text, $6::bigint,
    'authorized'::text, $7::jsonb, false, $8::jsonb, $9::jsonb, $10::uuid, $11::jsonb, $6::bigint)`;

// The test payment processor's ledger (modules/payments/test-payment-provider.ts): authorize
// records the decision and opens the payment in one statement; capture moves it on. The app sends
// these to the same PostgreSQL, so its checkout's SQL includes them (decision 0167).
const PROCESSOR_AUTHORIZE = `
      with ins as (
        insert into test_processor_authorizations (idempotency_key, fingerprint, result)
        values ($1, $2, $3::jsonb)
        on conflict (idempotency_key) do nothing
        returning fingerprint, result
      ), opened as (
        insert into test_processor_payments (ref, amount_cents, status)
        select $4, $5, 'authorized' from ins where $6
        on conflict (ref) do nothing
      )
      select fingerprint, result from ins
      union all
      select fingerprint, result from test_processor_authorizations
        where idempotency_key = $7 and not exists (select 1 from ins)`;
const PROCESSOR_CAPTURE = `update "test_processor_payments" set "status" = $1, "updated_at" = $2 where "ref" = $3 and "status" = $4`;

/**
 * checkout.place's statements for a cart that is already held (modules/checkout), in its order:
 * the cart and tax reads, the idempotency claim, the test processor's authorisation, the one-call
 * commit, the processor's capture, the payment marked captured. Left out: the after-commit
 * announcements (Redis, and a coalesced availability read shared with other calls).
 */
export async function rawCheckout(pool: pg.Pool, userId: number, address: Record<string, string>) {
  const key = crypto.randomUUID();
  const [lines] = await Promise.all([
    pool.query<CartLineRow>(CART_LINES, [userId]),
    pool.query(
      `select rate_bps from tax_rates where country = $1 and region in ($2, $3) order by region desc limit 1`,
      [address.country, address.region, ''],
    ),
  ]);
  if (lines.rows.length === 0) throw new Error('raw checkout: empty cart');
  await pool.query(
    `insert into idempotency_keys (user_id, key, request_hash, status, response) values ($1, $2, $3, 'in_progress', null)
     on conflict (user_id, key) do nothing returning key`,
    [userId, key, 'bench'],
  );
  const shops = new Map<number, { subtotal: number; items: number; owner: number; shipping: number }>();
  for (const l of lines.rows) {
    const s = shops.get(l.shop_id) ?? { subtotal: 0, items: 0, owner: l.owner_id, shipping: l.flat_rate_cents };
    s.subtotal += l.price_cents * l.quantity;
    s.items += l.quantity;
    shops.set(l.shop_id, s);
  }
  const total = [...shops.values()].reduce((t, s) => t + s.subtotal + s.shipping, 0);
  const orders = [...shops].map(([shopId, s]) => ({
    shopId,
    ownerId: s.owner,
    subtotalCents: s.subtotal,
    shippingCents: s.shipping,
    taxCents: 0,
    totalCents: s.subtotal + s.shipping,
    itemCount: s.items,
  }));
  const items = lines.rows.map((l) => ({
    shopId: l.shop_id,
    productId: l.product_id,
    variantId: l.variant_id,
    options: [],
    personalization: l.personalization,
    title: l.title,
    image: l.images[0] ?? null,
    priceCents: l.price_cents,
    quantity: l.quantity,
  }));
  const ref = `pi_bench_${key}`;
  const processorKey = `checkout:${userId}:${key}:${crypto.randomUUID()}`;
  const authorized = await pool.query(PROCESSOR_AUTHORIZE, [
    processorKey,
    `tok_visa|${total}|USD`,
    JSON.stringify({ ok: true, ref, amountCents: total }),
    ref,
    total,
    true,
    processorKey,
  ]);
  if (authorized.rows.length !== 1) throw new Error('raw checkout: authorisation not recorded');
  const placed = await pool.query<{ outcome: string; payment_id: number }>(PLACE_CHECKOUT, [
    userId,
    JSON.stringify(snapshotOf(lines.rows)),
    'Bench Buyer',
    'test',
    ref,
    total,
    JSON.stringify(address),
    JSON.stringify(orders),
    JSON.stringify(items),
    key,
    JSON.stringify(orders.map((o) => ({ shopId: o.shopId }))),
  ]);
  if (placed.rows[0]?.outcome !== 'ok') throw new Error(`raw checkout: ${placed.rows[0]?.outcome}`);
  await pool.query(PROCESSOR_CAPTURE, ['captured', new Date(), ref, 'authorized']);
  await pool.query(`update payments set status = 'captured', updated_at = $1 where id = $2`, [
    new Date(),
    placed.rows[0].payment_id,
  ]);
}
