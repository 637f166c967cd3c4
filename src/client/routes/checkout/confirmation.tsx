// The last step: what was placed and charged, one link per shop's order.
import { Link } from 'react-router';
import { EmailText } from '../../components/email-text';
import { formatCents } from '../../lib/format';
import type { PlacedOrders } from './checkout-state';

export function Confirmation({ result, guest }: { result: PlacedOrders; guest?: { email: string; link: string } }) {
  const n = result.orders.length;
  return (
    <div className="confirmation" role="status">
      <div className="big-check" aria-hidden="true">
        ✓
      </div>
      <h2>Your {n === 1 ? 'order is' : `${n} orders are`} placed</h2>
      <p>
        We charged {formatCents(result.totalChargedCents)}. Each shop will ship its own package and you’ll see updates
        {guest ? ' by mail.' : ' on your orders page.'}
      </p>
      {guest && (
        // The sentence is one paragraph inside the box: the box lays out its children side by
        // side, so text straight in it became three columns and broke the address mid-word.
        <div className="notice">
          <p>
            We sent a confirmation to{' '}
            <strong>
              <EmailText email={guest.email} />
            </strong>
            {/* One text node after the address, so the sentence reads on from it as one run. */}
            {` with a link to your ${n === 1 ? 'order' : 'orders'}. From that link you can set a password to keep your orders in an account.`}
          </p>
        </div>
      )}
      <ul className="placed-orders">
        {result.orders.map((o) => (
          <li key={o.orderId} className="order-row">
            <Link to={guest ? guest.link : `/orders/${o.orderId}`}>
              Order #{o.orderId} from {o.shopName}
            </Link>
            <span>{formatCents(o.totalCents)}</span>
          </li>
        ))}
      </ul>
      <div className="confirmation-actions">
        <Link to={guest ? guest.link : '/orders'} className="btn btn-primary">
          {guest && n === 1 ? 'View your order' : 'View your orders'}
        </Link>
        <Link to="/" className="btn">
          Keep shopping
        </Link>
      </div>
    </div>
  );
}
