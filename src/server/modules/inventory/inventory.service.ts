// Inventory holds: what a cart line reserves, how holds are refused, released, swept and merged.
// available = quantity - reserved; every change happens under a row lock (see the repository for
// the lock order). Availability events go out after each commit that changed it.
import { availableUnits } from '../../../shared/availability';
import { DomainError } from '../../../shared/errors';
import type { AvailabilityDto } from '../../../shared/schemas/cart';
import { MAX_LINE_QUANTITY } from '../../../shared/schemas/cart';
import type { Tx } from '../../db/kysely';
import { inTransaction, retryingConflicts } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import type { CartLineRow, CartOwner } from '../cart/cart.repository';
import { publishAvailability } from '../realtime/inventory-events';
import { vacationError } from '../shops/vacation-error';
import { personalizationError } from '../variations/personalization-rules';
import {
  adjustVariantReserved,
  availabilityRow,
  type CartOwnerFilter,
  cartLinesForMerge,
  clearHolds,
  deleteCart,
  expiredHoldsInCarts,
  holdCartLine,
  type LineKey,
  lockCartsHoldingShopStock,
  lockCartsWithExpiredHolds,
  lockGuestCart,
  lockProductsInOrder,
  type MergeLine,
  releaseCartLine,
  shopHoldsInCarts,
  shopsOnVacation,
  upsertAccountCart,
  variantStock,
  waitForShopListingLocks,
  writeMergedLines,
} from './inventory.repository';

export interface LineChange {
  owner: CartOwner;
  productId: number;
  variantId: number | null;
  personalization: string;
  mode: 'add' | 'set';
  quantity: number;
  ownShopId: number | null;
}

/**
 * Holds stock for a cart line (one atomic statement) or explains why not. Returns the cart's
 * lines as they are after the hold, read in the same statement.
 */
export async function holdStockForLine(deps: AppDeps, change: LineChange): Promise<CartLineRow[]> {
  const { hold: r, lines } = await holdCartLine(deps.db, {
    ...change,
    maxLineQuantity: MAX_LINE_QUANTITY,
    holdMinutes: deps.config.holdMinutes,
    maxHoldMinutes: deps.config.holdMaxMinutes,
    maxCartUnits: deps.config.cartMaxHeldUnits,
  });
  switch (r.outcome) {
    case 'ok':
      void publishAvailability(deps, [change.productId]);
      return lines;
    case 'on_vacation':
      throw vacationError({
        name: r.shop_name ?? '',
        message: r.vacation_message ?? '',
        returnsOn: r.vacation_returns_on,
      });
    case 'not_found':
      throw new DomainError('NOT_FOUND', 'Listing not found.');
    case 'own_product':
      throw new DomainError('OWN_PRODUCT', 'You cannot buy listings from your own shop.');
    case 'archived':
      throw new DomainError('BAD_REQUEST', 'This listing is no longer for sale.', { reason: 'archived' });
    case 'choose_variant':
      throw new DomainError('BAD_REQUEST', 'Choose an option first: this listing comes in several combinations.', {
        field: 'variantId',
        reason: 'choose_variant',
      });
    case 'variant_not_found':
      throw new DomainError('NOT_FOUND', 'That combination is not one this listing offers.', { field: 'variantId' });
    case 'variant_off':
      throw new DomainError('BAD_REQUEST', 'That combination is not available at the moment.', {
        field: 'variantId',
        reason: 'variant_off',
      });
    case 'personalization_not_offered':
    case 'personalization_required':
    case 'personalization_too_long':
      throw personalizationError(r.outcome);
    case 'too_many':
      throw new DomainError('BAD_REQUEST', `A cart line can hold at most ${MAX_LINE_QUANTITY} units.`, {
        field: 'quantity',
      });
    case 'cart_full':
      throw new DomainError(
        'BAD_REQUEST',
        `A cart can hold at most ${deps.config.cartMaxHeldUnits} units at once; check out or remove some first.`,
        { field: 'quantity', reason: 'cart_full', maxHeldUnits: deps.config.cartMaxHeldUnits, canAdd: r.available },
      );
    case 'insufficient':
      throw new DomainError(
        'INSUFFICIENT_INVENTORY',
        r.available === 0
          ? 'Sorry, none left: the rest are in other shoppers’ carts or sold.'
          : `Only ${r.available} more available.`,
        { available: r.available, inCart: r.in_cart, productId: change.productId },
      );
  }
}

/**
 * Removes a line from the owner's cart and releases its hold (one statement). Returns whether one
 * existed, and the cart's lines after the removal, read in the same statement.
 */
export async function releaseLine(
  deps: AppDeps,
  owner: CartOwner,
  line: LineKey,
): Promise<{ removed: boolean; lines: CartLineRow[] }> {
  const holds = { holdMinutes: deps.config.holdMinutes, maxHoldMinutes: deps.config.holdMaxMinutes };
  const { removed, lines } = await releaseCartLine(deps.db, owner, line, holds);
  return { removed: removed !== undefined, lines };
}

export async function productAvailability(
  deps: AppDeps,
  productId: number,
  owner: CartOwnerFilter,
  ownShopId: number | null,
  variantId: number | null = null,
): Promise<AvailabilityDto> {
  const row = await availabilityRow(deps.db, productId, owner, variantId);
  if (!row) throw new DomainError('NOT_FOUND', variantId === null ? 'Listing not found.' : 'Combination not found.');
  const status0 = row.status === 'active' && row.enabled ? 'active' : 'archived';
  const available = availableUnits({ quantity: row.quantity, reserved: row.reserved, status: status0 });
  const inCart = row.in_cart ?? 0;
  const heldByOthers = status0 === 'active' ? (row.others_held ?? 0) : 0;
  // "Held" only when holds are the reason nothing is free: stock exists, it is all in carts.
  const heldOut = available === 0 && heldByOthers > 0;
  return {
    available,
    inCart,
    inOtherCarts: row.other_carts ?? 0,
    canAddMore: available > 0 && row.shop_id !== ownShopId && inCart < MAX_LINE_QUANTITY,
    status: status0 !== 'active' ? 'unavailable' : available > 0 ? 'available' : heldOut ? 'held' : 'sold_out',
    heldByOthers,
    nextReleaseAt: heldOut && row.next_release_at ? new Date(row.next_release_at).toISOString() : null,
    ownListing: ownShopId !== null && row.shop_id === ownShopId,
  };
}

/**
 * Releases holds whose time ran out, keeping the lines in their carts with nothing held.
 * Safe with several workers: carts are claimed with SKIP LOCKED, products locked in id order.
 */
export async function releaseExpiredHolds(deps: AppDeps, batchCarts = 200): Promise<{ released: number }> {
  let released = 0;
  for (;;) {
    const batch = await inTransaction(deps.db, async (tx) => {
      const cartIds = await lockCartsWithExpiredHolds(tx, batchCarts);
      if (cartIds.length === 0) return { lines: 0, productIds: [] as number[], more: false };
      const holds = await expiredHoldsInCarts(tx, cartIds);
      if (holds.length === 0) return { lines: 0, productIds: [], more: true };
      const deltas = new Map<number, number>();
      for (const h of holds) deltas.set(h.variant_id, (deltas.get(h.variant_id) ?? 0) - h.held);
      const productIds = [...new Set(holds.map((h) => h.product_id))];
      await lockProductsInOrder(tx, productIds);
      await adjustVariantReserved(tx, deltas);
      await clearHolds(
        tx,
        holds.map((h) => h.id),
      );
      return { lines: holds.length, productIds, more: cartIds.length === batchCarts };
    });
    released += batch.lines;
    if (batch.productIds.length) await publishAvailability(deps, batch.productIds);
    if (!batch.more) return { released };
  }
}

/**
 * After a shop goes on vacation (decision 0091): waits for the holds in flight on its listings
 * (decision 0170), then releases every hold on its stock in a transaction of its own. Returns the
 * listings whose availability changed. The shop is already on vacation when this runs, so a wait
 * that fails (retried on deadlock first) is logged and the release still runs: releasing without
 * the wait leaves a narrow race open, not releasing leaves every hold.
 */
export async function releaseHoldsOfShopGoneAway(deps: AppDeps, shopId: number): Promise<number[]> {
  try {
    await retryingConflicts(() => waitForShopListingLocks(deps.db, shopId));
  } catch (err) {
    deps.log.error({ shopId, err: String(err) }, 'vacation: could not wait for holds in flight; releasing anyway');
  }
  return inTransaction(deps.db, (tx) => releaseShopHolds(tx, shopId));
}

/**
 * Inside the caller's transaction: releases every hold on this shop's stock (vacation mode). The
 * lines stay in their carts with nothing held, as when a hold expires. Returns the listings whose
 * availability changed, for the caller to announce after commit.
 */
export async function releaseShopHolds(tx: Tx, shopId: number): Promise<number[]> {
  const cartIds = await lockCartsHoldingShopStock(tx, shopId);
  if (cartIds.length === 0) return [];
  const holds = await shopHoldsInCarts(tx, shopId, cartIds);
  if (holds.length === 0) return [];
  // As releaseExpiredHolds: products locked in id order, then their variants' reserved adjusted.
  const deltas = new Map<number, number>();
  for (const h of holds) deltas.set(h.variant_id, (deltas.get(h.variant_id) ?? 0) - h.held);
  const productIds = [...new Set(holds.map((h) => h.product_id))];
  await lockProductsInOrder(tx, productIds);
  await adjustVariantReserved(tx, deltas);
  await clearHolds(
    tx,
    holds.map((h) => h.id),
  );
  return productIds;
}

/**
 * Moves a guest cart into the account cart at sign-in. Held units move with their lines; a
 * combined line only grows as far as free stock allows, so merging never oversells.
 */
export async function mergeGuestCart(
  deps: AppDeps,
  guestToken: string,
  userId: number,
  ownShopId: number | null,
): Promise<void> {
  const changed = await inTransaction(deps.db, async (tx) => {
    const guestCartId = await lockGuestCart(tx, guestToken);
    if (guestCartId === null) return [];
    const accountCartId = await upsertAccountCart(tx, userId);
    // A line is a combination with its personalisation; the same pair in both carts combines.
    const key = (l: MergeLine) => `${l.variantId}|${l.personalization}`;
    const guestLines = new Map<string, MergeLine>();
    const accountLines = new Map<string, MergeLine>();
    for (const l of await cartLinesForMerge(tx, [guestCartId, accountCartId])) {
      const target = l.cartId === guestCartId ? guestLines : accountLines;
      target.set(key(l), l);
    }
    const products = await lockProductsInOrder(tx, [...new Set([...guestLines.values()].map((l) => l.productId))]);
    const productById = new Map(products.map((p) => [p.id, p]));
    // Read after the listings are locked: a shop that goes on vacation after this read waits for
    // this transaction before releasing its holds (decision 0170), so it releases these too.
    const away = await shopsOnVacation(tx, [...new Set(products.map((p) => p.shop_id))]);
    const variants = new Map(
      (await variantStock(tx, [...new Set([...guestLines.values()].map((l) => l.variantId))])).map((v) => [v.id, v]),
    );
    const deltas = new Map<number, number>();
    const addDelta = (variantId: number, d: number) => deltas.set(variantId, (deltas.get(variantId) ?? 0) + d);
    const merged: MergeLine[] = [];
    // Lines in a stable order (combination id), so stock goes to lines the same way every time.
    const ordered = [...guestLines.entries()].sort(([, a], [, b]) => a.variantId - b.variantId);
    for (const [k, g] of ordered) {
      const p = productById.get(g.productId)!;
      const v = variants.get(g.variantId)!;
      const a = accountLines.get(k);
      if (p.shop_id === ownShopId || p.status !== 'active' || !v.enabled) {
        addDelta(v.id, -g.held);
        continue;
      }
      // A shop on vacation holds nothing (decision 0091): the line joins the account cart unheld,
      // as the shop's own release leaves lines.
      if (away.has(p.shop_id)) {
        const heldNow = g.held + (a?.held ?? 0);
        addDelta(v.id, -heldNow);
        const quantity = Math.min(MAX_LINE_QUANTITY, Math.max(g.quantity, a?.quantity ?? 0));
        merged.push({ productId: p.id, variantId: v.id, personalization: g.personalization, quantity, held: 0 });
        continue;
      }
      const free =
        availableUnits({ quantity: v.quantity, reserved: v.reserved, status: 'active' }) - (deltas.get(v.id) ?? 0);
      const wanted = Math.min(MAX_LINE_QUANTITY, g.quantity + (a?.quantity ?? 0));
      const heldNow = g.held + (a?.held ?? 0);
      const held = Math.max(0, Math.min(wanted, heldNow + free));
      addDelta(v.id, held - heldNow);
      // Nothing left to hold: keep the line (shown as unavailable) rather than silently drop it.
      const quantity = held > 0 ? held : Math.max(g.quantity, a?.quantity ?? 0);
      merged.push({ productId: p.id, variantId: v.id, personalization: g.personalization, quantity, held });
    }
    await adjustVariantReserved(tx, deltas);
    await deleteCart(tx, guestCartId);
    // The merged holds start now, renewable up to the hold's maximum lifetime like any other.
    const heldSince = new Date();
    const minutes = Math.min(deps.config.holdMinutes, deps.config.holdMaxMinutes);
    await writeMergedLines(tx, accountCartId, merged, {
      heldSince,
      expiresAt: new Date(heldSince.getTime() + minutes * 60_000),
    });
    return products.map((p) => p.id);
  });
  if (changed.length) await publishAvailability(deps, changed);
}
