// Cart: grouped by shop with per-shop subtotal and shipping. Quantity changes and removals are
// optimistic (the page updates at once) and roll back with a toast when the server says no
// (cart/cart-mutations.ts). Availability is watched live, so an item someone else just bought is
// flagged here. One shop's group is cart/cart-shop-group.tsx, the Summary cart/cart-summary.tsx.

import { useCallback, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { lineInTotals } from '../../shared/availability';
import type { CartItemDto } from '../../shared/schemas/cart';
import { EmptyState, PageSkeleton, RouteErrorBoundary } from '../components/states';
import { useCartWithPendingChanges } from '../lib/cart-line-changes';
import { plural } from '../lib/format';
import { useMe } from '../lib/session';
import { useFocusAfter } from '../lib/use-focus-after';
import { useLiveAvailability } from '../lib/use-live-availability';
import { useNow } from '../lib/use-now';
import { trpc, utils } from '../trpc';
import { lineOf, useCartMutations } from './cart/cart-mutations';
import { CartShopGroup } from './cart/cart-shop-group';
import { CartSummary } from './cart/cart-summary';

// Guests see their cart (it lives in a cookie); sign-in is asked for only at checkout.
export async function loader() {
  await utils.cart.get.ensureData();
  return null;
}

export function Component() {
  const cart = trpc.cart.get.useQuery(undefined, { staleTime: 5_000 });
  const trpcUtils = trpc.useUtils();
  const { update, remove } = useCartMutations();
  const shown = useCartWithPendingChanges(cart.data);
  const { user, loading: meLoading } = useMe();
  const now = useNow();
  const productIds = shown?.shops.flatMap((s) => s.items.map((i) => i.productId)) ?? [];
  useLiveAvailability(productIds, () => void trpcUtils.cart.get.invalidate());
  const page = useRef<HTMLDivElement>(null);
  // Sent back here from checkout ("Back to your cart"), the link that had focus is gone and focus
  // would fall to <body>: the heading takes it, so the next Tab goes on in the cart.
  const fromCheckout = (useLocation().state as { from?: string } | null)?.from === 'checkout';
  const headingRef = useCallback(
    (el: HTMLHeadingElement | null) => {
      if (el && fromCheckout && (!document.activeElement || document.activeElement === document.body)) el.focus();
    },
    [fromCheckout],
  );
  const discover = useRef<HTMLAnchorElement>(null);
  const focusAfter = useFocusAfter();

  if (cart.isPending) return <PageSkeleton />;
  const c = shown;
  if (!c || c.shops.length === 0) {
    return (
      <div className="page">
        <h1 ref={headingRef} tabIndex={-1} className="focus-heading">
          Your cart
        </h1>
        <EmptyState
          art="🛒"
          title="Your cart is empty"
          action={
            <Link ref={discover} to="/" className="btn btn-primary">
              Discover something handmade
            </Link>
          }
        >
          Items you add are held for you for a while, so nobody else can buy them while you decide.
        </EmptyState>
      </div>
    );
  }
  const buyableCount = c.shops.reduce(
    (n, s) => n + s.items.reduce((m, i) => m + (lineInTotals(i) ? i.quantity : 0), 0),
    0,
  );
  const blocked = c.shops.some((s) => s.items.some((i) => !i.listingActive || i.available < i.quantity));
  // A removed line takes its Remove button with it: focus goes to the next line's first control,
  // else the previous line's, else the empty cart's link.
  const lineIds = c.shops.flatMap((s) => s.items.map((i) => i.cartItemId));
  const removeLine = (item: CartItemDto) => {
    const at = lineIds.indexOf(item.cartItemId);
    const neighbour = lineIds[at + 1] ?? lineIds[at - 1];
    focusAfter(() =>
      neighbour === undefined
        ? discover.current
        : page.current?.querySelector<HTMLElement>(`[data-line="${neighbour}"] a.title`),
    );
    remove.mutate(lineOf(item));
  };

  return (
    <div className="page" ref={page}>
      <h1 ref={headingRef} tabIndex={-1} className="focus-heading">
        Your cart
      </h1>
      <p className="muted">
        {plural(c.itemCount, 'item')} from {plural(c.shops.length, 'shop')}. Each shop ships its own order.
      </p>
      <div className="two-col">
        <div>
          {c.shops.map((shop) => (
            <CartShopGroup
              key={shop.shopId}
              shop={shop}
              now={now}
              onQuantity={(item, quantity) => update.mutate({ ...lineOf(item), quantity })}
              onRemove={removeLine}
            />
          ))}
        </div>
        <CartSummary cart={c} buyableCount={buyableCount} blocked={blocked} signedIn={!!user || meLoading} />
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
