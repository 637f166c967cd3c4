// The buyer's order history, newest first.
import { Link, type LoaderFunctionArgs } from 'react-router';
import { OrderStatusBadge } from '../components/order-status';
import { EmptyState, PageSkeleton, RouteErrorBoundary } from '../components/states';
import { formatCents, formatDate, plural } from '../lib/format';
import { usePageMeta } from '../lib/page-meta';
import { requireUser } from '../lib/session';
import { trpc, utils } from '../trpc';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  await utils.orders.list.prefetchInfinite({});
  return null;
}

export function Component() {
  usePageMeta('Your orders');
  const orders = trpc.orders.list.useInfiniteQuery({}, { getNextPageParam: (last) => last.nextCursor ?? undefined });
  if (orders.isPending) return <PageSkeleton />;
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="page page-narrow">
      <h1>Your orders</h1>
      {items.length === 0 ? (
        <EmptyState
          art="📦"
          title="No orders yet"
          action={
            <Link to="/" className="btn btn-primary">
              Start exploring
            </Link>
          }
        >
          When you buy something, you’ll follow it here from the maker’s bench to your door.
        </EmptyState>
      ) : (
        <ul className="plain-list" aria-label="Orders">
          {items.map((o) => (
            <li key={o.orderId}>
              <Link to={`/orders/${o.orderId}`} className="order-row">
                <span>
                  <strong>
                    Order #{o.orderId} · {o.shopName}
                  </strong>
                  <br />
                  <span className="small muted">
                    {formatDate(o.createdAt)} · {plural(o.itemCount, 'item')} ·{' '}
                    {o.items
                      .slice(0, 2)
                      .map((i) => i.title)
                      .join(', ')}
                    {o.items.length > 2 ? '…' : ''}
                  </span>
                </span>
                <span className="order-row-status">
                  <OrderStatusBadge status={o.status} />
                  {/* As the order page says it: what went back, beside "Cancelled". */}
                  {o.refundedCents > 0 && (
                    <span className="small order-row-refund"> · Refunded {formatCents(o.refundedCents)}</span>
                  )}
                </span>
                <strong>{formatCents(o.totalCents)}</strong>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {orders.hasNextPage && (
        <button
          type="button"
          className="btn"
          onClick={() => orders.fetchNextPage()}
          disabled={orders.isFetchingNextPage}
        >
          {orders.isFetchingNextPage ? 'Loading…' : 'Show older orders'}
        </button>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
