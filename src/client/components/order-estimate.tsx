// An order's estimated dispatch and delivery (issue 16 item 5, decision 0120): counted from when
// it was placed with the processing time it was sold with, so it reads the same as at checkout.
// Once shipped only the delivery estimate is left; after that, nothing to estimate.
import { deliveryWindow, dispatchWindow } from '../../shared/dispatch';
import type { OrderSummaryDto } from '../../shared/schemas/orders';

export function OrderEstimate({ order, className = 'muted' }: { order: OrderSummaryDto; className?: string }) {
  const { processing, status } = order;
  if (!processing || !['paid', 'processing', 'shipped'].includes(status)) return null;
  const placed = new Date(order.createdAt);
  return (
    <p className={className} data-testid="order-estimate">
      {status !== 'shipped' && <>Estimated dispatch {dispatchWindow(processing, placed)} · </>}
      Estimated delivery {deliveryWindow(processing, placed)}
    </p>
  );
}
