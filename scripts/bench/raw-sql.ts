// The SQL statements the cart and checkout use cases run (same text, same order, same locks,
// copied from modules/cart, modules/inventory, modules/checkout and modules/payments), sent
// straight through `pg` with no HTTP, tRPC, session, rate limit, validation or DTO work around them.
import type pg from 'pg';

const HOLD = '30 minutes';

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

const HOLD_LINE = `
  with line as (
    select quantity, held from cart_items where cart_id = $1 and product_id = $2
  ), want as (
    select (case when $3 then coalesce((select quantity from line), 0) + $4::int else $4::int end) as qty,
           coalesce((select held from line), 0) as held
  ), reserve as (
    update products p set reserved = p.reserved + (w.qty - w.held)
    from want w
    where p.id = $2 and w.qty <= 999 and p.shop_id is distinct from $5::int
      and (w.qty <= w.held or (p.status = 'active' and p.quantity - p.reserved >= w.qty - w.held))
    returning w.qty
  ), upsert as (
    insert into cart_items (cart_id, product_id, quantity, held, hold_expires_at)
    select $1, $2, qty, qty, now() + $6::interval from reserve
    on conflict (cart_id, product_id) do update
      set quantity = excluded.quantity, held = excluded.held, hold_expires_at = excluded.hold_expires_at
    returning id
  ), refresh as (
    update cart_items set hold_expires_at = now() + $6::interval
    where cart_id = $1 and product_id <> $2 and held > 0 and exists (select 1 from reserve)
    returning id
  )
  select qty as quantity from reserve`;

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
  await tx(pool, async (c) => {
    const cart = await c.query<{ id: number }>(
      'insert into carts (user_id) values ($1) on conflict (user_id) do update set updated_at = $2 returning id',
      [userId, new Date()],
    );
    const held = await c.query(HOLD_LINE, [cart.rows[0].id, productId, true, quantity, null, HOLD]);
    if (held.rowCount === 0) throw new Error('raw hold refused');
  });
  await pool.query(CART_LINES, [userId]);
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
    const cart = await c.query<{ id: number }>('select id from carts where user_id = $1 for update', [userId]);
    const cartId = cart.rows[0].id;
    await c.query(
      `select i.product_id, i.quantity, i.held, p.quantity as stock, p.reserved, p.status, p.price_cents, p.title, p.images, p.shop_id
       from cart_items as i inner join products as p on p.id = i.product_id where i.cart_id = $1 order by p.id for no key update of p`,
      [cartId],
    );
    const conv = lines.rows.map((_, i) => `($${i * 3 + 1}::int, $${i * 3 + 2}::int, $${i * 3 + 3}::int)`).join(', ');
    await c.query(
      `update products p set quantity = p.quantity - v.qty, reserved = p.reserved - v.held, sales_count = p.sales_count + v.qty,
       updated_at = now() from (values ${conv}) as v(id, qty, held) where p.id = v.id`,
      lines.rows.flatMap((l) => [l.product_id, l.quantity, l.held]),
    );
    const pay = await c.query<{ id: number }>(
      `insert into payments (buyer_id, provider, provider_ref, amount_cents, status) values ($1, 'test', $2, $3, 'authorized') returning id`,
      [userId, `pi_bench_${key}`, total],
    );
    const shopIds = [...shops.keys()];
    const orderValues = shopIds.map(
      (_, i) => `($1, $${i * 5 + 3}, $2, 'paid', $${i * 5 + 4}, $${i * 5 + 5}, 0, $${i * 5 + 6}, $${i * 5 + 7})`,
    );
    const orders = await c.query<{ id: number; shop_id: number }>(
      `insert into orders (buyer_id, shop_id, payment_id, status, subtotal_cents, shipping_cents, tax_cents, total_cents, shipping_address)
       values ${orderValues.join(', ')} returning id, shop_id`,
      [
        userId,
        pay.rows[0].id,
        ...shopIds.flatMap((id) => {
          const s = shops.get(id)!;
          return [id, s.subtotal, s.shipping, s.subtotal + s.shipping, JSON.stringify(address)];
        }),
      ],
    );
    const orderOf = new Map(orders.rows.map((o) => [o.shop_id, o.id]));
    await c.query(
      `insert into order_items (order_id, product_id, title, image, price_cents, quantity) values ${lines.rows
        .map((_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`)
        .join(', ')}`,
      lines.rows.flatMap((l) => [
        orderOf.get(l.shop_id),
        l.product_id,
        l.title,
        l.images[0] ?? null,
        l.price_cents,
        l.quantity,
      ]),
    );
    await c.query(
      `insert into order_status_history (order_id, status, note) values ${orders.rows.map((_, i) => `($${i + 1}, 'paid', 'Payment authorised')`).join(', ')}`,
      orders.rows.map((o) => o.id),
    );
    const sorted = [...shopIds].sort((a, b) => a - b);
    await c.query('select id from shops where id = any($1) order by id for no key update', [sorted]);
    await c.query(
      `update shops s set sales_count = s.sales_count + v.n from (values ${sorted.map((_, i) => `($${i * 2 + 1}::int, $${i * 2 + 2}::int)`).join(', ')}) as v(id, n) where s.id = v.id`,
      sorted.flatMap((id) => [id, shops.get(id)!.items]),
    );
    await c.query('delete from cart_items where cart_id = $1', [cartId]);
    await c.query(
      `insert into notifications (user_id, kind, payload) values ${shopIds.map((_, i) => `($${i * 2 + 1}, 'order.placed', $${i * 2 + 2})`).join(', ')}`,
      shopIds.flatMap((id) => [shops.get(id)!.owner, JSON.stringify({ orderId: orderOf.get(id), shopId: id })]),
    );
    await c.query(
      `update idempotency_keys set status = 'completed', response = $1, updated_at = now() where user_id = $2 and key = $3`,
      [JSON.stringify({ orders: orders.rows }), userId, key],
    );
    return pay.rows[0].id;
  });
  await pool.query(`update payments set status = 'captured', updated_at = $1 where id = $2`, [new Date(), paymentId]);
}
