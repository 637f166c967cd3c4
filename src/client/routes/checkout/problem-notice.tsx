// What went wrong with placing the order, in words a buyer can act on.
import { Link } from 'react-router';
import type { QuoteDto, UnavailableItem } from '../../../shared/schemas/checkout';
import { FocusAlert } from '../../components/focus-alert';
import { StatusButton } from '../../components/ui/status-button';
import { formatCents, plural } from '../../lib/format';
import { describeError } from '../../trpc';
import { type CheckoutProblem, stepSearch } from './checkout-state';
import { type QuoteChange, quoteChanges, quoteFromDetails } from './price-changes';

function describeChange(c: QuoteChange): string {
  switch (c.kind) {
    case 'price':
      return `${c.title}: ${formatCents(c.fromCents)} → ${formatCents(c.toCents)} each`;
    case 'quantity':
      return `${c.title}: quantity ${c.from} → ${c.to}`;
    case 'removed':
      return `${c.title}: no longer in your cart`;
    case 'added':
      return `${c.title}: added at ${formatCents(c.unitPriceCents)} each`;
    case 'shipping':
      return `Shipping from ${c.shopName}: ${formatCents(c.fromCents)} → ${formatCents(c.toCents)}`;
  }
}

/** Old -> new for every line and amount that moved; the buyer confirms the new total or leaves. */
function PriceChangedNotice({ previous, next }: { previous: QuoteDto; next: QuoteDto }) {
  return (
    <FocusAlert tone="warn">
      <div>
        <p>
          <strong>Prices changed since you reviewed your order.</strong> Nothing was charged and your items are still
          held. Check the new total below and confirm it to place your order.
        </p>
        <ul className="problem-items">
          {quoteChanges(previous, next).map((c) => (
            <li key={`${c.kind}-${'productId' in c ? c.productId : c.shopId}`}>{describeChange(c)}</li>
          ))}
          {previous.taxCents !== next.taxCents && (
            <li>
              Tax: {formatCents(previous.taxCents)} → {formatCents(next.taxCents)}
            </li>
          )}
          <li>
            <strong>
              Total: {formatCents(previous.totalCents)} → {formatCents(next.totalCents)}
            </strong>
          </li>
        </ul>
      </div>
    </FocusAlert>
  );
}

/** Why a line cannot be ordered, short enough to sit under it: "The shop is on vacation". */
export function lineProblemText(i: UnavailableItem): string {
  switch (i.reason) {
    case 'shop_away':
      return 'The shop is on vacation.';
    case 'not_for_sale':
      return 'No longer for sale.';
    case 'sold_out':
      return 'Sold out.';
    default:
      return i.available === 0
        ? `You wanted ${i.requested}, none are left.`
        : `You wanted ${i.requested}, only ${i.available} left.`;
  }
}

/** Left out of every total (the line stays in the cart); a short line only needs a lower quantity. */
export const leftOut = (i: UnavailableItem) => i.reason !== undefined && i.reason !== 'short';

/**
 * Lines that cannot be ordered, each with the real reason (the shop is away, sold out, no longer
 * for sale, fewer left). `nothing`: no line of the cart can be bought, so there is no order to place.
 */
export function UnavailableNotice({
  items,
  nothing,
  refused,
  removal,
}: {
  items: UnavailableItem[];
  nothing: boolean;
  /** Shown after a refused Place order, which changed nothing. */
  refused?: boolean;
  /** Offered when the rest can still be ordered: take the left-out lines out of the cart here. */
  removal?: { count: number; andContinue: boolean; pending: boolean; onRemove: () => void };
}) {
  const awayShops = [...new Set(items.filter((i) => i.reason === 'shop_away').map((i) => i.shopName))];
  const them = items.length === 1 ? 'it' : 'them';
  return (
    <FocusAlert>
      <div>
        <p>
          <strong>
            {nothing ? 'Nothing in your cart can be bought right now.' : 'Some items can’t be ordered right now.'}
          </strong>{' '}
          {awayShops.length > 0 &&
            `${awayShops.join(', ')} ${awayShops.length === 1 ? 'is' : 'are'} on vacation and not taking orders. `}
          {refused && 'Nothing was ordered or charged. '}
          {nothing
            ? 'There is no order to place.'
            : removal?.andContinue
              ? `Remove ${them} to place your order for the rest; the total below is only for the rest.`
              : `Remove or change ${them} in your cart to place your order; the total below is only for the rest.`}
        </p>
        <ul className="problem-items">
          {items.map((i) => (
            <li key={`${i.productId}-${i.variantId}`}>
              {i.title}
              {i.shopName ? ` (${i.shopName})` : ''}: {lineProblemText(i)}
            </li>
          ))}
        </ul>
        <div className="problem-actions">
          {removal && (
            <StatusButton
              type="button"
              className="btn btn-primary btn-sm"
              pending={removal.pending}
              pendingLabel="Removing…"
              onClick={removal.onRemove}
            >
              {`Remove ${plural(removal.count, 'unavailable item')}${removal.andContinue ? ' and continue' : ''}`}
            </StatusButton>
          )}
          <Link to="/cart" state={{ from: 'checkout' }} className="btn btn-sm">
            {nothing ? 'Back to your cart' : 'Update your cart'}
          </Link>
        </div>
      </div>
    </FocusAlert>
  );
}

/** Every refusal but unbuyable lines, which the Review shows in its own UnavailableNotice (with a way on). */
// What a decline code adds to "declined", in words; a code that adds nothing (card_declined) or that
// the bank keeps vague says nothing more, never the code itself.
const DECLINE_REASONS: Record<string, string> = {
  insufficient_funds: 'Your card was declined: it does not have enough funds.',
  expired_card: 'Your card was declined: it has expired.',
  incorrect_cvc: 'Your card was declined: the security code is not right.',
  incorrect_number: 'Your card was declined: the card number is not right.',
  lost_card: 'Your card was declined. Please use another card.',
  stolen_card: 'Your card was declined. Please use another card.',
};

/** The decline said once, in words: "Your card was declined: it has expired." */
export function declineSentence(declineCode: string | null): string {
  return (declineCode && DECLINE_REASONS[declineCode]) || 'Your card was declined.';
}

export function ProblemNotice({ problem }: { problem: Exclude<CheckoutProblem, { kind: 'inventory' }> }) {
  if (problem.kind === 'priceChanged') return <PriceChangedNotice previous={problem.previous} next={problem.next} />;
  if (problem.kind === 'declined') {
    return (
      <FocusAlert>
        <div>
          <p>
            <strong>{declineSentence(problem.declineCode)}</strong> Nothing was charged and your items are still held.
          </p>
          <Link to={stepSearch('payment')} className="btn btn-sm">
            Use a different card
          </Link>
        </div>
      </FocusAlert>
    );
  }
  return (
    <FocusAlert tone="warn">
      <p>
        {problem.message}
        {problem.kind === 'retryable' && ' You can safely try again — you will not be charged twice.'}
      </p>
    </FocusAlert>
  );
}

/** The problem to show for a failed place; `sent` is the quote the buyer confirmed. */
export function problemFrom(err: unknown, sent: QuoteDto): CheckoutProblem {
  const info = describeError(err);
  const next = info.code === 'PRICE_CHANGED' ? quoteFromDetails(info.details.quote) : null;
  if (next) return { kind: 'priceChanged', previous: sent, next, message: info.message };
  if (info.code === 'INSUFFICIENT_INVENTORY') {
    return { kind: 'inventory', items: info.details.unavailableItems ?? [], message: info.message };
  }
  if (info.code === 'PAYMENT_FAILED') {
    return { kind: 'declined', declineCode: info.details.declineCode ?? null, message: info.message };
  }
  if (info.code === 'IDEMPOTENCY_IN_PROGRESS' || info.httpStatus === 0 || info.httpStatus >= 500) {
    return { kind: 'retryable', message: info.httpStatus === 0 ? 'We lost the connection.' : info.message };
  }
  return { kind: 'other', message: info.message };
}
