// The cart page's changes: quantity and removal, optimistic (the page updates at once) and rolled
// back with a toast when the server says no. The server's answer is the cart from then on.
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
  const optimistic = {
    onMutate: async (vars: LineVars & { quantity?: number }) => {
      await trpcUtils.cart.get.cancel();
      const previous = trpcUtils.cart.get.getData();
      if (previous) trpcUtils.cart.get.setData(undefined, withQuantity(previous, vars, vars.quantity ?? 0));
      return { previous };
    },
    onError: (err: unknown, _vars: unknown, ctx: { previous?: CartDto } | undefined) => {
      if (ctx?.previous) trpcUtils.cart.get.setData(undefined, ctx.previous);
      const info = describeError(err);
      toast.error(
        info.code === 'INSUFFICIENT_INVENTORY'
          ? `Only ${info.details.available ?? 0} available — your cart was not changed.`
          : `Couldn't update your cart: ${info.message}`,
      );
    },
    onSuccess: (cart: CartDto) => trpcUtils.cart.get.setData(undefined, cart),
  };
  const update = trpc.cart.updateQuantity.useMutation(optimistic);
  const remove = trpc.cart.removeItem.useMutation({
    ...optimistic,
    onSuccess: (cart: CartDto) => {
      trpcUtils.cart.get.setData(undefined, cart);
      toast.success('Removed from your cart');
    },
  });
  return { update, remove };
}
