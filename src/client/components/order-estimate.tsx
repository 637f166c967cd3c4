// An order's estimated dispatch and delivery (issue 16 item 5, decision 0120): counted from when
// it was placed with the processing time it was sold with, so it reads the same as at checkout.
// Once shipped only the delivery estimate is left; after that, nothing to estimate. Orders placed
// before Hearth recorded processing times say so instead of showing nothing (decision 0146).
import {
  deliveryWindow,
  dispatchBy,
  dispatchOverdue,
  dispatchWindow,
  ESTIMATE_NOT_RECORDED,
} from '../../shared/dispatch';
import type { OrderSummaryDto } from '../../shared/schemas/orders';

type EstimatedOrder = Pick<OrderSummaryDto, 'processing' | 'status' | 'createdAt'>;

/** The buyer's view: when it should leave and arrive. */
export function OrderEstimate({ order, className = 'muted' }: { order: EstimatedOrder; className?: string }) {
  const { processing, status } = order;
  if (!['paid', 'processing', 'shipped'].includes(status)) return null;
  if (!processing)
    return (
      <p className={className} data-testid="order-estimate">
        Delivery estimate {ESTIMATE_NOT_RECORDED}.
      </p>
    );
  const placed = new Date(order.createdAt);
  return (
    <p className={className} data-testid="order-estimate">
      {status !== 'shipped' && <>Estimated dispatch {dispatchWindow(processing, placed)} · </>}
      Estimated delivery {deliveryWindow(processing, placed)}
    </p>
  );
}

/** The seller's view of an order still to send: the last day the buyer was promised dispatch by. */
export function DispatchBy({ order }: { order: EstimatedOrder }) {
  const { processing, status } = order;
  if (status !== 'paid' && status !== 'processing') return null;
  return (
    <p className="dispatch-by" data-testid="dispatch-by">
      {processing ? (
        <>
          Dispatch by <strong>{dispatchBy(processing, new Date(order.createdAt))}</strong>
          {/* A past date alone read like any other: say the promise has been missed. */}
          {dispatchOverdue(processing, new Date(order.createdAt)) && (
            <span className="dispatch-overdue"> · overdue, the buyer was promised it by then</span>
          )}
        </>
      ) : (
        <span className="muted">Dispatch-by date {ESTIMATE_NOT_RECORDED}.</span>
      )}
    </p>
  );
}
