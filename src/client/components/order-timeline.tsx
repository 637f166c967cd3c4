// An order's status history (with the seller's notes) and its tracking link, for buyer and seller.
import type { OrderDetailDto } from '../../shared/schemas/orders';
import { formatDateTime } from '../lib/format';
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

export function OrderTimeline({ history, placedAt }: { history: OrderDetailDto['history']; placedAt: string }) {
  // Orders imported without a history still say when they were placed.
  const events = history.length ? history : [{ status: 'paid' as const, note: null, at: placedAt }];
  return (
    <ol className="timeline" aria-label="Status history">
      {events.map((h) => (
        <li key={`${h.status}-${h.at}`}>
          <strong>{statusLabel[h.status]}</strong>
          <div className="small muted">{formatDateTime(h.at)}</div>
          {h.note && <div className="small timeline-note">“{h.note}”</div>}
        </li>
      ))}
    </ol>
  );
}
