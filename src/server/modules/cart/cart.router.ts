import {
  addItemInput,
  removeItemInput,
  updatePersonalizationInput,
  updateQuantityInput,
} from '../../../shared/schemas/cart';
import { rateLimited, rateRules } from '../../trpc/rate-limit';
import { publicProcedure, router } from '../../trpc/trpc';
import { addItem, getCart, removeItem, updatePersonalization, updateQuantity } from './cart.service';
import { cartSubject, currentCartOwner, ensureCartOwner } from './cart-owner';

// Every change counts against the cart and against the address (rotating guest cookies from one
// address does not escape the limit).
const cartChange = publicProcedure.use(
  rateLimited((ctx) => [
    [rateRules.cart, cartSubject(ctx)],
    [rateRules.cartPerIp, ctx.ip],
  ]),
);

// Public: guests have carts too (cookie); signed-in users get their account cart.
export const cartRouter = router({
  get: publicProcedure.query(({ ctx }) => getCart(ctx.deps, currentCartOwner(ctx))),
  addItem: cartChange.input(addItemInput).mutation(({ ctx, input }) => addItem(ctx.deps, ensureCartOwner(ctx), input)),
  updateQuantity: cartChange
    .input(updateQuantityInput)
    .mutation(({ ctx, input }) => updateQuantity(ctx.deps, ensureCartOwner(ctx), input)),
  updatePersonalization: cartChange
    .input(updatePersonalizationInput)
    .mutation(({ ctx, input }) => updatePersonalization(ctx.deps, currentCartOwner(ctx), input)),
  removeItem: cartChange
    .input(removeItemInput)
    .mutation(({ ctx, input }) => removeItem(ctx.deps, currentCartOwner(ctx), input)),
});
