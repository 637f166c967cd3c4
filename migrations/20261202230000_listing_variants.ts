// Variations (issue 16, decision 0080). Stock, price and SKU move to `listing_variants`, one row
// per combination; every listing has at least one: the implicit default (is_default, no options),
// created here for every existing listing with its price, quantity and reserved, so nothing is
// lost. `products.quantity`, `reserved` and `price_cents` stay as the listing's aggregate (kept by
// triggers, in the same transaction), so everything that reads the listing (search, cards, the
// in-stock outbox trigger, live streams) keeps working and "in stock" means "some combination is".
//
// Lock order (decision 0005, extended): the cart, then products in ascending id, then variants of
// products already locked. A variant is only written by a transaction holding its product's row
// lock, so variant locks never wait in a cycle; the product row stays the point where two
// checkouts of one listing queue, whichever combinations they buy.
//
// Two-way sync, never a loop (pg_trigger_depth() > 1 stops the echo):
// - a write to a variant applies its delta to the product (quantity counts enabled combinations,
//   plus what disabled ones still have held, so reserved <= quantity always holds); price_cents
//   is the lowest enabled price and price_max_cents the highest ("from $24");
// - a direct write to products.quantity/reserved/price_cents (a listing without variations: the
//   listing form, seed, tests) applies to its default combination; on a listing with variations
//   it is refused, because it cannot say which combination it means.
// - inserting a product creates its default combination.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table products
      add column variation_properties jsonb not null default '[]'::jsonb,
      add column price_max_cents bigint,
      add column personalization_prompt text,
      add column personalization_max_chars integer check (personalization_max_chars between 1 and 1024),
      add column personalization_required boolean not null default false,
      add column processing_days_min integer check (processing_days_min between 0 and 90),
      add column processing_days_max integer check (processing_days_max between 0 and 90),
      add column made_to_order boolean not null default false,
      add constraint products_processing_range check (processing_days_min <= processing_days_max),
      add constraint products_personalization_limit check (
        personalization_prompt is null or personalization_max_chars is not null)`.execute(db);

  await sql`
    create table listing_variants (
      id serial primary key,
      product_id integer not null references products(id) on delete cascade,
      is_default boolean not null default false,
      option1 text,
      option2 text,
      price_cents bigint not null check (price_cents >= 0),
      quantity integer not null check (quantity >= 0),
      reserved integer not null default 0 check (reserved >= 0),
      sku text not null default '',
      enabled boolean not null default true,
      position integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint listing_variants_reserved_le_quantity check (reserved <= quantity),
      constraint listing_variants_id_product unique (id, product_id),
      constraint listing_variants_options check (
        (is_default and option1 is null and option2 is null) or (not is_default and option1 is not null))
    )`.execute(db);
  await sql`create unique index listing_variants_combination on listing_variants
    (product_id, coalesce(option1, ''), coalesce(option2, ''))`.execute(db);
  await sql`create unique index listing_variants_one_default on listing_variants (product_id) where is_default`.execute(
    db,
  );
  await sql`
    insert into listing_variants (product_id, is_default, price_cents, quantity, reserved)
    select id, true, price_cents, quantity, reserved from products`.execute(db);

  // Cart lines and order items name their combination and carry the buyer's personalisation; two
  // lines of one combination with different texts are two lines.
  await sql`
    alter table cart_items
      add column variant_id integer,
      add column personalization text not null default ''`.execute(db);
  await sql`
    update cart_items i set variant_id = v.id from listing_variants v
    where v.product_id = i.product_id and v.is_default`.execute(db);
  await sql`
    alter table cart_items
      alter column variant_id set not null,
      add constraint cart_items_variant_fk foreign key (variant_id, product_id)
        references listing_variants (id, product_id),
      drop constraint cart_items_cart_product,
      add constraint cart_items_cart_line unique (cart_id, variant_id, personalization)`.execute(db);
  await sql`create index cart_items_variant_idx on cart_items (variant_id)`.execute(db);

  await sql`
    alter table order_items
      add column variant_id integer,
      add column options jsonb not null default '[]'::jsonb,
      add column personalization text not null default ''`.execute(db);
  await sql`
    update order_items i set variant_id = v.id from listing_variants v
    where v.product_id = i.product_id and v.is_default`.execute(db);
  await sql`
    alter table order_items
      alter column variant_id set not null,
      add constraint order_items_variant_fk foreign key (variant_id, product_id)
        references listing_variants (id, product_id)`.execute(db);

  // Writers that name only the listing (older paths, tests) get its default combination.
  await sql`
    create or replace function cart_item_price_when_added() returns trigger language plpgsql as $$
    begin
      if new.variant_id is null then
        select id into new.variant_id from listing_variants where product_id = new.product_id and is_default;
      end if;
      if new.price_when_added_cents is null then
        select price_cents into new.price_when_added_cents from listing_variants where id = new.variant_id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create function order_item_default_variant() returns trigger language plpgsql as $$
    begin
      if new.variant_id is null then
        select id into new.variant_id from listing_variants where product_id = new.product_id and is_default;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger order_item_default_variant before insert on order_items
    for each row execute function order_item_default_variant()`.execute(db);

  await sql`
    create function listing_variants_sync_product() returns trigger language plpgsql as $$
    declare
      pid integer;
      dq integer := 0;
      dr integer := 0;
      reprice boolean := true;
    begin
      if pg_trigger_depth() > 1 then return null; end if;
      if tg_op = 'DELETE' then pid := old.product_id; else pid := new.product_id; end if;
      if tg_op = 'UPDATE' then
        reprice := old.price_cents is distinct from new.price_cents or old.enabled is distinct from new.enabled;
      end if;
      if tg_op <> 'DELETE' then
        dq := case when new.enabled then new.quantity else new.reserved end;
        dr := new.reserved;
      end if;
      if tg_op <> 'INSERT' then
        dq := dq - case when old.enabled then old.quantity else old.reserved end;
        dr := dr - old.reserved;
      end if;
      if dq = 0 and dr = 0 and not reprice then return null; end if;
      update products p set
        quantity = p.quantity + dq,
        reserved = p.reserved + dr,
        price_cents = case when reprice then coalesce(r.lo, p.price_cents) else p.price_cents end,
        price_max_cents = case when reprice then (case when r.hi > r.lo then r.hi end) else p.price_max_cents end
      from (select min(price_cents) as lo, max(price_cents) as hi from listing_variants
            where product_id = pid and enabled) r
      where p.id = pid;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger listing_variants_sync_product after insert or update or delete on listing_variants
    for each row execute function listing_variants_sync_product()`.execute(db);

  await sql`
    create function products_sync_default_variant() returns trigger language plpgsql as $$
    begin
      if pg_trigger_depth() > 1 then return null; end if;
      if tg_op = 'INSERT' then
        insert into listing_variants (product_id, is_default, price_cents, quantity, reserved)
        values (new.id, true, new.price_cents, new.quantity, new.reserved);
        return null;
      end if;
      if new.variation_properties <> '[]'::jsonb then
        raise exception 'listing % has variations: change stock and price per combination', new.id
          using errcode = 'check_violation', constraint = 'products_stock_per_combination';
      end if;
      update listing_variants v set
        quantity = v.quantity + (new.quantity - old.quantity),
        reserved = v.reserved + (new.reserved - old.reserved),
        price_cents = new.price_cents,
        updated_at = now()
      where v.product_id = new.id and v.is_default;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger products_sync_default_variant_insert after insert on products
    for each row execute function products_sync_default_variant()`.execute(db);
  await sql`
    create trigger products_sync_default_variant_update after update of quantity, reserved, price_cents on products
    for each row when (old.quantity is distinct from new.quantity or old.reserved is distinct from new.reserved
                       or old.price_cents is distinct from new.price_cents)
    execute function products_sync_default_variant()`.execute(db);

  // hold_cart_line, fourth version: the line is (cart, combination, personalisation). Lock order:
  // the cart (upsert), the product row (FOR NO KEY UPDATE), then the combination's conditional
  // UPDATE. Personalisation is checked against the listing's settings in the same statement.
  await sql`drop function if exists hold_cart_line(int, text, int, int, boolean, int, int, int, int, int)`.execute(db);
  await sql`
    create function hold_cart_line(
      p_user_id int, p_guest_token text, p_product_id int, p_variant_id int, p_personalization text,
      p_quantity int, p_add boolean, p_own_shop_id int, p_max int, p_hold_minutes int,
      p_max_hold_minutes int, p_max_cart_units int)
    returns table (cart_id int, outcome text, line_quantity int, available int, in_cart int, variant_id int)
    language plpgsql volatile as $$
    #variable_conflict use_column
    declare
      v_cart int;
      v_line int;
      v_variant int := p_variant_id;
      v_qty int;
      v_held int;
      v_since timestamptz;
      v_want int;
      v_free int;
      v_other int;
      v_created boolean;
      p record;
      v record;
      v_outcome text;
      v_avail int := 0;
    begin
      if p_user_id is not null then
        insert into carts (user_id) values (p_user_id)
          on conflict (user_id) do update set updated_at = now() returning id, (xmax = 0) into v_cart, v_created;
      else
        insert into carts (guest_token) values (p_guest_token)
          on conflict (guest_token) do update set updated_at = now() returning id, (xmax = 0) into v_cart, v_created;
      end if;

      select pr.status, pr.shop_id, pr.variation_properties <> '[]'::jsonb as varies,
             pr.personalization_prompt is not null as personalizable, pr.personalization_max_chars as max_chars,
             pr.personalization_required as required
        into p from products pr where pr.id = p_product_id for no key update;
      if not found then
        v_outcome := 'not_found';
      elsif p_own_shop_id is not null and p.shop_id = p_own_shop_id then
        v_outcome := 'own_product';
      elsif p.status <> 'active' then
        v_outcome := 'archived';
      elsif v_variant is null and p.varies then
        v_outcome := 'choose_variant';
      else
        if v_variant is null then
          select lv.id into v_variant from listing_variants lv where lv.product_id = p_product_id and lv.is_default;
        end if;
        select lv.id, lv.enabled, lv.quantity, lv.reserved into v
          from listing_variants lv where lv.id = v_variant and lv.product_id = p_product_id;
        if not found then
          v_outcome := 'variant_not_found';
        else
          v_avail := case when v.enabled then greatest(0, v.quantity - v.reserved) else 0 end;
        end if;
        if v_outcome is not null then
          null;
        elsif not p.personalizable and p_personalization <> '' then
          v_outcome := 'personalization_not_offered';
        elsif p.personalizable and p.required and p_personalization = '' then
          v_outcome := 'personalization_required';
        elsif p.personalizable and char_length(p_personalization) > p.max_chars then
          v_outcome := 'personalization_too_long';
        end if;
      end if;

      if v_outcome is null then
        select i.id, i.quantity, i.held, i.held_since into v_line, v_qty, v_held, v_since
          from cart_items i
          where i.cart_id = v_cart and i.variant_id = v_variant and i.personalization = p_personalization;
        v_qty := coalesce(v_qty, 0);
        v_held := coalesce(v_held, 0);
        v_since := case when v_held > 0 then coalesce(v_since, now()) else now() end;
        v_want := case when p_add then v_qty + p_quantity else p_quantity end;
        select coalesce(sum(i.held), 0) into v_other
          from cart_items i where i.cart_id = v_cart and i.id is distinct from v_line;

        if v_want > p_max then
          v_outcome := 'too_many';
        elsif v_want > v_held and v_other + v_want > p_max_cart_units then
          v_outcome := 'cart_full';
        elsif v_want > v_held and not v.enabled then
          v_outcome := 'variant_off';
        else
          update listing_variants lv set reserved = lv.reserved + (v_want - v_held), updated_at = now()
            where lv.id = v_variant and (v_want <= v_held or lv.quantity - lv.reserved >= v_want - v_held)
            returning lv.quantity - lv.reserved into v_free;
          if found then
            insert into cart_items as c (cart_id, product_id, variant_id, personalization, quantity, held,
                                         held_since, hold_expires_at)
              values (v_cart, p_product_id, v_variant, p_personalization, v_want, v_want, v_since,
                      least(now() + make_interval(mins => p_hold_minutes),
                            v_since + make_interval(mins => p_max_hold_minutes)))
              on conflict (cart_id, variant_id, personalization) do update
                set quantity = excluded.quantity, held = excluded.held, held_since = excluded.held_since,
                    hold_expires_at = excluded.hold_expires_at
              returning c.id into v_line;
            update cart_items c
              set hold_expires_at = least(now() + make_interval(mins => p_hold_minutes),
                                          coalesce(c.held_since, now()) + make_interval(mins => p_max_hold_minutes))
              where c.cart_id = v_cart and c.id <> v_line and c.held > 0;
            return query select v_cart, 'ok'::text, v_want, v_free, v_want, v_variant;
            return;
          end if;
          v_outcome := 'insufficient';
          -- The conditional update re-read the row under its lock: report what is free now.
          select case when lv.enabled then greatest(0, lv.quantity - lv.reserved) else 0 end into v_avail
            from listing_variants lv where lv.id = v_variant;
        end if;
      end if;

      -- Refused: nothing was held. A cart this call created is still empty; do not leave it behind.
      if v_created then
        delete from carts c where c.id = v_cart;
        v_cart := null;
      end if;
      return query select v_cart, v_outcome, coalesce(v_qty, 0),
        case when v_outcome = 'cart_full' then greatest(0, p_max_cart_units - v_other) else v_avail end,
        coalesce(v_qty, 0), v_variant;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists hold_cart_line(int, text, int, int, text, int, boolean, int, int, int, int, int)`.execute(
    db,
  );
  await sql`drop trigger products_sync_default_variant_update on products`.execute(db);
  await sql`drop trigger products_sync_default_variant_insert on products`.execute(db);
  await sql`drop function products_sync_default_variant()`.execute(db);
  await sql`drop trigger listing_variants_sync_product on listing_variants`.execute(db);
  await sql`drop function listing_variants_sync_product()`.execute(db);
  await sql`drop trigger order_item_default_variant on order_items`.execute(db);
  await sql`drop function order_item_default_variant()`.execute(db);
  await sql`alter table order_items drop column variant_id, drop column options, drop column personalization`.execute(
    db,
  );
  await sql`alter table cart_items drop constraint cart_items_cart_line`.execute(db);
  await sql`alter table cart_items drop column variant_id, drop column personalization`.execute(db);
  await sql`alter table cart_items add constraint cart_items_cart_product unique (cart_id, product_id)`.execute(db);
  await sql`drop table listing_variants`.execute(db);
  await sql`
    alter table products
      drop column variation_properties, drop column price_max_cents, drop column personalization_prompt,
      drop column personalization_max_chars, drop column personalization_required,
      drop column processing_days_min, drop column processing_days_max, drop column made_to_order`.execute(db);
  // hold_cart_line v3 and cart_item_price_when_added's previous body are restored by re-running
  // 20261202130000_hold_lifetime_and_cart_cap and 20261202110100_cart_line_price_when_added's up().
}
