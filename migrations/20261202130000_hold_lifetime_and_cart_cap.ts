// hold_cart_line(), third version (decision 0020): a hold has a maximum lifetime and a cart a cap
// on held units. `cart_items.held_since` records when the line's current hold began (reset when a
// line goes from nothing held to held); every renewal is capped at held_since + p_max_hold_minutes,
// so touching the cart no longer extends holds for ever. A change that would make the cart hold
// more than p_max_cart_units in total is refused ('cart_full'); shrinking is always allowed.
// Otherwise the same as 20261122110000_hold_cart_line_keeps_no_empty_cart.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cart_items').addColumn('held_since', 'timestamptz').execute();
  await sql`update cart_items set held_since = now() where held > 0`.execute(db);
  await sql`drop function if exists hold_cart_line(int, text, int, int, boolean, int, int, int)`.execute(db);
  await sql`
    create or replace function hold_cart_line(
      p_user_id int, p_guest_token text, p_product_id int, p_quantity int, p_add boolean,
      p_own_shop_id int, p_max int, p_hold_minutes int, p_max_hold_minutes int, p_max_cart_units int)
    returns table (cart_id int, outcome text, line_quantity int, available int, in_cart int)
    language plpgsql volatile as $$
    #variable_conflict use_column
    declare
      v_cart int;
      v_qty int;
      v_held int;
      v_since timestamptz;
      v_want int;
      v_free int;
      v_other int;
      v_created boolean;
      r record;
    begin
      if p_user_id is not null then
        insert into carts (user_id) values (p_user_id)
          on conflict (user_id) do update set updated_at = now() returning id, (xmax = 0) into v_cart, v_created;
      else
        insert into carts (guest_token) values (p_guest_token)
          on conflict (guest_token) do update set updated_at = now() returning id, (xmax = 0) into v_cart, v_created;
      end if;

      select i.quantity, i.held, i.held_since into v_qty, v_held, v_since
        from cart_items i where i.cart_id = v_cart and i.product_id = p_product_id;
      v_qty := coalesce(v_qty, 0);
      v_held := coalesce(v_held, 0);
      v_since := case when v_held > 0 then coalesce(v_since, now()) else now() end;
      v_want := case when p_add then v_qty + p_quantity else p_quantity end;
      select coalesce(sum(i.held), 0) into v_other
        from cart_items i where i.cart_id = v_cart and i.product_id <> p_product_id;

      if v_want <= p_max and (v_want <= v_held or v_other + v_want <= p_max_cart_units) then
        update products p set reserved = p.reserved + (v_want - v_held)
          where p.id = p_product_id
            and p.shop_id is distinct from p_own_shop_id
            and (v_want <= v_held or (p.status = 'active' and p.quantity - p.reserved >= v_want - v_held))
          returning p.quantity - p.reserved into v_free;
        if found then
          insert into cart_items as c (cart_id, product_id, quantity, held, held_since, hold_expires_at)
            values (v_cart, p_product_id, v_want, v_want, v_since,
                    least(now() + make_interval(mins => p_hold_minutes), v_since + make_interval(mins => p_max_hold_minutes)))
            on conflict (cart_id, product_id) do update
              set quantity = excluded.quantity, held = excluded.held, held_since = excluded.held_since,
                  hold_expires_at = excluded.hold_expires_at;
          update cart_items c
            set hold_expires_at = least(now() + make_interval(mins => p_hold_minutes),
                                        coalesce(c.held_since, now()) + make_interval(mins => p_max_hold_minutes))
            where c.cart_id = v_cart and c.product_id <> p_product_id and c.held > 0;
          return query select v_cart, 'ok'::text, v_want, v_free, v_want;
          return;
        end if;
      end if;

      -- Refused: a cart this call created is still empty; do not leave it behind.
      if v_created then
        delete from carts c where c.id = v_cart;
        v_cart := null;
      end if;

      select p.status, p.shop_id, greatest(0, p.quantity - p.reserved) as free
        into r from products p where p.id = p_product_id;
      if not found then
        return query select v_cart, 'not_found'::text, v_qty, 0, v_qty;
      elsif p_own_shop_id is not null and r.shop_id = p_own_shop_id then
        return query select v_cart, 'own_product'::text, v_qty, r.free, v_qty;
      elsif r.status <> 'active' then
        return query select v_cart, 'archived'::text, v_qty, 0, v_qty;
      elsif v_want > p_max then
        return query select v_cart, 'too_many'::text, v_qty, r.free, v_qty;
      elsif v_want > v_held and v_other + v_want > p_max_cart_units then
        return query select v_cart, 'cart_full'::text, v_qty, greatest(0, p_max_cart_units - v_other), v_qty;
      else
        return query select v_cart, 'insufficient'::text, v_qty, r.free, v_qty;
      end if;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists hold_cart_line(int, text, int, int, boolean, int, int, int, int, int)`.execute(db);
  await db.schema.alterTable('cart_items').dropColumn('held_since').execute();
  // The previous function is restored by re-running 20261122110000_hold_cart_line_keeps_no_empty_cart's up().
}
