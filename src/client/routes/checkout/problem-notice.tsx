// What went wrong with placing the order, in words a buyer can act on.
import { Link } from 'react-router';
import type { UnavailableItem } from '../../../shared/schemas/checkout';
import { FocusAlert } from '../../components/focus-alert';
import { describeError } from '../../trpc';
import { type CheckoutProblem, stepSearch } from './checkout-state';

export function ProblemNotice({ problem }: { problem: CheckoutProblem }) {
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

function unavailableItemsFrom(value: unknown): UnavailableItem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (x): x is UnavailableItem =>
      typeof x === 'object' && x !== null && typeof (x as UnavailableItem).productId === 'number',
  );
}

export function problemFrom(err: unknown): CheckoutProblem {
  const info = describeError(err);
  if (info.code === 'INSUFFICIENT_INVENTORY') {
    return { kind: 'inventory', items: unavailableItemsFrom(info.details.unavailableItems), message: info.message };
  }
  if (info.code === 'PAYMENT_FAILED') {
    const code = typeof info.details.declineCode === 'string' ? info.details.declineCode : null;
    return { kind: 'declined', declineCode: code, message: info.message };
  }
  if (info.code === 'IDEMPOTENCY_IN_PROGRESS' || info.httpStatus === 0 || info.httpStatus >= 500) {
    return { kind: 'retryable', message: info.httpStatus === 0 ? 'We lost the connection.' : info.message };
  }
  return { kind: 'other', message: info.message };
}
