// Stock holds: every statement that changes products.reserved or cart_items.held lives here.
// Lock order, everywhere: the cart row first, then product rows in ascending id. Cart lines are
// only changed by whoever holds their cart's lock, so these statements never wait on each other
// in a cycle (the sweeper takes cart locks with SKIP LOCKED).
import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/kysely';

export interface HoldRequest {
  cartId: number;
  productId: number;
  /** 'add' adds to what the line wants; 'set' replaces it. */
  mode: 'add' | 'set';
  quantity: number;
  maxLineQuantity: number;
  /** The caller's own shop: its listings cannot be held. */
  ownShopId: number | null;
  holdMinutes: number;
}

/**
 * In one statement: work out what the line should want, reserve (or release) the difference
 * with a conditional UPDATE, write the line fully held, and refresh the cart's other holds.
 * Returns nothing when the product cannot take the change (see diagnoseHold for why).
 */
export async function holdCartLine(tx: Tx, r: HoldRequest): Promise<{ quantity: number } | undefined> {
  const interval = `${r.holdMinutes} minutes`;
  const result = await sql<{ quantity: number }>`
    with line as (
      select quantity, held from cart_items where cart_id = ${r.cartId} and product_id = ${r.productId}
    ), want as (
      select (case when ${r.mode === 'add'} then coalesce((select quantity from line), 0) + ${r.quantity}::int
                   else ${r.quantity}::int end) as qty,
             coalesce((select held from line), 0) as held
    ), reserve as (
      update products p set reserved = p.reserved + (w.qty - w.held)
      from want w
      where p.id = ${r.productId}
        and w.qty <= ${r.maxLineQuantity}::int
        and p.shop_id is distinct from ${r.ownShopId}::int
        and (w.qty <= w.held or (p.status = 'active' and p.quantity - p.reserved >= w.qty - w.held))
      returning w.qty
    ), upsert as (
      insert into cart_items (cart_id, product_id, quantity, held, hold_expires_at)
      select ${r.cartId}, ${r.productId}, qty, qty, now() + ${interval}::interval from reserve
      on conflict (cart_id, product_id) do update
        set quantity = excluded.quantity, held = excluded.held, hold_expires_at = excluded.hold_expires_at
      returning id
    ), refresh as (
      update cart_items set hold_expires_at = now() + ${interval}::interval
      where cart_id = ${r.cartId} and product_id <> ${r.productId} and held > 0 and exists (select 1 from reserve)
      returning id
    )
    select qty as quantity from reserve`.execute(tx);
  return result.rows[0];
}

/** Why a hold was refused: the listing's state and what this cart already has. */
export function diagnoseHold(db: DbOrTx, cartId: number, productId: number) {
  return db
    .selectFrom('products as p')
    .leftJoin('cart_items as i', (j) => j.onRef('i.product_id', '=', 'p.id').on('i.cart_id', '=', cartId))
    .select(['p.status', 'p.shop_id', 'p.quantity', 'p.reserved', 'i.quantity as in_cart', 'i.held'])
    .where('p.id', '=', productId)
    .executeTakeFirst();
}

/** Deletes a line and releases what it held; refreshes the cart's other holds. */
export async function releaseCartLine(tx: Tx, cartId: number, productId: number, holdMinutes: number) {
  const interval = `${holdMinutes} minutes`;
  const result = await sql<{ product_id: number; held: number }>`
    with removed as (
      delete from cart_items where cart_id = ${cartId} and product_id = ${productId} returning product_id, held
    ), released as (
      update products p set reserved = p.reserved - removed.held
      from removed where p.id = removed.product_id and removed.held > 0
      returning p.id
    ), refresh as (
      update cart_items set hold_expires_at = now() + ${interval}::interval
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
  return db
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
    .where('p.id', '=', productId)
    .executeTakeFirst();
}
