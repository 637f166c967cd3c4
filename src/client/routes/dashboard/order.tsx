// The seller's page for one order: who bought it (and a way to write to them), where it goes, what
// to make and pack, the next step, and the timeline with notes. Only the shop's owner can load it
// (orders.forSeller).

import { useEffect, useRef } from 'react';
import { Link, type LoaderFunctionArgs, useParams } from 'react-router';
import { AddressBlock } from '../../components/address-block';
import { LineSummary, lineKey } from '../../components/line-choices';
import { MoneySummary } from '../../components/money-summary';
import { DispatchBy } from '../../components/order-estimate';
import { OrderStatusBadge } from '../../components/order-status';
import { OrderTimeline, TrackingNotice } from '../../components/order-timeline';
import { RouteErrorBoundary } from '../../components/states';
import { formatCents, formatDateTime } from '../../lib/format';
import { usePageMeta } from '../../lib/page-meta';
import { requireUser } from '../../lib/session';
import { trpc, utils } from '../../trpc';
import { MessageBuyer } from './message-buyer';
import { OrderActions } from './order-actions';

function orderIdFrom(params: { orderId?: string }) {
  const id = Number(params.orderId);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw new Response('Not found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  await utils.orders.forSeller.ensureData({ orderId: orderIdFrom(params) });
  return null;
}

export function Component() {
  const orderId = orderIdFrom(useParams());
  usePageMeta(`Order #${orderId} · Shop orders`);
  const order = trpc.orders.forSeller.useQuery({ orderId });
  const o = order.data;
  const titleRef = useRef<HTMLHeadingElement>(null);
  const status = o?.status;
  const shownStatus = useRef(status);
  // A step (Start making, Mark shipped, Cancel) remounts the actions card for the next one, which
  // takes the pressed button with it: focus goes to the new card's heading (the order's title when
  // nothing is left to do) instead of falling to the page. Not onto the next button, where a second
  // Enter would take the next step too; and never away from where the seller already is.
  useEffect(() => {
    const changed = shownStatus.current !== undefined && shownStatus.current !== status;
    shownStatus.current = status;
    if (!changed || (document.activeElement && document.activeElement !== document.body)) return;
    (document.getElementById('order-actions-title') ?? titleRef.current)?.focus();
  }, [status]);
  if (!o) return null;
  const units = o.items.reduce((n, i) => n + i.quantity, 0);
  // Only an order still to be sent has items to send; a sent or cancelled one lists what it held.
  const toSend = o.status === 'paid' || o.status === 'processing';
  return (
    <div>
      <nav className="small muted breadcrumb" aria-label="Breadcrumb">
        <Link to="/dashboard/orders">Orders</Link> › Order #{o.orderId}
      </nav>
      <div className="title-row">
        <h1 ref={titleRef} tabIndex={-1} className="dash-title focus-heading">
          Order #{o.orderId}
        </h1>
        <OrderStatusBadge status={o.status} />
      </div>
      <p className="muted">
        Placed {formatDateTime(o.createdAt)} · {units} {units === 1 ? 'item' : 'items'} · {formatCents(o.totalCents)}
        {o.refundedCents > 0 && ` · refunded ${formatCents(o.refundedCents)}`}
      </p>
      <DispatchBy order={o} />
      <div className="seller-order-grid">
        <div>
          <OrderActions key={o.status} order={o} />
          <section className="card card-stack" aria-labelledby="items-title">
            <h2 id="items-title" className="card-title">
              {toSend ? 'Items to send' : 'Items in this order'}
            </h2>
            <ul className="plain-list">
              {o.items.map((i) => (
                <li key={lineKey(i)} className="review-line">
                  <LineSummary line={i} unitCents={i.priceCents} />
                </li>
              ))}
            </ul>
            <MoneySummary totals={o} className="summary-inline" />
          </section>
        </div>
        <aside>
          <section className="card card-stack" aria-labelledby="buyer-title">
            <h2 id="buyer-title" className="card-title">
              Buyer
            </h2>
            <p className="flush">{o.buyer.name}</p>
            <MessageBuyer orderId={o.orderId} shopName={o.shopName} />
            <h3 className="card-subtitle">Ship to</h3>
            <AddressBlock address={o.shippingAddress} />
          </section>
          <section className="card card-stack" aria-labelledby="timeline-title">
            <h2 id="timeline-title" className="card-title">
              Timeline
            </h2>
            <TrackingNotice order={o} />
            <OrderTimeline history={o.history} placedAt={o.createdAt} refundedCents={o.refundedCents} />
          </section>
        </aside>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
