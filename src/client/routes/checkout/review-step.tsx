// Step 3: everything the buyer is agreeing to — where, which card, every item with its picture,
// each shop's totals and the grand total — and the one button that places the order.
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { deliveryWindow, dispatchWindow, slowestOf } from '../../../shared/dispatch';
import type { CartDto, CartItemDto } from '../../../shared/schemas/cart';
import type { QuoteDto, ShippingAddressInput } from '../../../shared/schemas/checkout';
import { AddressBlock } from '../../components/address-block';
import { LineSummary } from '../../components/line-choices';
import { MoneySummary } from '../../components/money-summary';
import { StatusButton } from '../../components/ui/status-button';
import { formatCents, plural } from '../../lib/format';
import { useFocusAfter } from '../../lib/use-focus-after';
import { describeError, trpc } from '../../trpc';
import { type CheckoutProblem, type PaymentToken, stepSearch } from './checkout-state';
import { paymentTokens } from './payment-step';
import { leftOut, lineProblemText, ProblemNotice, UnavailableNotice } from './problem-notice';

export function ReviewStep({
  address,
  token,
  cart,
  placing,
  problem,
  onPlace,
  onProblemSolved,
}: {
  address: ShippingAddressInput;
  token: PaymentToken;
  cart: CartDto;
  placing: boolean;
  problem: CheckoutProblem | null;
  onPlace: (confirmed: QuoteDto) => void;
  /** A refused Place order's lines are removed and a fresh quote is on screen. */
  onProblemSolved: () => void;
}) {
  // The quote on screen is the one the buyer confirms, so it is not refreshed behind their back;
  // a PRICE_CHANGED refusal replaces it and the notice says what changed.
  const quote = trpc.checkout.quote.useQuery(
    { shippingAddress: address },
    { staleTime: 0, refetchOnWindowFocus: false },
  );
  const q = quote.data;
  const card = paymentTokens.find((t) => t.value === token);
  const blocked = !!q?.unavailableItems.length;
  // Why each line cannot be ordered, from the quote (what placing would be refused on).
  const problemOf = (i: CartItemDto) =>
    q?.unavailableItems.find((u) => u.productId === i.productId && u.variantId === i.variantId);
  const leftOutLine = (i: CartItemDto) => {
    const p = problemOf(i);
    return p !== undefined && leftOut(p);
  };
  // Every line is left out (shops away, sold out, gone): there is no order, so no totals and no button.
  const nothing = !!q && cart.shops.every((s) => s.items.every(leftOutLine));
  // Place order refused because the cart changed after the quote (a line sold out, its shop went
  // away): the same alert as a Review that opens with such lines, with the same way on. The quote
  // it was refused on is gone (checkout.tsx), so Place order waits for the fresh one.
  const refused = problem?.kind === 'inventory' ? problem : null;
  const removal = useRemoveLeftOut(quote.refetch, () => refused && onProblemSolved());
  const leftOutLines = q ? cart.shops.flatMap((s) => s.items.filter(leftOutLine)) : [];
  return (
    <div ref={removal.root}>
      {problem && problem.kind !== 'inventory' && <ProblemNotice problem={problem} />}
      {(blocked || refused) && (
        <UnavailableNotice
          // What the fresh quote says now; until it arrives (or if it finds nothing left out), the refusal's.
          items={q?.unavailableItems.length ? q.unavailableItems : (refused?.items ?? [])}
          nothing={nothing}
          refused={!!refused}
          removal={
            nothing || leftOutLines.length === 0
              ? undefined
              : {
                  count: leftOutLines.length,
                  // Only lines that need a lower quantity would be left: removing these cannot free the order.
                  andContinue: q?.unavailableItems.every(leftOut) ?? false,
                  pending: removal.pending,
                  onRemove: () => removal.remove(leftOutLines),
                }
          }
        />
      )}
      <div className="review-block">
        <h3>
          Ship to
          <Link to={stepSearch('address')} className="btn btn-ghost btn-sm" aria-label="Edit shipping address">
            Edit
          </Link>
        </h3>
        <AddressBlock address={address} />
      </div>
      <div className="review-block">
        <h3>
          Payment
          <Link to={stepSearch('payment')} className="btn btn-ghost btn-sm" aria-label="Edit payment">
            Edit
          </Link>
        </h3>
        <p className="flush">{card?.review}</p>
      </div>
      <div className="review-block">
        <h3>Items</h3>
        <p className="small muted">Each shop sends its own order and package.</p>
        {quote.isError && <p className="error">{describeError(quote.error).message}</p>}
        {cart.shops.map((shop) => {
          const totals = q?.shops.find((s) => s.shopId === shop.shopId);
          // Unit prices from the quote: what is charged, even if the cart was read earlier.
          const unitPrice = (i: CartItemDto) =>
            totals?.items.find(
              (l) =>
                l.productId === i.productId && l.variantId === i.variantId && l.personalization === i.personalization,
            )?.unitPriceCents ?? i.priceCents;
          // Nothing of this shop's is in the order (away, sold out, gone): no estimate, no totals.
          const shopLeftOut = !!q && shop.items.every(leftOutLine);
          return (
            <section key={shop.shopId} className="review-shop" aria-label={`From ${shop.shopName}`}>
              <h4 className="review-shop-name">{shop.shopName}</h4>
              {!shopLeftOut && (
                <p className="small muted dispatch-estimate" data-testid="dispatch-estimate">
                  Estimated dispatch {dispatchWindow(slowestOf(shop.items))}
                  {shop.items.some((i) => i.processing.madeToOrder) ? ' (made to order)' : ''}
                  <br />
                  <span data-testid="delivery-estimate">
                    Estimated delivery {deliveryWindow(slowestOf(shop.items))}
                  </span>
                </p>
              )}
              <ul className="review-lines">
                {shop.items.map((i) => {
                  const p = problemOf(i);
                  return (
                    <li key={i.cartItemId} className={`review-line${leftOutLine(i) ? ' review-line-left-out' : ''}`}>
                      <LineSummary line={i} unitCents={unitPrice(i)} />
                      {p && (
                        <p className="small line-note line-note-danger review-line-problem">
                          {leftOut(p) ? `Not in this order: ${lineProblemText(p).toLowerCase()}` : lineProblemText(p)}
                        </p>
                      )}
                    </li>
                  );
                })}
              </ul>
              {shopLeftOut ? (
                // "1 item $0.00 · Shipping $0.00" read like a free order from a shop that sells nothing now.
                <p className="review-shop-totals small muted">Not included in your order</p>
              ) : totals ? (
                <p className="review-shop-totals small muted">
                  {plural(totals.itemCount, 'item')} {formatCents(totals.subtotalCents)} · Shipping{' '}
                  {formatCents(totals.shippingCents)} · Tax {formatCents(totals.taxCents)} ·{' '}
                  <strong>{formatCents(totals.totalCents)}</strong>
                </p>
              ) : (
                quote.isPending && <div className="skeleton skeleton-text" />
              )}
            </section>
          );
        })}
      </div>
      {q && !nothing && <MoneySummary totals={q} className="review-total" />}
      <div className="step-actions">
        <Link
          to={stepSearch('payment')}
          className="btn btn-ghost"
          aria-disabled={placing || undefined}
          onClick={(e) => placing && e.preventDefault()}
        >
          ← Payment
        </Link>
        {nothing ? (
          <Link to="/cart" state={{ from: 'checkout' }} className="btn btn-primary btn-lg">
            Back to your cart
          </Link>
        ) : (
          <StatusButton
            type="button"
            className="btn btn-primary btn-lg"
            data-place-order
            onClick={() => q && onPlace(q)}
            disabled={!q || blocked}
            pending={placing}
            pendingLabel="Placing order…"
          >
            {`${problem?.kind === 'priceChanged' ? 'Confirm new total' : 'Place order'}${q ? ` · ${formatCents(q.totalCents)}` : ''}`}
          </StatusButton>
        )}
      </div>
    </div>
  );
}

/**
 * "Remove N unavailable items and continue": removes exactly the lines left out of the order from
 * the cart, then asks for a fresh quote, so Place order is enabled only with totals the buyer sees.
 * The alert (and its button) goes with the last problem: focus moves to Place order, or to the
 * alert when something still needs the cart.
 */
function useRemoveLeftOut(refetchQuote: () => Promise<unknown>, onRemoved: () => void) {
  const trpcUtils = trpc.useUtils();
  const removeItem = trpc.cart.removeItem.useMutation();
  const [pending, setPending] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const focusAfter = useFocusAfter();
  async function remove(lines: CartItemDto[]) {
    focusAfter(() => {
      const place = root.current?.querySelector<HTMLButtonElement>('[data-place-order]');
      return place && !place.disabled ? place : root.current?.querySelector<HTMLElement>('[role="alert"]');
    });
    setPending(true);
    let removed = false;
    try {
      for (const i of lines)
        await removeItem.mutateAsync({
          productId: i.productId,
          variantId: i.variantId,
          personalization: i.personalization,
        });
      removed = true;
    } catch (err) {
      toast.error(`Couldn't update your cart: ${describeError(err).message}`);
      // Something is still left out, so the alert and its button stay: nothing to move focus to
      // later. Focus already fallen to <body> goes to the alert, which says what is left.
      focusAfter(null);
      if (!document.activeElement || document.activeElement === document.body)
        root.current?.querySelector<HTMLElement>('[role="alert"]')?.focus();
    } finally {
      // Whatever was removed, the cart and the quote on screen say so before anything is placed.
      await Promise.all([trpcUtils.cart.get.invalidate(), refetchQuote()]);
      setPending(false);
      if (removed) onRemoved();
    }
  }
  return { root, pending, remove };
}
