// Orders to fulfil: filter by status, move an order along, add tracking when shipping.
import { useState } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { ORDER_STATUSES, type OrderStatusValue, type OrderSummaryDto } from '../../../shared/schemas/orders';
import { OrderStatusBadge, statusLabel } from '../../components/order-status';
import { EmptyState, PageSkeleton, RouteErrorBoundary } from '../../components/states';
import { formatCents, formatDate, plural } from '../../lib/format';
import { describeError, trpc } from '../../trpc';
import { useMyShop } from './use-my-shop';

const nextActions: Partial<
  Record<OrderStatusValue, { status: 'processing' | 'shipped' | 'delivered'; label: string }>
> = {
  paid: { status: 'processing', label: 'Start processing' },
  processing: { status: 'shipped', label: 'Mark shipped' },
  shipped: { status: 'delivered', label: 'Mark delivered' },
};

function OrderCard({ order }: { order: OrderSummaryDto }) {
  const trpcUtils = trpc.useUtils();
  const [tracking, setTracking] = useState('');
  const [carrier, setCarrier] = useState('USPS');
  const update = trpc.orders.updateStatus.useMutation({
    onSuccess: (_r, vars) => {
      toast.success(`Order #${order.orderId}: ${statusLabel[vars.status]}`);
      void trpcUtils.orders.forShop.invalidate();
      void trpcUtils.seller.dashboard.invalidate();
    },
    onError: (e) => toast.error(describeError(e).message),
  });
  const next = nextActions[order.status];
  const canCancel = order.status === 'paid' || order.status === 'processing';
  return (
    <article className="card" style={{ marginBottom: 12 }} aria-label={`Order ${order.orderId}`}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap' }}>
        <div>
          <strong>Order #{order.orderId}</strong> · {formatDate(order.createdAt)} · {plural(order.itemCount, 'item')} ·{' '}
          {formatCents(order.totalCents)}
          <div className="small muted">{order.items.map((i) => `${i.quantity}× ${i.title}`).join(', ')}</div>
          {order.trackingNumber && (
            <div className="small">
              Tracking {order.trackingNumber} {order.carrier ? `(${order.carrier})` : ''}
            </div>
          )}
        </div>
        <OrderStatusBadge status={order.status} />
      </div>
      {(next || canCancel) && (
        <form
          style={{ display: 'flex', gap: 10, alignItems: 'flex-end', flexWrap: 'wrap', marginTop: 12 }}
          onSubmit={(e) => {
            e.preventDefault();
            if (!next) return;
            update.mutate({
              orderId: order.orderId,
              status: next.status,
              ...(next.status === 'shipped' && tracking.trim() ? { trackingNumber: tracking.trim(), carrier } : {}),
            });
          }}
        >
          {next?.status === 'shipped' && (
            <>
              <div className="field" style={{ margin: 0 }}>
                <label htmlFor={`carrier-${order.orderId}`}>Carrier</label>
                <select
                  id={`carrier-${order.orderId}`}
                  className="select"
                  value={carrier}
                  onChange={(e) => setCarrier(e.target.value)}
                >
                  {['USPS', 'UPS', 'FedEx', 'DHL', 'Royal Mail', 'Other'].map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </div>
              <div className="field" style={{ margin: 0 }}>
                <label htmlFor={`tracking-${order.orderId}`}>Tracking number</label>
                <input
                  id={`tracking-${order.orderId}`}
                  className="input"
                  value={tracking}
                  onChange={(e) => setTracking(e.target.value)}
                  maxLength={60}
                />
              </div>
            </>
          )}
          {next && (
            <button type="submit" className="btn btn-primary" disabled={update.isPending}>
              {next.label}
            </button>
          )}
          {canCancel && (
            <button
              type="button"
              className="btn btn-ghost btn-danger"
              disabled={update.isPending}
              onClick={() => {
                if (confirm(`Cancel order #${order.orderId}? The buyer is refunded and stock is restored.`))
                  update.mutate({ orderId: order.orderId, status: 'cancelled' });
              }}
            >
              Cancel order
            </button>
          )}
          <Link to={`/orders/${order.orderId}`} className="btn btn-ghost btn-sm">
            Details
          </Link>
        </form>
      )}
    </article>
  );
}

export function Component() {
  const shop = useMyShop();
  const [status, setStatus] = useState<OrderStatusValue | ''>('');
  const orders = trpc.orders.forShop.useInfiniteQuery(
    { shopId: shop.data?.id ?? 0, ...(status ? { status } : {}) },
    { enabled: !!shop.data, getNextPageParam: (l) => l.nextCursor ?? undefined },
  );
  if (shop.isPending) return <PageSkeleton />;
  if (!shop.data) return <EmptyState title="Create your shop first" />;
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <div className="section-head" style={{ marginTop: 0 }}>
        <h1 style={{ margin: 0 }}>Orders</h1>
        <div>
          <label htmlFor="status-filter" className="small muted">
            Status{' '}
          </label>
          <select
            id="status-filter"
            className="select"
            style={{ width: 'auto' }}
            value={status}
            onChange={(e) => setStatus(e.target.value as OrderStatusValue | '')}
          >
            <option value="">All</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {orders.isPending ? (
        <PageSkeleton />
      ) : items.length === 0 ? (
        <EmptyState art="📦" title="No orders here">
          New orders appear here the moment a buyer checks out.
        </EmptyState>
      ) : (
        items.map((o) => <OrderCard key={o.orderId} order={o} />)
      )}
      {orders.hasNextPage && (
        <button type="button" className="btn" onClick={() => orders.fetchNextPage()}>
          Show more
        </button>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
