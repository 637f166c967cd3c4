import {
  guestOrderInput,
  listOrdersInput,
  orderByIdInput,
  shopOrdersInput,
  updateOrderStatusInput,
} from '../../../shared/schemas/orders';
import { orderParticipantProcedure, orderSellerProcedure, shopOwnerProcedure } from '../../trpc/ownership';
import { rateLimited, rateRules } from '../../trpc/rate-limit';
import { authedProcedure, publicProcedure, router } from '../../trpc/trpc';
import { guestOrders } from './guest-orders.service';
import {
  getOrder,
  lastShippingAddress,
  listMyOrders,
  listShopOrdersForSeller,
  updateOrderStatus,
} from './orders.service';

export const ordersRouter = router({
  list: authedProcedure.input(listOrdersInput).query(({ ctx, input }) => listMyOrders(ctx, input)),
  byId: orderParticipantProcedure
    .input(orderByIdInput)
    .query(({ ctx }) => getOrder(ctx.deps, ctx.order.id, ctx.orderRole)),
  // A guest checkout's orders, to whoever holds its signed link (mail or confirmation page).
  guest: publicProcedure
    .use(rateLimited((ctx) => [[rateRules.guestOrderView, ctx.ip]]))
    .input(guestOrderInput)
    .query(({ ctx, input }) => guestOrders(ctx.deps, input.token)),
  lastShippingAddress: authedProcedure.query(({ ctx }) => lastShippingAddress(ctx)),
  // The seller's view of one of their shop's orders; the buyer (or anyone else) gets NOT_FOUND.
  forSeller: orderSellerProcedure.input(orderByIdInput).query(({ ctx }) => getOrder(ctx.deps, ctx.order.id, 'seller')),
  forShop: shopOwnerProcedure
    .input(shopOrdersInput)
    .query(({ ctx, input }) => listShopOrdersForSeller(ctx.deps, ctx.shop.id, input)),
  updateStatus: orderSellerProcedure
    .input(updateOrderStatusInput)
    .mutation(({ ctx, input }) => updateOrderStatus(ctx.deps, ctx.order.id, input)),
});
