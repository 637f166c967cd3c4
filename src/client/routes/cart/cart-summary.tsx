// The cart's Summary: what can be bought and its total (or, plainly, that nothing can and why),
// and the way on to checkout: signed in, sign in, or as a guest; disabled while a line blocks it.
import { useId } from 'react';
import { Link } from 'react-router';
import { lineProblem } from '../../../shared/availability';
import type { CartDto } from '../../../shared/schemas/cart';
import { formatCents, plural } from '../../lib/format';
import { signInHref } from '../../lib/sign-in-link';

export function CartSummary({
  cart: c,
  buyableCount,
  blocked,
  signedIn,
}: {
  cart: CartDto;
  /** Units that count in the totals. */
  buyableCount: number;
  /** A line cannot be bought as it stands: checkout waits until it is changed or removed. */
  blocked: boolean;
  /** Signed in, or not known yet. */
  signedIn: boolean;
}) {
  // The reason checkout waits, which the disabled Proceed to checkout names as its description.
  const whyId = useId();
  return (
    <aside className="card summary" aria-label="Order summary">
      <h2>Summary</h2>
      {buyableCount === 0 ? (
        // Every shop is on vacation or every listing is sold out or gone: "Items (0) $0.00 · Shipping Free ·
        // Total $0.00" read like an order that costs nothing, so the summary says it plainly.
        <div className="notice small summary-action" role="status" id={whyId}>
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
            <div className="notice notice-danger small summary-action" role="status" id={whyId}>
              <p>
                <strong>{whySome(c)}</strong> Update your cart to continue.
              </p>
            </div>
          )}
        </>
      )}
      {blocked ? (
        // aria-disabled, not disabled: a keyboard still reaches it and a screen reader hears why it
        // waits (its description); a press does nothing.
        <button
          type="button"
          className="btn btn-primary btn-lg btn-block summary-action"
          aria-disabled="true"
          aria-describedby={whyId}
          onClick={(e) => e.preventDefault()}
        >
          Proceed to checkout
        </button>
      ) : signedIn ? (
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
            New here? <Link to={`/register?next=${encodeURIComponent('/checkout')}`}>Create an account</Link>. Your cart
            comes with you.
          </p>
        </>
      )}
    </aside>
  );
}

/** The real reason nothing in the cart can be bought: shops away, sold out, or a mix. */
export function whyNothing(cart: CartDto): string {
  const reasons = new Set(cart.shops.flatMap((s) => s.items.map((i) => lineProblem(i, s.vacation !== null))));
  const only = reasons.size === 1 ? [...reasons][0] : null;
  if (only === 'shop_away') return cart.shops.length === 1 ? 'Its shop is on vacation.' : 'Its shops are on vacation.';
  if (only === 'sold_out') return 'Everything in it is sold out.';
  if (only === 'not_for_sale') {
    const lines = cart.shops.reduce((n, s) => n + s.items.length, 0);
    return lines === 1 ? 'Its listing is no longer for sale.' : 'Its listings are no longer for sale.';
  }
  return 'Its shops are on vacation, or its listings are sold out or no longer for sale.';
}

/**
 * What holds checkout up while other lines can be bought, with its real reason per line (the rule
 * lineProblem states): "1 item can’t be bought right now: Copper & Clay is on vacation." Units are
 * counted, like the cart's "Items (n)": a short line counts the units over what is left.
 */
function whySome(cart: CartDto): string {
  const away = new Set<string>();
  const soldOut: string[] = [];
  const gone: string[] = [];
  const short: string[] = [];
  let units = 0;
  for (const shop of cart.shops)
    for (const item of shop.items) {
      const problem = lineProblem(item, shop.vacation !== null);
      if (problem === null) continue;
      units += problem === 'short' ? item.quantity - item.available : item.quantity;
      if (problem === 'shop_away') away.add(shop.shopName);
      else if (problem === 'sold_out') soldOut.push(item.title);
      else if (problem === 'not_for_sale') gone.push(item.title);
      else short.push(`only ${item.available} of ${item.title} ${item.available === 1 ? 'is' : 'are'} left`);
    }
  const are = (names: string[], what: string) =>
    names.length === 0 ? [] : [`${and(names)} ${names.length === 1 ? 'is' : 'are'} ${what}`];
  const reasons = [
    ...are([...away], 'on vacation'),
    ...are(soldOut, 'sold out'),
    ...are(gone, 'no longer for sale'),
    ...short,
  ];
  return `${plural(units, 'item')} can’t be bought right now: ${reasons.join('; ')}.`;
}

/** "A", "A and B", "A, B and C". */
function and(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
