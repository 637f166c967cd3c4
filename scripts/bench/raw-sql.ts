// The SQL statements the cart and checkout use cases run (same text, same order, same locks,
// copied from modules/cart, modules/inventory, modules/checkout and modules/payments), sent
// straight through `pg` with no HTTP, tRPC, session, rate limit, validation or DTO work around them.
import type pg from 'pg';

const HOLD = '30 minutes';
// Statement texts as of modules/inventory (hold_cart_line function) and modules/checkout
// (BEGIN, lock, one write, COMMIT); re-check them when those modules change.

async function tx<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    const out = await fn(c);
    await c.query('commit');
    return out;
  } catch (err) {
    await c.query('rollback').catch(() => {});
    throw err;
  } finally {
    c.release();
  }
}

const CART_LINES = `
  select c.id as cart_id, i.id, i.product_id, i.quantity, i.held, i.hold_expires_at, p.title, p.price_cents, p.images,
         p.quantity as stock, p.reserved, p.status, s.id as shop_id, s.name as shop_name, s.slug as shop_slug, s.owner_id,
         s.flat_rate_cents, s.free_over_cents, s.processing_days
  from carts as c inner join cart_items as i on i.cart_id = c.id inner join products as p on p.id = i.product_id
  inner join shops as s on s.id = p.shop_id where c.user_id = $1 order by s.id, i.id`;

const CART_LINES_BY_ID = CART_LINES.replace('where c.user_id = $1', 'where c.id = $1');

const RELEASE_LINE = `
  with removed as (
    delete from cart_items where cart_id = $1 and product_id = $2 returning product_id, held
  ), released as (
    update products p set reserved = p.reserved - removed.held
    from removed where p.id = removed.product_id and removed.held > 0
    returning p.id
  ), refresh as (
    update cart_items set hold_expires_at = now() + $3::interval
    where cart_id = $1 and product_id <> $2 and held > 0
    returning id
  )
  select product_id, held from removed`;

export async function rawAddItem(pool: pg.Pool, userId: number, productId: number, quantity = 1) {
  const held = await pool.query<{ cart_id: number; outcome: string }>(
    // hold_cart_line v4 (migration 20261202230000_listing_variants): the default combination, no text.
    `select * from hold_cart_line($1::int, $2::text, $3::int, $4::int, $5::text, $6::int, $7::boolean, $8::int,
       $9::int, $10::int, $11::int, $12::int)`,
    [userId, null, productId, null, '', quantity, true, null, 999, 30, 120, 100],
  );
  if (held.rows[0]?.outcome !== 'ok') throw new Error(`raw hold refused: ${held.rows[0]?.outcome}`);
  await pool.query(CART_LINES_BY_ID, [held.rows[0].cart_id]);
}

export async function rawRemoveItem(pool: pg.Pool, userId: number, productId: number) {
  await tx(pool, async (c) => {
    const cart = await c.query<{ id: number }>('select id from carts where user_id = $1 for update', [userId]);
    if (cart.rows[0]) await c.query(RELEASE_LINE, [cart.rows[0].id, productId, HOLD]);
  });
  await pool.query(CART_LINES, [userId]);
}

interface Line {
  cart_id: number;
  product_id: number;
  quantity: number;
  held: number;
  title: string;
  price_cents: number;
  images: string[];
  shop_id: number;
  owner_id: number;
  flat_rate_cents: number;
}

const LOCK_LINES = `
  with cart as materialized (select id from carts where user_id = $1 for update)
  select i.cart_id, i.product_id, i.quantity, i.held, p.quantity as stock, p.reserved, p.status, p.price_cents,
         p.title, p.images, p.shop_id
  from cart_items as i inner join products as p on p.id = i.product_id
  where i.cart_id = (select id from cart)
  order by p.id
  for no key update of p`;

const WRITE_CHECKOUT = `
  with sold as (
    update products p
    set quantity = p.quantity - v.quantity, reserved = p.reserved - v.held, sales_count = p.sales_count + v.quantity,
        updated_at = now()
    from jsonb_to_recordset($9::jsonb) as v("productId" int, quantity int, held int)
    where p.id = v."productId"
  ), pay as (
    insert into payments (buyer_id, provider, provider_ref, amount_cents, status)
    values ($1, $2, $3, $4, 'authorized') returning id
  ), src as (
    select * from jsonb_to_recordset($5::jsonb) as o(
      "shopId" int, "ownerId" int, "subtotalCents" bigint, "shippingCents" bigint, "taxCents" bigint,
      "totalCents" bigint, "itemCount" int)
  ), ord as (
    insert into orders (buyer_id, shop_id, payment_id, status, subtotal_cents, shipping_cents, tax_cents,
                        total_cents, shipping_address)
    select $1, src."shopId", pay.id, 'paid', src."subtotalCents", src."shippingCents", src."taxCents",
           src."totalCents", $6::jsonb
    from src cross join pay
    returning id, shop_id
  ), lines as (
    insert into order_items (order_id, product_id, title, image, price_cents, quantity)
    select ord.id, i."productId", i.title, i.image, i."priceCents", i.quantity
    from jsonb_to_recordset($7::jsonb) as i(
      "shopId" int, "productId" int, title text, image text, "priceCents" bigint, quantity int)
    join ord on ord.shop_id = i."shopId"
  ), history as (
    insert into order_status_history (order_id, status, note) select id, 'paid', 'Payment authorised' from ord
  ), notes as (
    insert into notifications (user_id, kind, payload)
    select src."ownerId", 'order.placed',
           jsonb_build_object('orderId', ord.id, 'shopId', ord.shop_id, 'buyerName', $8::text,
                              'itemCount', src."itemCount", 'totalCents', src."totalCents")
    from src join ord on ord.shop_id = src."shopId"
  ), shop_sales as (
    insert into shop_sales_events (shop_id, units) select "shopId", "itemCount" from src
  ), cleared as (
    delete from cart_items where cart_id = $10
  ), completed as (
    update idempotency_keys set status = 'completed', updated_at = now(),
      response = jsonb_build_object(
        'orders', (
          select jsonb_agg(t.o || jsonb_build_object('orderId', ord.id) order by t.n)
          from jsonb_array_elements($5::jsonb) with ordinality as t(o, n)
          join ord on ord.shop_id = (t.o->>'shopId')::int),
        'totalChargedCents', $4::bigint)
    where user_id = $1 and key = $11::uuid
  )
  select pay.id as payment_id, ord.id as order_id, ord.shop_id from ord cross join pay`;

/** checkout.place's statements for a cart that is already held: reads, claim, the one transaction, capture. */
export async function rawCheckout(pool: pg.Pool, userId: number, address: Record<string, string>) {
  const key = crypto.randomUUID();
  const [lines] = await Promise.all([
    pool.query<Line>(CART_LINES, [userId]),
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
  const paymentId = await tx(pool, async (c) => {
    const locked = await c.query<Line & { stock: number; reserved: number }>(LOCK_LINES, [userId]);
    const cartId = locked.rows[0].cart_id;
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
      title: l.title,
      image: l.images[0] ?? null,
      priceCents: l.price_cents,
      quantity: l.quantity,
    }));
    const created = await c.query<{ payment_id: number; order_id: number; shop_id: number }>(WRITE_CHECKOUT, [
      userId,
      'test',
      `pi_bench_${key}`,
      total,
      JSON.stringify(orders),
      JSON.stringify(address),
      JSON.stringify(items),
      'Bench Buyer',
      JSON.stringify(locked.rows.map((l) => ({ productId: l.product_id, quantity: l.quantity, held: l.held }))),
      cartId,
      key,
    ]);
    return created.rows[0].payment_id;
  });
  await pool.query(`update payments set status = 'captured', updated_at = $1 where id = $2`, [new Date(), paymentId]);
}
