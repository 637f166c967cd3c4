import { placeOrderInput, quoteInput } from '../../../shared/schemas/checkout';
import { authedProcedure, router } from '../../trpc/trpc';
import { placeOrder, quote } from './checkout.service';

export const checkoutRouter = router({
  quote: authedProcedure.input(quoteInput).query(({ ctx, input }) => quote(ctx, input)),
  place: authedProcedure.input(placeOrderInput).mutation(({ ctx, input }) => placeOrder(ctx, input)),
});
