// Cart changes in one round trip each (issue 13 item 3). Removing a line took five (BEGIN, lock
// the cart, lock the product, delete and release, COMMIT) and adding one took two (the vacation
// check, then hold_cart_line). Both are now one function call with the same locks in the same
// order (cart, product, combination), so nothing about the races changes:
// - release_cart_line: locks the owner's cart (none: nothing to do), then the product row, then
//   deletes the line, gives back what it held and refreshes the cart's other holds (the statement
//   removeItem ran before, unchanged).
// - hold_open_cart_line: refuses a listing of a shop on vacation before anything is written
//   (outcome 'on_vacation' with what the refusal names), else calls hold_cart_line unchanged.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function release_cart_line(
      p_user_id int, p_guest_token text, p_product_id int, p_variant_id int, p_personalization text,
      p_hold_minutes int, p_max_hold_minutes int)
    returns table (product_id int, held int)
    language plpgsql volatile as $$
    #variable_conflict use_column
    declare
      v_cart int;
    begin
      if p_user_id is not null then
        select c.id into v_cart from carts c where c.user_id = p_user_id for update;
      else
        select c.id into v_cart from carts c where c.guest_token = p_guest_token for update;
      end if;
      if v_cart is null then
        return;
      end if;
      perform 1 from products p where p.id = p_product_id for no key update;
      return query
        with target as (
          select i.id from cart_items i
          where i.cart_id = v_cart and i.product_id = p_product_id and i.personalization = p_personalization
            and i.variant_id = coalesce(p_variant_id,
              (select v.id from listing_variants v where v.product_id = p_product_id and v.is_default))
        ), removed as (
          delete from cart_items where id = (select id from target) returning product_id, variant_id, held
        ), released as (
          update listing_variants v set reserved = v.reserved - removed.held
          from removed where v.id = removed.variant_id and removed.held > 0
          returning v.id
        ), refresh as (
          update cart_items
          set hold_expires_at = least(now() + make_interval(mins => p_hold_minutes),
                                      coalesce(held_since, now()) + make_interval(mins => p_max_hold_minutes))
          where cart_id = v_cart and id <> (select id from target) and held > 0
          returning id
        )
        select removed.product_id, removed.held from removed;
    end $$`.execute(db);

  await sql`
    create function hold_open_cart_line(
      p_user_id int, p_guest_token text, p_product_id int, p_variant_id int, p_personalization text,
      p_quantity int, p_add boolean, p_own_shop_id int, p_max int, p_hold_minutes int,
      p_max_hold_minutes int, p_max_cart_units int)
    returns table (cart_id int, outcome text, line_quantity int, available int, in_cart int, variant_id int,
                   shop_name text, vacation_message text, vacation_returns_on text)
    language plpgsql volatile as $$
    declare
      s record;
    begin
      select sh.name, sh.vacation_message, sh.vacation_returns_on into s
        from products pr join shops sh on sh.id = pr.shop_id
        where pr.id = p_product_id and sh.vacation_since is not null;
      if found then
        return query select null::int, 'on_vacation'::text, 0, 0, 0, p_variant_id,
          s.name::text, s.vacation_message::text, s.vacation_returns_on::text;
        return;
      end if;
      return query select h.cart_id, h.outcome, h.line_quantity, h.available, h.in_cart, h.variant_id,
          null::text, null::text, null::text
        from hold_cart_line(p_user_id, p_guest_token, p_product_id, p_variant_id, p_personalization, p_quantity,
          p_add, p_own_shop_id, p_max, p_hold_minutes, p_max_hold_minutes, p_max_cart_units) h;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function hold_open_cart_line(int, text, int, int, text, int, boolean, int, int, int, int, int)`.execute(
    db,
  );
  await sql`drop function release_cart_line(int, text, int, int, text, int, int)`.execute(db);
}
