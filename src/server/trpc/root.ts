// The root router: a table of contents of every domain.
import { accountRouter } from '../modules/account/account.router';
import { addressesRouter } from '../modules/addresses/addresses.router';
import { authRouter } from '../modules/auth/auth.router';
import { cartRouter } from '../modules/cart/cart.router';
import { catalogRouter } from '../modules/catalog/catalog.router';
import { checkoutRouter } from '../modules/checkout/checkout.router';
import { favoritesRouter } from '../modules/favorites/favorites.router';
import { feedRouter } from '../modules/feed/feed.router';
import { messagingRouter } from '../modules/messaging/messaging.router';
import { notificationsRouter } from '../modules/notifications/notifications.router';
import { ordersRouter } from '../modules/orders/orders.router';
import { inventoryRouter } from '../modules/realtime/realtime.router';
import { reviewsRouter } from '../modules/reviews/reviews.router';
import { searchRouter } from '../modules/search/search.router';
import { sellerRouter } from '../modules/seller/seller.router';
import { shopsRouter } from '../modules/shops/shops.router';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  addresses: addressesRouter,
  shops: shopsRouter,
  catalog: catalogRouter,
  cart: cartRouter,
  checkout: checkoutRouter,
  orders: ordersRouter,
  notifications: notificationsRouter,
  search: searchRouter,
  favorites: favoritesRouter,
  feed: feedRouter,
  reviews: reviewsRouter,
  inventory: inventoryRouter,
  seller: sellerRouter,
  messages: messagingRouter,
});

export type AppRouter = typeof appRouter;
