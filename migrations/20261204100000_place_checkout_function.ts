// checkout.place's commit in one round trip (issue 13 item 3, decision 0134). Before: BEGIN, lock
// the cart and its lines, the write statement, COMMIT (four round trips, the app pricing the
// locked lines in between). `place_checkout()` takes the lines the app priced before the lock
// (its "snapshot") and, in one call:
// - locks the owner's cart (FOR UPDATE), then the lines' products and combinations in ascending id
//   (FOR NO KEY UPDATE; the global lock order: cart, products ascending, their combinations);
// - compares the locked lines with the snapshot: the same lines (id, combination, text, quantity)
//   and everything the app priced or writes from them (price, title, image, options, status,
//   shop, owner, shipping policy, vacation), and checks every combination still has the free
//   stock its lines need beyond what they hold. Any difference: outcome 'changed', nothing is
//   written, and the app redoes the commit under its own lock to say what changed (refusal with
//   PRICE_CHANGED or INSUFFICIENT_STOCK, or a commit at the price the buyer confirmed);
// - else writes what writeCheckout wrote (the same statement, unchanged): holds become sales on the
//   combinations (their trigger carries the change to the listing row, so the combination logic
//   stays in listing_variants_sync_product), the listings' sales counts, the payment record, one
//   order per shop with items, first history entry, seller notification, shop sales event and
//   mails, the cart emptied, the idempotency record completed with the response.
// Outcome 'empty': no cart, or no lines.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function place_checkout(
      p_user_id int, p_guest_token text, p_snapshot jsonb,
      p_buyer_id int, p_buyer_name text, p_provider text, p_provider_ref text, p_amount_cents bigint,
      p_payment_status text, p_address jsonb, p_guest boolean, p_orders jsonb, p_items jsonb,
      p_idempotency_key uuid, p_response_orders jsonb, p_total_charged_cents bigint)
    returns table (outcome text, payment_id int, order_id int, shop_id int)
    language plpgsql volatile as $$
    #variable_conflict use_column
    declare
      v_cart int;
      v_locked int;
      v_differ int;
    begin
      if p_user_id is not null then
        select c.id into v_cart from carts c where c.user_id = p_user_id for update;
      else
        select c.id into v_cart from carts c where c.guest_token = p_guest_token for update;
      end if;
      if v_cart is null then
        return query select 'empty'::text, null::int, null::int, null::int;
        return;
      end if;

      with locked as materialized (
        select i.id, i.product_id, i.variant_id, i.personalization, i.quantity, i.held, v.price_cents,
               v.quantity as stock, v.reserved, v.enabled, v.option1, v.option2, p.title, p.images[1] as image,
               p.variation_properties, p.status, s.id as shop_id, s.owner_id, s.flat_rate_cents,
               s.free_over_cents, s.vacation_since
        from cart_items i
          join products p on p.id = i.product_id
          join listing_variants v on v.id = i.variant_id
          join shops s on s.id = p.shop_id
        where i.cart_id = v_cart
        order by p.id, v.id, i.id
        for no key update of p, v
      ), needs as (
        select l.*, sum(l.quantity - l.held) over (partition by l.variant_id) as extra_wanted from locked l
      ), snap as (
        select * from jsonb_to_recordset(p_snapshot) as e(
          id int, product_id int, variant_id int, personalization text, quantity int, price_cents int,
          enabled boolean, option1 text, option2 text, title text, image text, variation_properties jsonb,
          status text, shop_id int, owner_id int, flat_rate_cents int, free_over_cents int, on_vacation boolean)
      )
      select count(l.id), count(*) filter (where
               l.id is null or e.id is null
               or (l.product_id, l.variant_id, l.personalization, l.quantity, l.price_cents, l.enabled, l.title,
                   l.status::text, l.shop_id, l.owner_id, l.flat_rate_cents, l.vacation_since is not null)
                  is distinct from
                  (e.product_id, e.variant_id, e.personalization, e.quantity, e.price_cents, e.enabled, e.title,
                   e.status, e.shop_id, e.owner_id, e.flat_rate_cents, e.on_vacation)
               or l.option1 is distinct from e.option1 or l.option2 is distinct from e.option2
               or l.image is distinct from e.image or l.free_over_cents is distinct from e.free_over_cents
               or l.variation_properties is distinct from e.variation_properties
               or l.status <> 'active' or not l.enabled or l.vacation_since is not null
               or l.extra_wanted > greatest(0, l.stock - l.reserved))
      into v_locked, v_differ
      from needs l full join snap e on e.id = l.id;

      if v_locked = 0 then
        return query select 'empty'::text, null::int, null::int, null::int;
        return;
      end if;
      if v_differ > 0 then
        return query select 'changed'::text, null::int, null::int, null::int;
        return;
      end if;

      return query
      with sale as (
        select i.product_id, i.variant_id, i.quantity, i.held from cart_items i where i.cart_id = v_cart
      ), sold as (
        -- The combination's stock; its trigger carries the change to the listing's aggregate.
        update listing_variants lv
        set quantity = lv.quantity - v.quantity, reserved = lv.reserved - v.held, updated_at = now()
        from (select variant_id, sum(quantity)::int as quantity, sum(held)::int as held from sale group by 1) v
        where lv.id = v.variant_id
      ), counted as (
        update products p
        set sales_count = p.sales_count + v.quantity, updated_at = now()
        from (select product_id, sum(quantity)::int as quantity from sale group by 1) v
        where p.id = v.product_id
      ), pay as (
        insert into payments (buyer_id, provider, provider_ref, amount_cents, status)
        values (p_buyer_id, p_provider, p_provider_ref, p_amount_cents, p_payment_status)
        returning id
      ), src as (
        select * from jsonb_to_recordset(p_orders) as o(
          "shopId" int, "ownerId" int, "subtotalCents" bigint, "shippingCents" bigint, "taxCents" bigint,
          "totalCents" bigint, "itemCount" int)
      ), ord as (
        insert into orders (buyer_id, shop_id, payment_id, status, subtotal_cents, shipping_cents, tax_cents,
                            total_cents, shipping_address, placed_as_guest)
        select p_buyer_id, src."shopId", pay.id, 'paid', src."subtotalCents", src."shippingCents", src."taxCents",
               src."totalCents", p_address, p_guest
        from src cross join pay
        returning id, shop_id
      ), lines as (
        insert into order_items (order_id, product_id, variant_id, options, personalization, title, image,
                                 price_cents, quantity)
        select ord.id, i."productId", i."variantId", i.options, i.personalization, i.title, i.image, i."priceCents",
               i.quantity
        from jsonb_to_recordset(p_items) as i(
          "shopId" int, "productId" int, "variantId" int, options jsonb, personalization text, title text,
          image text, "priceCents" bigint, quantity int)
        join ord on ord.shop_id = i."shopId"
      ), history as (
        insert into order_status_history (order_id, status, note) select id, 'paid', 'Payment authorised' from ord
      ), notes as (
        insert into notifications (user_id, kind, payload)
        select src."ownerId", 'order.placed',
               jsonb_build_object('orderId', ord.id, 'shopId', ord.shop_id, 'buyerName', p_buyer_name,
                                  'itemCount', src."itemCount", 'totalCents', src."totalCents")
        from src join ord on ord.shop_id = src."shopId"
      ), shop_sales as (
        insert into shop_sales_events (shop_id, units) select "shopId", "itemCount" from src
      ), mails as (
        -- The buyer's confirmation (every shop's order in one mail) and each seller's new-order
        -- mail, queued with the orders they report; sent by the email job (decision 0072).
        insert into email_outbox (kind, payload, dedupe_key)
        select 'order.confirmation', jsonb_build_object('paymentId', pay.id, 'guest', p_guest),
               'order-confirmation:' || pay.id from pay
        union all
        select 'order.new', jsonb_build_object('orderId', ord.id), 'order-new:' || ord.id from ord
      ), cleared as (
        delete from cart_items where cart_id = v_cart
      ), completed as (
        update idempotency_keys k set status = 'completed', updated_at = now(),
          response = jsonb_build_object(
            'orders', (
              select jsonb_agg(t.o || jsonb_build_object('orderId', ord.id) order by t.n)
              from jsonb_array_elements(p_response_orders) with ordinality as t(o, n)
              join ord on ord.shop_id = (t.o->>'shopId')::int),
            'totalChargedCents', p_total_charged_cents)
        where k.user_id = p_buyer_id and k.key = p_idempotency_key
      )
      select 'ok'::text, pay.id, ord.id, ord.shop_id from ord cross join pay;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function place_checkout(int, text, jsonb, int, text, text, text, bigint, text, jsonb, boolean, jsonb,
    jsonb, uuid, jsonb, bigint)`.execute(db);
}
