// Cart identity (one per account, one per guest cookie) and the joined read of a cart's lines.
// A line's price and stock are its combination's (listing_variants), not the listing's aggregate.
import { CompiledQuery, type InferResult } from 'kysely';
import type { DbOrTx, Tx } from '../../db/kysely';

export type CartOwner = { userId: number } | { guestToken: string };

/** Locks the owner's cart if it exists. */
export async function lockCart(tx: Tx, owner: CartOwner): Promise<number | undefined> {
  let q = tx.selectFrom('carts').select('id');
  q = 'userId' in owner ? q.where('user_id', '=', owner.userId) : q.where('guest_token', '=', owner.guestToken);
  return (await q.forUpdate().executeTakeFirst())?.id;
}

type CartKey = { cartId: number } | { userId: number } | { guestToken: string };

/** The read of a cart's lines, as a query (compiled once per kind of key, see findCartLines). */
function cartLinesQuery(db: DbOrTx, cart: CartKey) {
  const q = db
    .selectFrom('carts as c')
    .innerJoin('cart_items as i', 'i.cart_id', 'c.id')
    .innerJoin('products as p', 'p.id', 'i.product_id')
    .innerJoin('listing_variants as v', 'v.id', 'i.variant_id')
    .innerJoin('shops as s', 's.id', 'p.shop_id')
    .select([
      'c.id as cart_id',
      'i.id',
      'i.product_id',
      'i.variant_id',
      'i.personalization',
      'i.quantity',
      'i.held',
      'i.hold_expires_at',
      'i.price_when_added_cents',
      'p.title',
      'v.price_cents',
      'p.images',
      'v.quantity as stock',
      'v.reserved',
      'v.enabled',
      'v.option1',
      'v.option2',
      'p.variation_properties',
      'p.processing_days_min',
      'p.processing_days_max',
      'p.made_to_order',
      'p.personalization_prompt',
      'p.personalization_max_chars',
      'p.personalization_required',
      'p.status',
      's.id as shop_id',
      's.name as shop_name',
      's.slug as shop_slug',
      's.owner_id',
      's.flat_rate_cents',
      's.free_over_cents',
      's.processing_days',
      's.vacation_since',
      's.vacation_message',
      's.vacation_returns_on',
    ])
    .orderBy('s.id')
    .orderBy('i.id');
  if ('cartId' in cart) return q.where('c.id', '=', cart.cartId);
  if ('userId' in cart) return q.where('c.user_id', '=', cart.userId);
  return q.where('c.guest_token', '=', cart.guestToken);
}

export type CartLineRow = InferResult<ReturnType<typeof cartLinesQuery>>[number];

/** SQL text of cartLinesQuery per kind of key; its one parameter is the key's value. */
const compiledCartLines = new Map<string, string>();

/**
 * Every line of a cart with its listing and shop, grouped-ready (ordered by shop, then line).
 * Read on every cart change, quote and checkout: the query is built and compiled once per kind
 * of key and then sent with the key's value (building and compiling it cost more app CPU than
 * the rest of a cart call's SQL handling).
 */
export async function findCartLines(db: DbOrTx, cart: CartOwner | CartKey): Promise<CartLineRow[]> {
  const [kind, value] =
    'cartId' in cart
      ? ['cartId', cart.cartId]
      : 'userId' in cart
        ? ['userId', cart.userId]
        : ['guestToken', cart.guestToken];
  let text = compiledCartLines.get(kind);
  if (!text) {
    text = cartLinesQuery(db, cart).compile().sql;
    compiledCartLines.set(kind, text);
  }
  const result = await db.executeQuery<CartLineRow>(CompiledQuery.raw(text, [value]));
  return result.rows;
}

/** A line of this cart with what its listing asks of personalisation; undefined when not this cart's. */
export function findLineForEdit(tx: Tx, cartId: number, cartItemId: number) {
  return tx
    .selectFrom('cart_items as i')
    .innerJoin('products as p', 'p.id', 'i.product_id')
    .select([
      'i.id',
      'i.product_id',
      'i.variant_id',
      'i.personalization',
      'p.personalization_prompt',
      'p.personalization_max_chars',
      'p.personalization_required',
    ])
    .where('i.id', '=', cartItemId)
    .where('i.cart_id', '=', cartId)
    .executeTakeFirst();
}

/** Another line of the cart with the same combination and text (the one the edit would become). */
export function findTwinLine(tx: Tx, line: { cartId: number; id: number; variantId: number; personalization: string }) {
  return tx
    .selectFrom('cart_items')
    .select(['id', 'quantity'])
    .where('cart_id', '=', line.cartId)
    .where('variant_id', '=', line.variantId)
    .where('personalization', '=', line.personalization)
    .where('id', '<>', line.id)
    .executeTakeFirst();
}

export function setLinePersonalization(tx: Tx, cartItemId: number, personalization: string) {
  return tx.updateTable('cart_items').set({ personalization }).where('id', '=', cartItemId).execute();
}
