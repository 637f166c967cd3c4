// Add-to-cart shared by the product page (and anywhere else): keeps the header count, the cart
// page and the product's availability in step, and explains failures in words.
import { useCallback, useRef } from 'react';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { describeError, trpc } from '../trpc';
import { signInHref } from './sign-in-link';

/**
 * Add to cart, once per press: a second click before the first answer is ignored (isPending only
 * re-renders the button a tick later, so a quick double-click used to add two).
 */
export function useAddToCart(productId: number) {
  const inFlight = useRef(false);
  const mutation = useAddToCartMutation(productId);
  const add = useCallback(
    (quantity = 1, opts: { onSuccess?: () => void; variantId?: number; personalization?: string } = {}) => {
      if (inFlight.current) return;
      inFlight.current = true;
      mutation.mutate(
        { productId, quantity, variantId: opts.variantId, personalization: opts.personalization || undefined },
        {
          onSuccess: opts.onSuccess,
          onSettled: () => {
            inFlight.current = false;
          },
        },
      );
    },
    [mutation.mutate, productId],
  );
  return { ...mutation, add };
}

function useAddToCartMutation(productId: number) {
  const trpcUtils = trpc.useUtils();
  const navigate = useNavigate();
  return trpc.cart.addItem.useMutation({
    onSuccess: async (cart) => {
      // The answer is the newest cart: a read sent before the add must not land on top of it.
      await trpcUtils.cart.get.cancel();
      trpcUtils.cart.get.setData(undefined, cart);
      void trpcUtils.catalog.availability.invalidate({ productId });
    },
    onError: (err) => {
      const info = describeError(err);
      if (info.httpStatus === 401) {
        toast('Sign in to add items to your cart.', {
          action: {
            label: 'Sign in',
            onClick: () => navigate(signInHref()),
          },
        });
        return;
      }
      if (info.code === 'INSUFFICIENT_INVENTORY') {
        const available = info.details.available ?? 0;
        toast.error(available > 0 ? `Only ${available} more available.` : 'Sorry — this just sold out.');
      } else {
        toast.error(info.message);
      }
      void trpcUtils.catalog.availability.invalidate({ productId });
    },
  });
}
