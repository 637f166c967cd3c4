// What went wrong with placing the order, in words a buyer can act on.
import { Link } from 'react-router';
import type { QuoteDto } from '../../../shared/schemas/checkout';
import { FocusAlert } from '../../components/focus-alert';
import { formatCents } from '../../lib/format';
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

export function ProblemNotice({ problem }: { problem: CheckoutProblem }) {
  if (problem.kind === 'priceChanged') return <PriceChangedNotice previous={problem.previous} next={problem.next} />;
  if (problem.kind === 'inventory') {
    return (
      <FocusAlert>
        <div>
          <p>
            <strong>Some items are no longer available.</strong> Nothing was charged.
          </p>
          <ul className="problem-items">
            {problem.items.map((i) => (
              <li key={i.productId}>
                {i.title}: you wanted {i.requested}, {i.available === 0 ? 'none are left' : `only ${i.available} left`}
              </li>
            ))}
          </ul>
          <Link to="/cart" className="btn btn-sm">
            Update your cart
          </Link>
        </div>
      </FocusAlert>
    );
  }
  if (problem.kind === 'declined') {
    return (
      <FocusAlert>
        <div>
          <p>
            <strong>Your card was declined</strong>
            {problem.declineCode ? ` (${problem.declineCode.replace(/_/g, ' ')})` : ''}. Nothing was charged and your
            items are still held.
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
