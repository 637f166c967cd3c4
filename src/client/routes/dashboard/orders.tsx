// The seller's orders, newest first. Opens on what needs doing (paid and being made); the view
// lives in the URL (?view=) so Back and shared links keep it. Each row opens the seller's own
// order page, where the actions are.
import { Link, useSearchParams } from 'react-router';
import type { OrderSummaryDto, ShopOrdersInput } from '../../../shared/schemas/orders';
import { BoxIcon } from '../../components/icons';
import { OrderStatusBadge } from '../../components/order-status';
import { EmptyState, LoadFailed, PageSkeleton, RouteErrorBoundary } from '../../components/states';
import { countryName } from '../../lib/countries';
import { formatCents, formatDate, plural } from '../../lib/format';
import { usePageMeta } from '../../lib/page-meta';
import { trpc } from '../../trpc';
import { useMyShop } from './use-my-shop';

const views = [
  { value: 'open', label: 'To do' },
  { value: 'shipped', label: 'Shipped' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'all', label: 'All' },
] as const;
type View = (typeof views)[number]['value'];

export function viewFromUrl(params: URLSearchParams): View {
  const v = params.get('view');
  return views.find((x) => x.value === v)?.value ?? 'open';
}

const emptyText: Record<View, string> = {
  open: 'Nothing to do right now. New orders appear here the moment a buyer checks out.',
  shipped: 'No orders on their way.',
  delivered: 'No delivered orders yet.',
  cancelled: 'No cancelled orders.',
  all: 'No orders yet. They appear here the moment a buyer checks out.',
};

function OrderRow({ order }: { order: OrderSummaryDto }) {
  const [first, ...rest] = order.items;
  return (
    <li>
      <Link to={`/dashboard/orders/${order.orderId}`} className="seller-order-row">
        <span className="seller-order-main">
          <strong>
            Order #{order.orderId} · {order.buyerName}
          </strong>
          <span className="small muted">
            {formatDate(order.createdAt)} · to {order.shipTo.city}, {countryName(order.shipTo.country)}
          </span>
          <span className="small seller-order-items">
            {first ? `${first.quantity}× ${first.title}` : ''}
            {rest.length ? ` and ${plural(rest.length, 'more line')}` : ''}
          </span>
        </span>
        <span className="seller-order-total">{formatCents(order.totalCents)}</span>
        <span className="seller-order-status">
          <OrderStatusBadge status={order.status} />
          {/* What went back to the buyer, as the order page and the buyer's list say it. */}
          {order.refundedCents > 0 && (
            <span className="small seller-order-refund">Refunded {formatCents(order.refundedCents)}</span>
          )}
        </span>
      </Link>
    </li>
  );
}

export function Component() {
  usePageMeta('Shop orders');
  const shop = useMyShop();
  const [params] = useSearchParams();
  const view = viewFromUrl(params);
  const status: ShopOrdersInput['status'] = view === 'all' ? undefined : view;
  const orders = trpc.orders.forShop.useInfiniteQuery(
    { shopId: shop.data?.id ?? 0, ...(status ? { status } : {}) },
    { enabled: !!shop.data, getNextPageParam: (l) => l.nextCursor ?? undefined },
  );
  if (shop.isPending) return <PageSkeleton />;
  if (!shop.data) return <EmptyState title="Create your shop first" />;
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <h1 className="dash-title">Orders</h1>
      <nav className="chips order-views" aria-label="Order views">
        {views.map((v) => (
          <Link
            key={v.value}
            to={v.value === 'open' ? '.' : `?view=${v.value}`}
            className="chip"
            aria-current={view === v.value ? 'page' : undefined}
          >
            {v.label}
          </Link>
        ))}
      </nav>
      {orders.isPending ? (
        <div className="skeleton seller-order-skeleton" role="status" aria-label="Loading orders" />
      ) : orders.isError ? (
        <LoadFailed onRetry={() => orders.refetch()}>Orders could not be loaded.</LoadFailed>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<BoxIcon width={40} height={40} />}
          title={view === 'open' ? 'All caught up' : 'No orders here'}
        >
          {emptyText[view]}
        </EmptyState>
      ) : (
        <ul className="plain-list" aria-label="Orders">
          {items.map((o) => (
            <OrderRow key={o.orderId} order={o} />
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
          Show more orders
        </button>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
