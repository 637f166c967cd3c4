// The cart page's changes: quantity and removal, optimistic (the page updates at once) and rolled
// back with a toast when the server says no. The server's answer is the cart from then on, with any
// change still under way on top. Two things could put a removed line back for a moment, and
// neither may: a cart read sent before the removal committed (the page refetches the cart when
// availability changes live) answering after it, and the first of two quick Removes answering with
// a cart that still holds the second line.
import { type Mutation, type QueryClient, useMutationState, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { lineInTotals } from '../../../shared/availability';
import type { CartDto, CartItemDto } from '../../../shared/schemas/cart';
import { describeError, trpc } from '../../trpc';

/** What names one cart line to the server: listing, combination, personalisation. */
export interface LineVars {
  productId: number;
  variantId?: number;
  personalization?: string;
}
export const lineOf = (i: CartItemDto): LineVars => ({
  productId: i.productId,
  variantId: i.variantId,
  personalization: i.personalization,
});
const sameLine = (i: CartItemDto, l: LineVars) =>
  i.productId === l.productId &&
  (l.variantId === undefined || i.variantId === l.variantId) &&
  i.personalization === (l.personalization ?? '');
/** A quantity change, or a removal (no quantity). */
type LineChange = LineVars & { quantity?: number };
const applyChange = (cart: CartDto, change: LineChange) => withQuantity(cart, change, change.quantity ?? 0);

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

export function useCartMutations() {
  const trpcUtils = trpc.useUtils();
  const queryClient = useQueryClient();
  /** The cart with the other line changes still on their way on top (`vars` is the one answered). */
  const withOthersPending = (cart: CartDto, vars: LineChange) =>
    pendingLineChanges(queryClient)
      .filter((v) => v !== vars)
      .reduce(applyChange, cart);
  const optimistic = {
    onMutate: async (vars: LineChange) => {
      // A read already under way left before this change: its answer must not land on top of it.
      await trpcUtils.cart.get.cancel();
      const previous = trpcUtils.cart.get.getData();
      if (previous) trpcUtils.cart.get.setData(undefined, applyChange(previous, vars));
      return { previous };
    },
    onError: (err: unknown, vars: LineChange, ctx: { previous?: CartDto } | undefined) => {
      // Back to the cart before this change, keeping any other change still under way.
      if (ctx?.previous) trpcUtils.cart.get.setData(undefined, withOthersPending(ctx.previous, vars));
      const info = describeError(err);
      toast.error(
        info.code === 'INSUFFICIENT_INVENTORY'
          ? `Only ${info.details.available ?? 0} available — your cart was not changed.`
          : `Couldn't update your cart: ${info.message}`,
      );
    },
    onSuccess: async (cart: CartDto, vars: LineChange) => {
      // The answer is the cart as this change left it: a read sent before it (a live refresh) is
      // older, and a second Remove still under way is not in it yet.
      await trpcUtils.cart.get.cancel();
      trpcUtils.cart.get.setData(undefined, withOthersPending(cart, vars));
    },
    // Read the cart again once the last change is answered; earlier, the read would race the rest.
    onSettled: () => {
      if (queryClient.isMutating(cartChanges) <= 1) void trpcUtils.cart.get.invalidate();
    },
  };
  const update = trpc.cart.updateQuantity.useMutation(optimistic);
  const remove = trpc.cart.removeItem.useMutation({
    ...optimistic,
    onSuccess: async (cart: CartDto, vars: LineChange) => {
      await optimistic.onSuccess(cart, vars);
      toast.success('Removed from your cart');
    },
  });
  return { update, remove };
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

/** Every cart.* mutation (add, quantity, remove, personalisation), by tRPC's mutation key. */
const cartChanges = { mutationKey: [['cart']] };
const lineChangeKeys = [
  ['cart', 'updateQuantity'],
  ['cart', 'removeItem'],
].map((path) => JSON.stringify([path]));
const isLineChange = (m: Mutation) => lineChangeKeys.includes(JSON.stringify(m.options.mutationKey));
const pendingLineChanges = (queryClient: QueryClient) =>
  queryClient
    .getMutationCache()
    .findAll({ predicate: isLineChange, status: 'pending' })
    .map((m) => m.state.variables as LineChange);
