// The unit price a cart line had when it was added, so the cart can say "was $24.00" when the
// seller changed it since. Set by a trigger on insert, whichever path adds the line (hold_cart_line,
// guest-cart merge), and never updated: raising the quantity later keeps the first price.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cart_items').addColumn('price_when_added_cents', 'bigint').execute();
  // Lines already in carts: their current price is the best we know (no "was" shown for them).
  await sql`
    update cart_items i set price_when_added_cents = p.price_cents from products p where p.id = i.product_id
  `.execute(db);
  await sql`
    create function cart_item_price_when_added() returns trigger language plpgsql as $$
    begin
      if new.price_when_added_cents is null then
        select price_cents into new.price_when_added_cents from products where id = new.product_id;
      end if;
      return new;
    end $$
  `.execute(db);
  await sql`
    create trigger cart_item_price_when_added before insert on cart_items
    for each row execute function cart_item_price_when_added()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists cart_item_price_when_added on cart_items`.execute(db);
  await sql`drop function if exists cart_item_price_when_added()`.execute(db);
  await db.schema.alterTable('cart_items').dropColumn('price_when_added_cents').execute();
}
