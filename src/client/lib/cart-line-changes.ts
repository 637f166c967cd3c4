// The cart as the shopper should see it while quantity changes and removals are on their way: the
// cached cart with each pending change applied on top, its totals and item count recomputed. The
// cart page's lines and the header's count both read it, so the count changes with the line (the
// header read the cache alone, and a cart read answered during a removal showed the old number).
import { type Mutation, type QueryClient, useMutationState } from '@tanstack/react-query';
import { lineInTotals } from '../../shared/availability';
import type { CartDto, CartItemDto } from '../../shared/schemas/cart';

/** What names one cart line to the server: listing, combination, personalisation. */
export interface LineVars {
  productId: number;
  variantId?: number;
  personalization?: string;
}
/** A quantity change, or a removal (no quantity). */
export type LineChange = LineVars & { quantity?: number };

const sameLine = (i: CartItemDto, l: LineVars) =>
  i.productId === l.productId &&
  (l.variantId === undefined || i.variantId === l.variantId) &&
  i.personalization === (l.personalization ?? '');

export const applyChange = (cart: CartDto, change: LineChange) => withQuantity(cart, change, change.quantity ?? 0);

/** Recomputes the totals the page shows from a cart with one line changed (server has the final word). */
function withQuantity(cart: CartDto, line: LineVars, quantity: number): CartDto {
  const shops = cart.shops
    .map((shop) => {
      const items = shop.items.map((i) => (sameLine(i, line) ? { ...i, quantity } : i)).filter((i) => i.quantity > 0);
      // Same rule as the server: a listing no longer for sale, or sold out, is not in the totals.
      const subtotalCents = items.reduce((s, i) => s + (lineInTotals(i) ? i.priceCents * i.quantity : 0), 0);
      return { ...shop, items, subtotalCents };
    })
    .filter((s) => s.items.length > 0);
  return {
    ...cart,
    shops,
    itemTotalCents: shops.reduce((s, x) => s + x.subtotalCents, 0),
    itemCount: shops.reduce((s, x) => s + x.items.reduce((n, i) => n + i.quantity, 0), 0),
  };
}

/**
 * The cart to show: the cached one with the quantity changes and removals still on their way
 * applied on top, so a read answered before they commit cannot put a removed line back on screen.
 */
export function useCartWithPendingChanges(cart: CartDto | undefined): CartDto | undefined {
  const pending = useMutationState<LineChange>({
    filters: { predicate: isLineChange, status: 'pending' },
    select: (m) => m.state.variables as LineChange,
  });
  return cart && pending.reduce(applyChange, cart);
}

const lineChangeKeys = [
  ['cart', 'updateQuantity'],
  ['cart', 'removeItem'],
].map((path) => JSON.stringify([path]));
const isLineChange = (m: Mutation) => lineChangeKeys.includes(JSON.stringify(m.options.mutationKey));

/** The line changes still on their way, oldest first. */
export const pendingLineChanges = (queryClient: QueryClient) =>
  queryClient
    .getMutationCache()
    .findAll({ predicate: isLineChange, status: 'pending' })
    .map((m) => m.state.variables as LineChange);
