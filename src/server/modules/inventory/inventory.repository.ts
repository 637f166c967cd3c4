// Stock holds: every statement that changes listing_variants.reserved or cart_items.held lives
// here (products.quantity/reserved follow by trigger, decision 0080).
// Lock order, everywhere: the cart row first, then product rows in ascending id, then variant rows
// of products already locked. Cart lines are only changed by whoever holds their cart's lock, and a
// variant only by whoever holds its product's lock, so these statements never wait on each other
// in a cycle (the sweeper takes cart locks with SKIP LOCKED).
import { CompiledQuery, sql } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../db/kysely';
import type { CartLineRow } from '../cart/cart.repository';

export interface HoldRequest {
  owner: { userId: number } | { guestToken: string };
  productId: number;
  /** The combination; null: the listing's default (refused as 'choose_variant' when it has variations). */
  variantId: number | null;
  /** The buyer's text ('' for none); a different text is a different line. */
  personalization: string;
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

export type HoldOutcome =
  | 'ok'
  | 'not_found'
  | 'own_product'
  | 'archived'
  | 'choose_variant'
  | 'variant_not_found'
  | 'variant_off'
  | 'personalization_not_offered'
  | 'personalization_required'
  | 'personalization_too_long'
  | 'too_many'
  | 'cart_full'
  | 'insufficient'
  | 'on_vacation';

interface HoldResult {
  cart_id: number;
  outcome: HoldOutcome;
  line_quantity: number;
  available: number;
  in_cart: number;
  variant_id: number | null;
  shop_name: string | null;
  vacation_message: string | null;
  vacation_returns_on: string | null;
}

// Every cart change is one statement sent as fixed SQL text with its parameters (built and
// compiled by the query builder it cost more app CPU than the rest of a cart call's SQL
// handling). It changes the line and answers with the cart's lines in the same round trip: the
// function's result joined laterally to cart_lines() (migration 20261206100000_cart_change_reads_lines),
// whose read takes its snapshot after the change. scripts/bench/raw-sql.ts sends the same text.
const HOLD_CART_LINE_AND_READ = `select to_json(h) as hold, l.*
  from hold_open_cart_line($1::int, $2::text, $3::int, $4::int, $5::text, $6::int, $7::boolean,
    coalesce($8::int, (select id from shops where owner_id = $1::int)), $9::int, $10::int, $11::int, $12::int) h
  left join lateral cart_lines(case when h.outcome = 'ok' then h.cart_id end) l on true
  order by l.shop_id, l.id`;
const RELEASE_CART_LINE_AND_READ = `select r.product_id as removed_product_id, r.held as removed_held, l.*
  from release_cart_line($1::int, $2::text, $3::int, $4::int, $5::text, $6::int, $7::int) r
  left join lateral cart_lines(r.cart_id) l on true
  order by l.shop_id, l.id`;
export const CART_CHANGE_SQL = { hold: HOLD_CART_LINE_AND_READ, release: RELEASE_CART_LINE_AND_READ };

/** The lines of a cart change's answer: a row with no line (id null) is the empty cart's. */
function linesOf<T extends { id: number | null }>(rows: T[]): CartLineRow[] {
  return rows.filter((r) => r.id !== null) as unknown as CartLineRow[];
}

/**
 * One round trip, one atomic statement: plpgsql `hold_open_cart_line()` (migration
 * 20261203400100_cart_line_single_calls): a listing of a shop on vacation is refused first
 * ('on_vacation', nothing written, the shop's name and vacation details returned), else
 * `hold_cart_line()` as last (re)defined by migration 20261202230000_listing_variants (a newer
 * migration that replaces either function must update this line):
 * lock or create the cart, lock the product, check the combination and personalisation, reserve
 * the difference with a conditional UPDATE of the combination, write the line fully held,
 * refresh the cart's other holds. When the outcome is not 'ok' nothing was held and no lines are
 * read; when it is, `lines` is the cart as it is after the hold (cart_lines()).
 * The buyer's own shop (whose listings they cannot buy) is read in the same statement when not
 * given, so it is as of the point of decision, never a session's cached value.
 */
export async function holdCartLine(db: DbOrTx, r: HoldRequest): Promise<{ hold: HoldResult; lines: CartLineRow[] }> {
  const userId = 'userId' in r.owner ? r.owner.userId : null;
  const guestToken = 'guestToken' in r.owner ? r.owner.guestToken : null;
  const result = await db.executeQuery<{ hold: HoldResult; id: number | null }>(
    CompiledQuery.raw(HOLD_CART_LINE_AND_READ, [
      userId,
      guestToken,
      r.productId,
      r.variantId,
      r.personalization,
      r.quantity,
      r.mode === 'add',
      r.ownShopId,
      r.maxLineQuantity,
      r.holdMinutes,
      r.maxHoldMinutes,
      r.maxCartUnits,
    ]),
  );
  return { hold: result.rows[0]!.hold, lines: linesOf(result.rows) };
}

export interface LineKey {
  productId: number;
  /** Null: the listing's default combination. */
  variantId: number | null;
  personalization: string;
}

/**
 * One round trip, one atomic statement: plpgsql `release_cart_line()` (migration
 * 20261206100000_cart_change_reads_lines) locks the owner's cart (none: nothing happens), then the
 * product row, deletes the line, releases what it held and refreshes the cart's other holds.
 * Returns the removed line (undefined when there was none) and the cart's lines after it.
 */
export async function releaseCartLine(
  db: DbOrTx,
  owner: { userId: number } | { guestToken: string },
  line: LineKey,
  holds: { holdMinutes: number; maxHoldMinutes: number },
): Promise<{ removed: { product_id: number; held: number } | undefined; lines: CartLineRow[] }> {
  const userId = 'userId' in owner ? owner.userId : null;
  const guestToken = 'guestToken' in owner ? owner.guestToken : null;
  const result = await db.executeQuery<{
    removed_product_id: number | null;
    removed_held: number | null;
    id: number | null;
  }>(
    CompiledQuery.raw(RELEASE_CART_LINE_AND_READ, [
      userId,
      guestToken,
      line.productId,
      line.variantId,
      line.personalization,
      holds.holdMinutes,
      holds.maxHoldMinutes,
    ]),
  );
  const first = result.rows[0]!;
  const removed =
    first.removed_product_id === null
      ? undefined
      : { product_id: first.removed_product_id, held: first.removed_held ?? 0 };
  return { removed, lines: linesOf(result.rows) };
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

/** Applies reserved deltas to combinations whose products the caller already locked. */
export async function adjustVariantReserved(tx: Tx, deltas: ReadonlyMap<number, number>) {
  const entries = [...deltas].filter(([, d]) => d !== 0).sort(([a], [b]) => a - b);
  if (entries.length === 0) return;
  const values = sql.join(entries.map(([id, d]) => sql`(${id}::int, ${d}::int)`));
  await sql`
    update listing_variants v set reserved = v.reserved + d.delta, updated_at = now()
    from (values ${values}) as d(id, delta) where v.id = d.id`.execute(tx);
}

export interface VariantStockRow {
  id: number;
  product_id: number;
  quantity: number;
  reserved: number;
  enabled: boolean;
}

/** Stock of combinations whose products the caller already locked (so the read is current). */
export function variantStock(tx: Tx, variantIds: readonly number[]): Promise<VariantStockRow[]> {
  if (variantIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('listing_variants')
    .select(['id', 'product_id', 'quantity', 'reserved', 'enabled'])
    .where('id', 'in', [...variantIds])
    .orderBy('id')
    .execute();
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
  variantId: number;
  personalization: string;
  quantity: number;
  held: number;
}

export async function cartLinesForMerge(tx: Tx, cartIds: number[]): Promise<(MergeLine & { cartId: number })[]> {
  const rows = await tx
    .selectFrom('cart_items')
    .select(['cart_id', 'product_id', 'variant_id', 'personalization', 'quantity', 'held'])
    .where('cart_id', 'in', cartIds)
    .execute();
  return rows.map((r) => ({
    cartId: r.cart_id,
    productId: r.product_id,
    variantId: r.variant_id,
    personalization: r.personalization,
    quantity: r.quantity,
    held: r.held,
  }));
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
        variant_id: m.variantId,
        personalization: m.personalization,
        quantity: m.quantity,
        held: m.held,
        held_since: m.held > 0 ? hold.heldSince : null,
        hold_expires_at: hold.expiresAt,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['cart_id', 'variant_id', 'personalization']).doUpdateSet((eb) => ({
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
    .select(['id', 'product_id', 'variant_id', 'held'])
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

/**
 * Stock of a listing (its aggregate over combinations) or of one combination, with the caller's
 * units in cart (summed over their lines: one line per combination and personalisation) and the
 * units other carts hold. No row: no such listing, or the combination is not the listing's.
 */
export async function availabilityRow(
  db: DbOrTx,
  productId: number,
  owner: CartOwnerFilter,
  variantId: number | null = null,
) {
  const mineFilter =
    owner === null
      ? sql`false`
      : 'userId' in owner
        ? sql`c.user_id = ${owner.userId}`
        : sql`c.guest_token = ${owner.guestToken}`;
  const lineFilter = variantId === null ? sql`true` : sql`i.variant_id = ${variantId}`;
  const otherFilter = variantId === null ? sql`true` : sql`o.variant_id = ${variantId}`;
  const stock =
    variantId === null
      ? sql`select p.quantity, p.reserved, true as enabled`
      : sql`select v.quantity, v.reserved, v.enabled from listing_variants v
            where v.id = ${variantId} and v.product_id = p.id`;
  const r = await sql<{
    quantity: number;
    reserved: number;
    enabled: boolean;
    status: 'active' | 'archived';
    shop_id: number;
    in_cart: number | null;
    my_held: number | null;
    other_carts: number;
    others_held: number;
    next_release_at: Date | null;
  }>`
    with mine as (
      select i.cart_id, sum(i.quantity)::int as quantity, sum(i.held)::int as held
      from cart_items i join carts c on c.id = i.cart_id
      where i.product_id = ${productId} and ${lineFilter} and ${mineFilter}
      group by i.cart_id
    )
    select s.quantity, s.reserved, s.enabled, p.status, p.shop_id, mine.quantity as in_cart, mine.held as my_held,
      o.other_carts, o.others_held, o.next_release_at
    from products p
      cross join lateral (${stock}) s
      left join mine on true
      cross join lateral (
        -- Units other carts hold, and when the first of those holds runs out: a one-of-a-kind item in
        -- someone's cart is "in someone's cart, may free up at …", not sold out.
        select count(distinct o.cart_id)::int as other_carts, coalesce(sum(o.held), 0)::int as others_held,
               min(o.hold_expires_at) as next_release_at
        from cart_items o
        where o.product_id = p.id and ${otherFilter} and o.held > 0 and o.cart_id is distinct from mine.cart_id
      ) o
    where p.id = ${productId}`.execute(db);
  return r.rows[0];
}

// ---- shop on vacation ----

/** Of these shops, the ones on vacation now. */
export async function shopsOnVacation(tx: Tx, shopIds: readonly number[]): Promise<Set<number>> {
  if (shopIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom('shops')
    .select('id')
    .where('id', 'in', [...shopIds])
    .where('vacation_since', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Waits until no statement holds a lock on one of the shop's listings, then lets go (its own
 * statement: FOR SHARE waits for every hold, release and checkout in flight on those rows and
 * the locks end with the statement). A hold answers with its cart read before it commits
 * (decision 0170), so one in flight when the shop went on vacation may have read the shop as
 * open; waiting for it means the release that follows sees its line.
 */
export async function waitForShopListingLocks(db: Db, shopId: number): Promise<void> {
  await sql`select count(*) from (select 1 from products where shop_id = ${shopId} order by id for share) locked`.execute(
    db,
  );
}

/** Locks, in id order, the carts that hold stock of this shop (carts first: the global lock order). */
export async function lockCartsHoldingShopStock(tx: Tx, shopId: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    select id from carts
    where id in (
      select i.cart_id from cart_items i join products p on p.id = i.product_id
      where p.shop_id = ${shopId} and i.held > 0)
    order by id
    for update`.execute(tx);
  return rows.rows.map((r) => r.id);
}

export function shopHoldsInCarts(tx: Tx, shopId: number, cartIds: number[]) {
  return tx
    .selectFrom('cart_items as i')
    .innerJoin('products as p', 'p.id', 'i.product_id')
    .select(['i.id', 'i.product_id', 'i.variant_id', 'i.held'])
    .where('i.cart_id', 'in', cartIds)
    .where('p.shop_id', '=', shopId)
    .where('i.held', '>', 0)
    .execute();
}
