import { addItemInput, removeItemInput, updateQuantityInput } from '../../../shared/schemas/cart';
import { publicProcedure, router } from '../../trpc/trpc';
import { addItem, getCart, removeItem, updateQuantity } from './cart.service';

// Public: guests have carts too (cookie); signed-in users get their account cart.
export const cartRouter = router({
  get: publicProcedure.query(({ ctx }) => getCart(ctx)),
  addItem: publicProcedure.input(addItemInput).mutation(({ ctx, input }) => addItem(ctx, input)),
  updateQuantity: publicProcedure.input(updateQuantityInput).mutation(({ ctx, input }) => updateQuantity(ctx, input)),
  removeItem: publicProcedure.input(removeItemInput).mutation(({ ctx, input }) => removeItem(ctx, input)),
});
