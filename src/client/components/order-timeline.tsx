// An order's status history (with the seller's notes) and its tracking link, for buyer and seller.
import type { OrderDetailDto } from '../../shared/schemas/orders';
import { formatCents, formatDateTime } from '../lib/format';
import { trackingUrl } from '../lib/tracking';
import { statusLabel } from './order-status';

export function TrackingNotice({ order }: { order: Pick<OrderDetailDto, 'trackingNumber' | 'carrier'> }) {
  if (!order.trackingNumber) return null;
  const url = trackingUrl(order.carrier, order.trackingNumber);
  return (
    <p className="notice notice-ok small">
      <span>
        Tracking{' '}
        {url ? (
          <a href={url} target="_blank" rel="noopener noreferrer">
            <strong>{order.trackingNumber}</strong>
            <span className="visually-hidden"> (opens the carrier's site)</span>
          </a>
        ) : (
          <strong>{order.trackingNumber}</strong>
        )}
        {order.carrier ? ` via ${order.carrier}` : ''}
      </span>
    </p>
  );
}

/**
 * The status history, oldest first. A refund (made when the order was cancelled, in the same step)
 * is its own entry right after the cancellation, so the timeline says where the money went.
 */
export function OrderTimeline({
  history,
  placedAt,
  refundedCents = 0,
}: {
  history: OrderDetailDto['history'];
  placedAt: string;
  refundedCents?: number;
}) {
  // Orders imported without a history still say when they were placed.
  const events = history.length ? history : [{ status: 'paid' as const, note: null, at: placedAt }];
  const cancelled = events.findLast((h) => h.status === 'cancelled');
  const refund = refundedCents > 0 && (
    <li key="refund">
      <strong>Refunded {formatCents(refundedCents)}</strong>
      {cancelled && <div className="small muted">{formatDateTime(cancelled.at)}</div>}
    </li>
  );
  return (
    <ol className="timeline" aria-label="Status history">
      {events.map((h) => [
        <li key={`${h.status}-${h.at}`}>
          <strong>{statusLabel[h.status]}</strong>
          <div className="small muted">{formatDateTime(h.at)}</div>
          {h.note && <div className="small timeline-note">“{h.note}”</div>}
        </li>,
        h === cancelled && refund,
      ])}
      {!cancelled && refund}
    </ol>
  );
}
