// The cart page's changes: quantity and removal, optimistic (the page updates at once) and rolled
// back with a toast when the server says no. The server's answer is the cart from then on, with any
// change still under way on top. Two things could put a removed line back for a moment, and
// neither may: a cart read sent before the removal committed (the page refetches the cart when
// availability changes live) answering after it, and the first of two quick Removes answering with
// a cart that still holds the second line. The view with changes under way on top is
// lib/cart-line-changes.ts (the header's count reads it too).
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { CartDto, CartItemDto } from '../../../shared/schemas/cart';
import { applyChange, type LineChange, type LineVars, pendingLineChanges } from '../../lib/cart-line-changes';
import { describeError, trpc } from '../../trpc';

export const lineOf = (i: CartItemDto): LineVars => ({
  productId: i.productId,
  variantId: i.variantId,
  personalization: i.personalization,
});

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
      toast.success('Removed from your cart.');
    },
  });
  return { update, remove };
}

/** Every cart.* mutation (add, quantity, remove, personalisation), by tRPC's mutation key. */
const cartChanges = { mutationKey: [['cart']] };
