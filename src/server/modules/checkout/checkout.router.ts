import { DomainError } from '../../../shared/errors';
import { guestPlaceOrderInput, placeOrderInput, quoteInput } from '../../../shared/schemas/checkout';
import { rateLimited, rateRules } from '../../trpc/rate-limit';
import { authedProcedure, publicProcedure, router } from '../../trpc/trpc';
import { currentCartOwner } from '../cart/cart-owner';
import { placeGuestOrder, placeOrder, quote } from './checkout.service';

export const checkoutRouter = router({
  // The caller's cart, an account's or a guest's (guests may check out, issue 15 item 5).
  quote: publicProcedure.input(quoteInput).query(({ ctx, input }) => quote(ctx.deps, currentCartOwner(ctx), input)),
  place: authedProcedure
    .input(placeOrderInput)
    .use(rateLimited((ctx) => [[rateRules.checkout, `u:${ctx.user?.id}`]]))
    .mutation(({ ctx, input }) =>
      placeOrder({ deps: ctx.deps, buyer: ctx.user, cart: { userId: ctx.user.id }, guest: false }, input),
    ),
  // Limited per guest cart and per address: a new guest cookie does not escape the limit.
  placeAsGuest: publicProcedure
    .input(guestPlaceOrderInput)
    .use(
      rateLimited((ctx) => [
        [rateRules.checkout, `g:${ctx.guestToken ?? ctx.ip}`],
        [rateRules.checkoutPerIp, ctx.ip],
      ]),
    )
    .mutation(({ ctx, input }) => {
      if (ctx.user) throw new DomainError('BAD_REQUEST', 'You are signed in: check out with your account.');
      return placeGuestOrder(ctx.deps, ctx.guestToken, input);
    }),
});
