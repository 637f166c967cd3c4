// Sales overview from seller.dashboard: KPIs, revenue per day chart, orders by status, top
// products and low-stock alerts. The chart library lives only in this chunk.
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import type { DashboardOrderStatus } from '../../../shared/schemas/seller';
import { optionsLabel } from '../../../shared/variations';
import { statusLabel } from '../../components/order-status';
import { PageSkeleton, RouteErrorBoundary } from '../../components/states';
import { formatCents } from '../../lib/format';
import { usePageMeta } from '../../lib/page-meta';
import { trpc } from '../../trpc';
import { NoShopYet } from './no-shop-yet';
import { useMyShop } from './use-my-shop';

const RevenueChart = lazy(() => import('./revenue-chart'));

export function Component() {
  usePageMeta('Shop dashboard');
  const shop = useMyShop();
  const [days, setDays] = useState(30);
  const dash = trpc.seller.dashboard.useQuery({ shopId: shop.data?.id ?? 0, days }, { enabled: !!shop.data });
  if (shop.isPending) return <PageSkeleton />;
  if (!shop.data) {
    return (
      <NoShopYet art="🏺" title="Sell what you make">
        Open a shop, list your work, and we’ll handle search, carts and payments.
      </NoShopYet>
    );
  }
  const d = dash.data;
  return (
    <div>
      <div className="section-head dash-head">
        <h1>Overview</h1>
        <label className="small">
          <span className="visually-hidden">Time range</span>
          <select
            className="select"
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
            aria-label="Time range"
          >
            <option value={7}>Last 7 days</option>
            <option value={30}>Last 30 days</option>
            <option value={90}>Last 90 days</option>
          </select>
        </label>
      </div>
      {!d ? (
        <PageSkeleton />
      ) : (
        <>
          <div className="kpis">
            <div className="kpi">
              <div className="value">{formatCents(d.totals.revenueCents)}</div>
              <div className="label">Revenue</div>
            </div>
            <div className="kpi">
              <div className="value">{d.totals.orders}</div>
              <div className="label">Orders</div>
            </div>
            <div className="kpi">
              <div className="value">{formatCents(d.totals.averageOrderCents)}</div>
              <div className="label">Average order</div>
            </div>
            <div className="kpi">
              <div className="value">{d.openOrders}</div>
              <div className="label">
                <Link to="/dashboard/orders">Orders to fulfil</Link>
              </div>
            </div>
          </div>
          <div className="card">
            <h2 className="card-title">Revenue per day</h2>
            {d.revenueByDay.some((r) => r.revenueCents > 0) ? (
              <Suspense
                fallback={
                  <div className="chart-box">
                    <div className="skeleton skeleton-fill" />
                  </div>
                }
              >
                <RevenueChart data={d.revenueByDay} />
              </Suspense>
            ) : (
              <p className="muted chart-empty">No sales in these {days} days yet. Revenue shows here day by day.</p>
            )}
          </div>
          <div className="dash-grid">
            <div className="card">
              <h2 className="card-title">Orders by status</h2>
              <table className="table">
                <tbody>
                  {(Object.entries(d.ordersByStatus) as [DashboardOrderStatus, number][]).map(([status, n]) => (
                    <tr key={status}>
                      <td>{statusLabel[status]}</td>
                      <td className="num">{n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="card">
              <h2 className="card-title">Top products</h2>
              {d.topProducts.length === 0 ? (
                <p className="muted">No sales in this period yet.</p>
              ) : (
                <table className="table">
                  <tbody>
                    {d.topProducts.map((p) => (
                      <tr key={p.productId}>
                        <td>
                          <Link to={`/product/${p.productId}`}>{p.title}</Link>
                        </td>
                        <td>{p.unitsSold} sold</td>
                        <td className="num">{formatCents(p.revenueCents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
            <div className="card">
              <h2 className="card-title">Low stock</h2>
              {/* The most urgent few, sold out first; the listings page has every combination. */}
              {d.lowStock.length === 0 ? (
                <p className="muted">Everything is well stocked.</p>
              ) : (
                <ul className="indented-list">
                  {d.lowStock.map((p) => (
                    <li key={p.variantId}>
                      {/* Restocking is the next step: the item opens its listing's editor. */}
                      <Link to={`/dashboard/listings?edit=${p.productId}`}>{p.title}</Link>
                      {p.options.length > 0 && <span className="muted"> ({optionsLabel(p.options)})</span>} —{' '}
                      <span className={p.available === 0 ? 'badge badge-danger' : 'badge badge-warn'}>
                        {p.available} available
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {d.lowStockCount > d.lowStock.length && (
                <p className="small low-stock-more">
                  <Link to="/dashboard/listings?stock=low">View all {d.lowStockCount} in Listings</Link>
                </p>
              )}
            </div>
          </div>
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
