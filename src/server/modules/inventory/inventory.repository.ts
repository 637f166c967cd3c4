// Stock holds: every statement that changes products.reserved or cart_items.held lives here.
// Lock order, everywhere: the cart row first, then product rows in ascending id. Cart lines are
// only changed by whoever holds their cart's lock, so these statements never wait on each other
// in a cycle (the sweeper takes cart locks with SKIP LOCKED).
import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/kysely';

export interface HoldRequest {
  owner: { userId: number } | { guestToken: string };
  productId: number;
  /** 'add' adds to what the line wants; 'set' replaces it. */
  mode: 'add' | 'set';
  quantity: number;
  maxLineQuantity: number;
  /** The caller's own shop: its listings cannot be held. Null: read from the database (users). */
  ownShopId: number | null;
  holdMinutes: number;
  /** A hold is never renewed past held_since + this (decision 0020). */
  maxHoldMinutes: number;
  /** Units one cart may hold across all its lines. */
  maxCartUnits: number;
}

export type HoldOutcome = 'ok' | 'not_found' | 'own_product' | 'archived' | 'too_many' | 'cart_full' | 'insufficient';

/**
 * One round trip, one atomic statement: plpgsql `hold_cart_line()`, as last (re)defined by
 * migration 20261202130000_hold_lifetime_and_cart_cap (a newer migration that replaces
 * the function must update this line):
 * lock or create the cart, reserve the difference with a conditional UPDATE, write the line
 * fully held, refresh the cart's other holds. When the outcome is not 'ok' nothing was held.
 */
/**
 * One round trip. The buyer's own shop (whose listings they cannot buy) is read in the same
 * statement when not given, so it is as of the point of decision, never a session's cached
 * value, and costs no extra query.
 */
export async function holdCartLine(db: DbOrTx, r: HoldRequest) {
  const userId = 'userId' in r.owner ? r.owner.userId : null;
  const guestToken = 'guestToken' in r.owner ? r.owner.guestToken : null;
  const result = await sql<{
    cart_id: number;
    outcome: HoldOutcome;
    line_quantity: number;
    available: number;
    in_cart: number;
  }>`select * from hold_cart_line(${userId}::int, ${guestToken}::text, ${r.productId}::int, ${r.quantity}::int,
      ${r.mode === 'add'}::boolean,
      coalesce(${r.ownShopId}::int, (select id from shops where owner_id = ${userId}::int)),
      ${r.maxLineQuantity}::int, ${r.holdMinutes}::int, ${r.maxHoldMinutes}::int, ${r.maxCartUnits}::int)`.execute(db);
  return result.rows[0];
}

/** Deletes a line and releases what it held; refreshes the cart's other holds. */
export async function releaseCartLine(
  tx: Tx,
  cartId: number,
  productId: number,
  holds: { holdMinutes: number; maxHoldMinutes: number },
) {
  const interval = `${holds.holdMinutes} minutes`;
  const lifetime = `${holds.maxHoldMinutes} minutes`;
  const result = await sql<{ product_id: number; held: number }>`
    with removed as (
      delete from cart_items where cart_id = ${cartId} and product_id = ${productId} returning product_id, held
    ), released as (
      update products p set reserved = p.reserved - removed.held
      from removed where p.id = removed.product_id and removed.held > 0
      returning p.id
    ), refresh as (
      update cart_items
      set hold_expires_at = least(now() + ${interval}::interval, coalesce(held_since, now()) + ${lifetime}::interval)
      where cart_id = ${cartId} and product_id <> ${productId} and held > 0
      returning id
    )
    select product_id, held from removed`.execute(tx);
  return result.rows[0];
}

export interface StockRow {
  id: number;
  quantity: number;
  reserved: number;
  status: 'active' | 'archived';
  shop_id: number;
}

/** Locks product rows in ascending id order (the global lock order) and returns their stock. */
export function lockProductsInOrder(tx: Tx, productIds: readonly number[]): Promise<StockRow[]> {
  if (productIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('products')
    .select(['id', 'quantity', 'reserved', 'status', 'shop_id'])
    .where('id', 'in', [...productIds])
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
}

/** Applies reserved deltas to products the caller already locked. */
export async function adjustReserved(tx: Tx, deltas: ReadonlyMap<number, number>) {
  const entries = [...deltas].filter(([, d]) => d !== 0);
  if (entries.length === 0) return;
  const values = sql.join(entries.map(([id, d]) => sql`(${id}::int, ${d}::int)`));
  await sql`
    update products p set reserved = p.reserved + v.delta
    from (values ${values}) as v(id, delta) where p.id = v.id`.execute(tx);
}

// ---- guest cart merge at sign-in ----

/** Locks the guest cart (first in the lock order); null when the token has no cart. */
export async function lockGuestCart(tx: Tx, guestToken: string): Promise<number | null> {
  const row = await tx
    .selectFrom('carts')
    .select('id')
    .where('guest_token', '=', guestToken)
    .where('user_id', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The account's cart, created if missing; the upsert also locks its row. */
export async function upsertAccountCart(tx: Tx, userId: number): Promise<number> {
  const row = await tx
    .insertInto('carts')
    .values({ user_id: userId })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ updated_at: new Date() }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface MergeLine {
  productId: number;
  quantity: number;
  held: number;
}

export async function cartLinesForMerge(tx: Tx, cartIds: number[]): Promise<(MergeLine & { cartId: number })[]> {
  const rows = await tx
    .selectFrom('cart_items')
    .select(['cart_id', 'product_id', 'quantity', 'held'])
    .where('cart_id', 'in', cartIds)
    .execute();
  return rows.map((r) => ({ cartId: r.cart_id, productId: r.product_id, quantity: r.quantity, held: r.held }));
}

/** Deletes a cart whose holds the caller already released or moved (its lines go with it). */
export async function deleteCart(tx: Tx, cartId: number) {
  await tx.deleteFrom('carts').where('id', '=', cartId).execute();
}

/** Writes the merged lines into the account cart, replacing lines it already had. */
/** Writes merged lines; their holds start now (`heldSince`), so the hold lifetime counts from the merge. */
export async function writeMergedLines(
  tx: Tx,
  cartId: number,
  lines: MergeLine[],
  hold: { heldSince: Date; expiresAt: Date },
) {
  if (lines.length === 0) return;
  await tx
    .insertInto('cart_items')
    .values(
      lines.map((m) => ({
        cart_id: cartId,
        product_id: m.productId,
        quantity: m.quantity,
        held: m.held,
        held_since: m.held > 0 ? hold.heldSince : null,
        hold_expires_at: hold.expiresAt,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['cart_id', 'product_id']).doUpdateSet((eb) => ({
        quantity: eb.ref('excluded.quantity'),
        held: eb.ref('excluded.held'),
        held_since: eb.ref('excluded.held_since'),
        hold_expires_at: eb.ref('excluded.hold_expires_at'),
      })),
    )
    .execute();
}

// ---- sweeper ----

/** Locks up to `limit` carts that hold expired stock, skipping carts another worker or request holds. */
export async function lockCartsWithExpiredHolds(tx: Tx, limit: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    select id from carts
    where id in (select cart_id from cart_items where held > 0 and hold_expires_at < now() limit ${limit * 20})
    order by id limit ${limit}
    for update skip locked`.execute(tx);
  return rows.rows.map((r) => r.id);
}

export function expiredHoldsInCarts(tx: Tx, cartIds: number[]) {
  return tx
    .selectFrom('cart_items')
    .select(['id', 'product_id', 'held'])
    .where('cart_id', 'in', cartIds)
    .where('held', '>', 0)
    .where('hold_expires_at', '<', sql<Date>`now()`)
    .execute();
}

export function clearHolds(tx: Tx, cartItemIds: number[]) {
  return tx.updateTable('cart_items').set({ held: 0 }).where('id', 'in', cartItemIds).execute();
}

// ---- availability ----

export type CartOwnerFilter = { userId: number } | { guestToken: string } | null;

export function availabilityRow(db: DbOrTx, productId: number, owner: CartOwnerFilter) {
  return (
    db
      .selectFrom('products as p')
      .leftJoin(
        (eb) => {
          let mine = eb
            .selectFrom('cart_items as i')
            .innerJoin('carts as c', 'c.id', 'i.cart_id')
            .select(['i.cart_id', 'i.quantity', 'i.held'])
            .where('i.product_id', '=', productId);
          if (owner === null) mine = mine.where(sql<boolean>`false`);
          else if ('userId' in owner) mine = mine.where('c.user_id', '=', owner.userId);
          else mine = mine.where('c.guest_token', '=', owner.guestToken);
          return mine.as('mine');
        },
        (j) => j.on(sql<boolean>`true`),
      )
      .select(['p.quantity', 'p.reserved', 'p.status', 'p.shop_id', 'mine.quantity as in_cart', 'mine.held as my_held'])
      .select((eb) =>
        eb
          .selectFrom('cart_items as o')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('o.product_id', '=', 'p.id')
          .where('o.held', '>', 0)
          .where((w) => w.or([w('mine.cart_id', 'is', null), w('o.cart_id', '<>', w.ref('mine.cart_id'))]))
          .as('other_carts'),
      )
      // Units other carts hold, and when the first of those holds runs out: a one-of-a-kind item in
      // someone's cart is "in someone's cart, may free up at …", not sold out.
      .select((eb) =>
        eb
          .selectFrom('cart_items as o')
          .select([sql<number>`coalesce(sum(o.held), 0)::int`.as('held')])
          .whereRef('o.product_id', '=', 'p.id')
          .where('o.held', '>', 0)
          .where((w) => w.or([w('mine.cart_id', 'is', null), w('o.cart_id', '<>', w.ref('mine.cart_id'))]))
          .as('others_held'),
      )
      .select((eb) =>
        eb
          .selectFrom('cart_items as o')
          .select(sql<Date | null>`min(o.hold_expires_at)`.as('at'))
          .whereRef('o.product_id', '=', 'p.id')
          .where('o.held', '>', 0)
          .where((w) => w.or([w('mine.cart_id', 'is', null), w('o.cart_id', '<>', w.ref('mine.cart_id'))]))
          .as('next_release_at'),
      )
      .where('p.id', '=', productId)
      .executeTakeFirst()
  );
}
