// The route table. Every page is a route module (loader + Component + ErrorBoundary) loaded on
// demand, so the first visit downloads only the shell and the page it lands on; the seller
// dashboard (and its chart library) is its own chunk. The same table drives the browser router
// (main.tsx) and the server, which answers 404 exactly where the browser shows "not found".
import { type RouteObject, redirect } from 'react-router';
import { PageSkeleton } from './components/states';
import * as root from './routes/root';

export const routes: RouteObject[] = [
  {
    id: 'root',
    path: '/',
    Component: root.Component,
    ErrorBoundary: root.ErrorBoundary,
    // The first load shows the shell with a skeleton where the page goes (see root.tsx).
    children: withHydrateFallback([
      { index: true, lazy: () => import('./routes/home') },
      { path: 'search', lazy: () => import('./routes/search') },
      { path: 'listing/:productId/:slug?', lazy: () => import('./routes/product') },
      // Old addresses: the server answers them with a 301 to /listing/:id/:slug.
      { path: 'product/:productId', lazy: () => import('./routes/product') },
      { path: 'shop/:slug', lazy: () => import('./routes/shop') },
      { path: 'cart', lazy: () => import('./routes/cart') },
      { path: 'checkout', lazy: () => import('./routes/checkout') },
      { path: 'orders', lazy: () => import('./routes/orders') },
      { path: 'orders/guest', lazy: () => import('./routes/guest-order') },
      { path: 'orders/:orderId', lazy: () => import('./routes/order') },
      { path: 'favorites', lazy: () => import('./routes/favorites') },
      { path: 'messages', lazy: () => import('./routes/messages') },
      { path: 'messages/:conversationId', lazy: () => import('./routes/conversation') },
      { path: 'signin', lazy: () => import('./routes/signin') },
      { path: 'register', lazy: () => import('./routes/register') },
      { path: 'forgot-password', lazy: () => import('./routes/forgot-password') },
      { path: 'reset-password', lazy: () => import('./routes/reset-password') },
      { path: 'verify-email', lazy: () => import('./routes/verify-email') },
      { path: 'account', lazy: () => import('./routes/account') },
      { path: 'unsubscribe', lazy: () => import('./routes/unsubscribe') },
      // Addresses people type by habit.
      { path: 'login', loader: ({ request }) => redirect(`/signin${new URL(request.url).search}`) },
      { path: 'sign-in', loader: ({ request }) => redirect(`/signin${new URL(request.url).search}`) },
      {
        path: 'dashboard',
        lazy: () => import('./routes/dashboard/layout'),
        children: [
          { index: true, lazy: () => import('./routes/dashboard/overview') },
          { path: 'shop', lazy: () => import('./routes/dashboard/shop-settings') },
          { path: 'listings', lazy: () => import('./routes/dashboard/listings/listings-page') },
          { path: 'orders', lazy: () => import('./routes/dashboard/orders') },
          { path: 'orders/:orderId', lazy: () => import('./routes/dashboard/order') },
          { path: 'storefront', lazy: () => import('./routes/dashboard/storefront') },
          { path: 'messages', lazy: () => import('./routes/dashboard/messages') },
          { path: 'messages/:conversationId', lazy: () => import('./routes/dashboard/conversation') },
        ],
      },
      { path: '*', lazy: () => import('./routes/not-found') },
    ]),
  },
];

function withHydrateFallback(routes: RouteObject[]): RouteObject[] {
  return routes.map((r) => ({ ...r, HydrateFallback: PageSkeleton }) as RouteObject);
}
