import type { OrderStatusValue } from '../../shared/schemas/orders';

export const statusLabel: Record<OrderStatusValue, string> = {
  paid: 'Paid',
  processing: 'Being made / packed',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
};

export function OrderStatusBadge({ status }: { status: OrderStatusValue }) {
  return <span className={`badge status status-${status}`}>{statusLabel[status]}</span>;
}
