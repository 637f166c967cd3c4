import { placeOrderInput, quoteInput } from '../../../shared/schemas/checkout';
import { rateLimited, rateRules } from '../../trpc/rate-limit';
import { authedProcedure, router } from '../../trpc/trpc';
import { placeOrder, quote } from './checkout.service';

export const checkoutRouter = router({
  quote: authedProcedure.input(quoteInput).query(({ ctx, input }) => quote(ctx, input)),
  place: authedProcedure
    .input(placeOrderInput)
    .use(rateLimited((ctx) => [[rateRules.checkout, `u:${ctx.user?.id}`]]))
    .mutation(({ ctx, input }) => placeOrder(ctx, input)),
});
