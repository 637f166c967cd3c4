import {
  listNotificationsInput,
  listOrdersInput,
  orderByIdInput,
  shopOrdersInput,
  updateOrderStatusInput,
} from '../../../shared/schemas/orders';
import { authedProcedure, router } from '../../trpc/trpc';
import {
  getOrder,
  getShopOrder,
  lastShippingAddress,
  listMyOrders,
  listShopOrdersForSeller,
  myNotifications,
  updateOrderStatus,
} from './orders.service';

export const ordersRouter = router({
  list: authedProcedure.input(listOrdersInput).query(({ ctx, input }) => listMyOrders(ctx, input)),
  byId: authedProcedure.input(orderByIdInput).query(({ ctx, input }) => getOrder(ctx, input.orderId)),
  lastShippingAddress: authedProcedure.query(({ ctx }) => lastShippingAddress(ctx)),
  forSeller: authedProcedure.input(orderByIdInput).query(({ ctx, input }) => getShopOrder(ctx, input.orderId)),
  forShop: authedProcedure.input(shopOrdersInput).query(({ ctx, input }) => listShopOrdersForSeller(ctx, input)),
  updateStatus: authedProcedure
    .input(updateOrderStatusInput)
    .mutation(({ ctx, input }) => updateOrderStatus(ctx, input)),
});

// Mounted as `notifications`: sellers hear about new orders, buyers about status changes.
export const notificationsRouter = router({
  list: authedProcedure.input(listNotificationsInput).query(({ ctx, input }) => myNotifications(ctx, input.cursor)),
});
