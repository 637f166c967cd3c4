// The floor under checkout: its essential SQL as ONE round trip, a function the bench installs
// (never part of the app). It locks the cart and its listings in id order, refuses if stock is
// short, converts holds to sales, writes the payment, one order per shop, items, first history
// entry and seller notifications, empties the cart and records the idempotency key. What it
// leaves out is what needs the app: payment provider calls, pricing rules, tax, the response.
import type pg from 'pg';

export const FLOOR_FUNCTION = `
create or replace function bench_checkout_floor(p_user int, p_key uuid, p_address jsonb) returns int
language plpgsql as $$
declare
  v_cart int;
  v_total bigint;
  v_payment int;
  v_short int;
begin
  select id into v_cart from carts where user_id = p_user for update;
  if v_cart is null then raise exception 'no cart'; end if;
  if to_regclass('pg_temp.bench_lines') is null then
    create temp table bench_lines (product_id int, qty int, held int, price bigint, title text, image text,
      shop_id int) on commit delete rows;
  end if;
  insert into bench_lines
  select i.product_id, i.quantity, i.held, p.price_cents, p.title, p.images[1], p.shop_id
  from cart_items i join products p on p.id = i.product_id
  where i.cart_id = v_cart order by p.id for no key update of p;
  select count(*) into v_short from bench_lines l join products p on p.id = l.product_id
  where p.status <> 'active' or l.qty - l.held > p.quantity - p.reserved;
  if v_short > 0 then raise exception 'insufficient stock'; end if;
  update products p set quantity = p.quantity - l.qty, reserved = p.reserved - l.held,
    sales_count = p.sales_count + l.qty, updated_at = now()
  from bench_lines l where p.id = l.product_id;
  select sum(l.price * l.qty) + sum(distinct s.flat_rate_cents) into v_total
  from bench_lines l join shops s on s.id = l.shop_id;
  insert into payments (buyer_id, provider, provider_ref, amount_cents, status)
  values (p_user, 'test', 'pi_floor_' || p_key, v_total, 'captured') returning id into v_payment;
  with per_shop as (
    select l.shop_id, sum(l.price * l.qty) as subtotal, sum(l.qty) as units, min(s.flat_rate_cents) as shipping,
           min(s.owner_id) as owner_id
    from bench_lines l join shops s on s.id = l.shop_id group by l.shop_id
  ), ord as (
    insert into orders (buyer_id, shop_id, payment_id, status, subtotal_cents, shipping_cents, tax_cents,
                        total_cents, shipping_address)
    select p_user, shop_id, v_payment, 'paid', subtotal, shipping, 0, subtotal + shipping, p_address
    from per_shop returning id, shop_id, total_cents
  ), items as (
    insert into order_items (order_id, product_id, title, image, price_cents, quantity)
    select ord.id, l.product_id, l.title, l.image, l.price, l.qty from bench_lines l join ord using (shop_id)
  ), history as (
    insert into order_status_history (order_id, status, note) select id, 'paid', 'Payment authorised' from ord
  )
  insert into notifications (user_id, kind, payload)
  select ps.owner_id, 'order.placed', jsonb_build_object('orderId', ord.id, 'shopId', ord.shop_id,
         'itemCount', ps.units, 'totalCents', ord.total_cents)
  from ord join per_shop ps using (shop_id);
  delete from cart_items where cart_id = v_cart;
  insert into idempotency_keys (user_id, key, request_hash, status, response)
  values (p_user, p_key, 'floor', 'completed', jsonb_build_object('paymentId', v_payment));
  return v_payment;
end $$`;

export async function installFloor(pool: pg.Pool) {
  await pool.query(FLOOR_FUNCTION);
}

/** One checkout of the buyer's (already held) cart in one round trip. */
export async function floorCheckout(pool: pg.Pool, userId: number, address: Record<string, string>) {
  await pool.query('select bench_checkout_floor($1, $2, $3)', [userId, crypto.randomUUID(), JSON.stringify(address)]);
}
