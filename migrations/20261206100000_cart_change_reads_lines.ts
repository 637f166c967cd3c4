// A cart change answers with the cart in the same round trip (issue 13 item 3; decision 0170).
// Adding or removing a line took two: the hold (or release) function, then the read of the cart's
// lines that the answer shows. Now one statement does both:
//   select ... from hold_open_cart_line(...) h left join lateral cart_lines(<h's cart when ok>) l on true
// - cart_line_rows: the cart read as a view (the columns of modules/cart findCartLines; a test
//   keeps the two equal).
// - cart_lines(cart_id): that read as a plpgsql function. It must not be a plain SQL function nor
//   a join on the view: those would read with the statement's snapshot, taken before the hold
//   wrote the line. A volatile plpgsql function's query takes a fresh snapshot, after the writes
//   of the function called before it in the same statement (the lateral reference orders them).
// - release_cart_line now always returns one row with the owner's cart id (null: no cart), and the
//   removed line's product and held units (null: there was no such line), so the read can follow
//   it in the same statement. Its locks and writes are unchanged.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create view cart_line_rows as
      select c.id as cart_id, i.id, i.product_id, i.variant_id, i.personalization, i.quantity, i.held,
             i.hold_expires_at, i.price_when_added_cents, p.title, v.price_cents, p.images, v.quantity as stock,
             v.reserved, v.enabled, v.option1, v.option2, p.variation_properties, p.processing_days_min,
             p.processing_days_max, p.made_to_order, p.personalization_prompt, p.personalization_max_chars,
             p.personalization_required, p.status, s.id as shop_id, s.name as shop_name, s.slug as shop_slug,
             s.owner_id, s.flat_rate_cents, s.free_over_cents, s.processing_days, s.vacation_since,
             s.vacation_message, s.vacation_returns_on
      from carts c
      join cart_items i on i.cart_id = c.id
      join products p on p.id = i.product_id
      join listing_variants v on v.id = i.variant_id
      join shops s on s.id = p.shop_id`.execute(db);

  await sql`
    create function cart_lines(p_cart_id int) returns setof cart_line_rows
    language plpgsql volatile as $$
    begin
      return query select * from cart_line_rows r where r.cart_id = p_cart_id order by r.shop_id, r.id;
    end $$`.execute(db);

  await sql`drop function release_cart_line(int, text, int, int, text, int, int)`.execute(db);
  await sql`
    create function release_cart_line(
      p_user_id int, p_guest_token text, p_product_id int, p_variant_id int, p_personalization text,
      p_hold_minutes int, p_max_hold_minutes int)
    returns table (cart_id int, product_id int, held int)
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
        return query select null::int, null::int, null::int;
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
        select v_cart, removed.product_id, removed.held from (select 1) one left join removed on true;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function release_cart_line(int, text, int, int, text, int, int)`.execute(db);
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
  await sql`drop function cart_lines(int)`.execute(db);
  await sql`drop view cart_line_rows`.execute(db);
}
