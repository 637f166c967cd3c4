// Cart identity (one per account, one per guest cookie) and the joined read of a cart's lines.
// A line's price and stock are its combination's (listing_variants), not the listing's aggregate.
import type { DbOrTx, Tx } from '../../db/kysely';

export type CartOwner = { userId: number } | { guestToken: string };

/** Locks the owner's cart if it exists. */
export async function lockCart(tx: Tx, owner: CartOwner): Promise<number | undefined> {
  let q = tx.selectFrom('carts').select('id');
  q = 'userId' in owner ? q.where('user_id', '=', owner.userId) : q.where('guest_token', '=', owner.guestToken);
  return (await q.forUpdate().executeTakeFirst())?.id;
}

/** Every line of a cart with its listing and shop, grouped-ready (ordered by shop, then line). */
export function findCartLines(db: DbOrTx, cart: CartOwner | { cartId: number }) {
  let q = db
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
  if ('cartId' in cart) q = q.where('c.id', '=', cart.cartId);
  else if ('userId' in cart) q = q.where('c.user_id', '=', cart.userId);
  else q = q.where('c.guest_token', '=', cart.guestToken);
  return q.execute();
}

export type CartLineRow = Awaited<ReturnType<typeof findCartLines>>[number];

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
