// Cart: grouped by shop with per-shop subtotal and shipping. Quantity changes and removals are
// optimistic (the page updates at once) and roll back with a toast when the server says no.
// Availability is watched live, so an item someone else just bought is flagged here.

import { useCallback, useId, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { toast } from 'sonner';
import { lineInTotals, lineProblem } from '../../shared/availability';
import { slowestOf } from '../../shared/dispatch';
import { type CartDto, type CartItemDto, type CartShopDto, MAX_LINE_QUANTITY } from '../../shared/schemas/cart';
import { CartPersonalization } from '../components/cart-personalization';
import { LineChoices, productHref } from '../components/line-choices';
import { ProductImage } from '../components/product-image';
import { CartShopEstimate } from '../components/purchase-estimate';
import { VacationNotice } from '../components/shop-notices';
import { EmptyState, PageSkeleton, RouteErrorBoundary } from '../components/states';
import { formatCents, formatDateTime, minutesUntil, plural } from '../lib/format';
import { useMe } from '../lib/session';
import { signInHref } from '../lib/sign-in-link';
import { useFocusAfter } from '../lib/use-focus-after';
import { useLiveAvailability } from '../lib/use-live-availability';
import { useNow } from '../lib/use-now';
import { describeError, trpc, utils } from '../trpc';

// Guests see their cart (it lives in a cookie); sign-in is asked for only at checkout.
export async function loader() {
  await utils.cart.get.ensureData();
  return null;
}

/** What names one cart line to the server: listing, combination, personalisation. */
interface LineVars {
  productId: number;
  variantId?: number;
  personalization?: string;
}
const lineOf = (i: CartItemDto): LineVars => ({
  productId: i.productId,
  variantId: i.variantId,
  personalization: i.personalization,
});
const sameLine = (i: CartItemDto, l: LineVars) =>
  i.productId === l.productId &&
  (l.variantId === undefined || i.variantId === l.variantId) &&
  i.personalization === (l.personalization ?? '');

/** Recomputes the totals the page shows from a cart with one line changed (server has the final word). */
function withQuantity(cart: CartDto, line: LineVars, quantity: number): CartDto {
  const shops = cart.shops
    .map((shop) => {
      const items = shop.items.map((i) => (sameLine(i, line) ? { ...i, quantity } : i)).filter((i) => i.quantity > 0);
      // Same rule as the server: a listing no longer for sale, or sold out, is not in the totals.
      const subtotalCents = items.reduce((s, i) => s + (lineInTotals(i) ? i.priceCents * i.quantity : 0), 0);
      return { ...shop, items, subtotalCents };
    })
    .filter((s) => s.items.length > 0);
  return {
    ...cart,
    shops,
    itemTotalCents: shops.reduce((s, x) => s + x.subtotalCents, 0),
    itemCount: shops.reduce((s, x) => s + x.items.reduce((n, i) => n + i.quantity, 0), 0),
  };
}

function useCartMutations() {
  const trpcUtils = trpc.useUtils();
  const optimistic = {
    onMutate: async (vars: LineVars & { quantity?: number }) => {
      await trpcUtils.cart.get.cancel();
      const previous = trpcUtils.cart.get.getData();
      if (previous) trpcUtils.cart.get.setData(undefined, withQuantity(previous, vars, vars.quantity ?? 0));
      return { previous };
    },
    onError: (err: unknown, _vars: unknown, ctx: { previous?: CartDto } | undefined) => {
      if (ctx?.previous) trpcUtils.cart.get.setData(undefined, ctx.previous);
      const info = describeError(err);
      toast.error(
        info.code === 'INSUFFICIENT_INVENTORY'
          ? `Only ${info.details.available ?? 0} available — your cart was not changed.`
          : `Couldn't update your cart: ${info.message}`,
      );
    },
    onSuccess: (cart: CartDto) => trpcUtils.cart.get.setData(undefined, cart),
  };
  const update = trpc.cart.updateQuantity.useMutation(optimistic);
  const remove = trpc.cart.removeItem.useMutation({
    ...optimistic,
    onSuccess: (cart: CartDto) => {
      trpcUtils.cart.get.setData(undefined, cart);
      toast.success('Removed from your cart');
    },
  });
  return { update, remove };
}

/** "24 more minutes": relative, so there is no time zone to guess. */
function heldFor(iso: string, now: number): string {
  const left = minutesUntil(iso, now);
  return left === 'less than a minute' ? left : left.replace(/minutes?$/, (m) => `more ${m}`);
}

function CartLine({
  item,
  now,
  onVacation,
  onQuantity,
  onRemove,
}: {
  item: CartItemDto;
  now: number;
  /** The shop is on vacation: the line stays but cannot be bought. */
  onVacation?: boolean;
  onQuantity: (q: number) => void;
  onRemove: () => void;
}) {
  const unavailable = !item.listingActive || item.available <= 0;
  const short = !unavailable && item.available < item.quantity;
  const atLimit = item.quantity >= Math.min(item.available, MAX_LINE_QUANTITY);
  const limitId = useId();
  return (
    <li
      className={`cart-item${unavailable || short ? ' unavailable' : ''}`}
      aria-label={item.title}
      data-line={item.cartItemId}
    >
      <Link to={productHref(item)} className="thumb" tabIndex={-1} aria-hidden="true">
        <ProductImage src={item.image} alt="" seed={item.productId} />
      </Link>
      <div>
        <Link to={productHref(item)} className="title">
          {item.title}
        </Link>
        <LineChoices options={item.options} personalization={item.personalization} />
        <CartPersonalization item={item} />
        <div className="small muted">
          {formatCents(item.priceCents)} each
          {item.priceWhenAddedCents !== item.priceCents && (
            <>
              {' '}
              <span className="price-moved" title="The price when you added it to your cart">
                (was <s>{formatCents(item.priceWhenAddedCents)}</s>)
              </span>
            </>
          )}
        </div>
        {unavailable ? (
          <p className="small line-note line-note-danger" role="alert">
            {item.listingActive
              ? 'Sold out — someone else bought the last one.'
              : onVacation
                ? 'The shop is on vacation.'
                : 'No longer for sale.'}{' '}
            Remove it to check out.
          </p>
        ) : short ? (
          <p className="small line-note line-note-danger" role="alert">
            Only {item.available} available now. Lower the quantity to check out.
          </p>
        ) : item.reservedUntil ? (
          <p className="small muted line-note">
            <time dateTime={item.reservedUntil} title={formatDateTime(item.reservedUntil)}>
              Held for you for {heldFor(item.reservedUntil, now)}
            </time>
          </p>
        ) : (
          <p className="small line-note line-note-warn">Your hold expired — it’s still available, but not reserved.</p>
        )}
        <div className="controls">
          {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would add a visible legend to a compact stepper */}
          <div className="qty" role="group" aria-label={`Quantity of ${item.title}`}>
            <button
              type="button"
              aria-label="Decrease quantity"
              disabled={item.quantity <= 1}
              onClick={() => onQuantity(item.quantity - 1)}
            >
              −
            </button>
            <output aria-live="polite" aria-label="Quantity">
              {item.quantity}
            </output>
            <button
              type="button"
              aria-label="Increase quantity"
              aria-describedby={atLimit ? limitId : undefined}
              disabled={unavailable || atLimit}
              onClick={() => onQuantity(item.quantity + 1)}
            >
              +
            </button>
          </div>
          {atLimit && !unavailable && !short && (
            <span id={limitId} className="small muted qty-limit">
              {item.quantity >= MAX_LINE_QUANTITY
                ? `${MAX_LINE_QUANTITY} is the most per order`
                : item.available === 1
                  ? 'Only 1 available'
                  : `All ${item.available} available are in your cart`}
            </span>
          )}
          <button type="button" className="btn btn-ghost btn-sm" onClick={onRemove}>
            Remove
          </button>
        </div>
      </div>
      <div className="line-total">{formatCents(item.priceCents * item.quantity)}</div>
    </li>
  );
}

export function Component() {
  const cart = trpc.cart.get.useQuery(undefined, { staleTime: 5_000 });
  const trpcUtils = trpc.useUtils();
  const { update, remove } = useCartMutations();
  const { user, loading: meLoading } = useMe();
  const now = useNow();
  const productIds = cart.data?.shops.flatMap((s) => s.items.map((i) => i.productId)) ?? [];
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
  const c = cart.data;
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
            <section key={shop.shopId} className="card cart-shop" aria-label={`Items from ${shop.shopName}`}>
              <div className="cart-shop-head">
                <h2>
                  <Link to={`/shop/${shop.shopSlug}`}>{shop.shopName}</Link>
                </h2>
                {/* A group with nothing left to buy (sold out, gone) promises no dispatch; a shop away says when it is back. */}
                {(shop.vacation || shop.items.some(lineInTotals)) && (
                  <CartShopEstimate
                    processing={slowestOf(shop.vacation ? shop.items : shop.items.filter(lineInTotals))}
                    vacation={shop.vacation}
                    now={now}
                  />
                )}
              </div>
              {shop.vacation && <VacationNotice shopName={shop.shopName} vacation={{ ...shop.vacation, since: '' }} />}
              <ul className="plain-list">
                {shop.items.map((item) => (
                  <CartLine
                    key={item.cartItemId}
                    item={item}
                    now={now}
                    onVacation={shop.vacation !== null}
                    onQuantity={(quantity) => update.mutate({ ...lineOf(item), quantity })}
                    onRemove={() => removeLine(item)}
                  />
                ))}
              </ul>
              {shop.items.some(lineInTotals) ? (
                <div className="shop-subtotal">
                  <span>Items {formatCents(shop.subtotalCents)}</span>
                  <span>Shipping {shop.shippingCents === 0 ? 'Free' : formatCents(shop.shippingCents)}</span>
                </div>
              ) : (
                // Nothing here can be bought (shop on vacation, sold out, listings gone): "$0.00 · Shipping
                // Free" read like a promise, so the group says it is left out of the total instead.
                <div className="shop-subtotal">
                  <span>Not included in your total</span>
                </div>
              )}
              <FreeShippingNudge shop={shop} />
            </section>
          ))}
        </div>
        <aside className="card summary" aria-label="Order summary">
          <h2>Summary</h2>
          {buyableCount === 0 ? (
            // Every shop is on vacation or every listing is sold out or gone: "Items (0) $0.00 · Shipping Free ·
            // Total $0.00" read like an order that costs nothing, so the summary says it plainly.
            <div className="notice small summary-action" role="status">
              <p>
                <strong>Nothing in your cart can be bought right now.</strong> {whyNothing(c)}
              </p>
            </div>
          ) : (
            <>
              <div className="row">
                <span>Items ({buyableCount})</span>
                <span>{formatCents(c.itemTotalCents)}</span>
              </div>
              <div className="row">
                <span>Shipping</span>
                <span>{c.shippingTotalCents === 0 ? 'Free' : formatCents(c.shippingTotalCents)}</span>
              </div>
              <div className="row muted small">
                <span>Tax</span>
                <span>At checkout</span>
              </div>
              <div className="row total">
                <span>Total</span>
                <span>{formatCents(c.itemTotalCents + c.shippingTotalCents)}</span>
              </div>
              {blocked && (
                <div className="notice notice-danger small summary-action" role="status">
                  <p>Some items are no longer available. Update your cart to continue.</p>
                </div>
              )}
            </>
          )}
          {blocked ? (
            <button type="button" className="btn btn-primary btn-lg btn-block summary-action" disabled>
              Proceed to checkout
            </button>
          ) : user || meLoading ? (
            <Link to="/checkout" className="btn btn-primary btn-lg btn-block summary-action">
              Proceed to checkout
            </Link>
          ) : (
            <>
              <Link to={signInHref('/checkout')} className="btn btn-primary btn-lg btn-block summary-action">
                Sign in to check out
              </Link>
              <Link to="/checkout" className="btn btn-block summary-action">
                Check out as a guest
              </Link>
              <p className="small muted summary-note">
                New here? <Link to={`/register?next=${encodeURIComponent('/checkout')}`}>Create an account</Link>. Your
                cart comes with you.
              </p>
            </>
          )}
        </aside>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;

/** The real reason nothing in the cart can be bought: shops away, sold out, or a mix. */
function whyNothing(cart: CartDto): string {
  const reasons = new Set(cart.shops.flatMap((s) => s.items.map((i) => lineProblem(i, s.vacation !== null))));
  const only = reasons.size === 1 ? [...reasons][0] : null;
  if (only === 'shop_away') return cart.shops.length === 1 ? 'Its shop is on vacation.' : 'Its shops are on vacation.';
  if (only === 'sold_out') return 'Everything in it is sold out.';
  if (only === 'not_for_sale') return 'Its listings are no longer for sale.';
  return 'Its shops are on vacation, or its listings are sold out or no longer for sale.';
}

/** "Spend $8.00 more for free shipping from <shop>" while the shop's threshold is in reach. */
function FreeShippingNudge({ shop }: { shop: CartShopDto }) {
  const threshold = shop.shippingPolicy.freeOverCents;
  if (threshold === null || shop.shippingCents === 0 || shop.subtotalCents >= threshold) return null;
  return (
    <p className="small free-shipping-nudge">
      Spend {formatCents(threshold - shop.subtotalCents)} more for free shipping from {shop.shopName}.
    </p>
  );
}
