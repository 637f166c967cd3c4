// One order: items, totals, shipping address, tracking and the status timeline. Once delivered,
// the buyer reviews each line here (once per line).

import { useEffect, useRef, useState } from 'react';
import { Link, type LoaderFunctionArgs, useParams } from 'react-router';
import type { OrderItemDto } from '../../shared/schemas/orders';
import { AddressBlock } from '../components/address-block';
import { BuyAgainButton } from '../components/buy-again-button';
import { ContactShopButton } from '../components/contact-shop';
import { LineSummary, lineKey, productHref } from '../components/line-choices';
import { MoneySummary } from '../components/money-summary';
import { OrderContactShop } from '../components/order-contact-shop';
import { OrderEstimate } from '../components/order-estimate';
import { OrderStatusBadge } from '../components/order-status';
import { OrderTimeline, TrackingNotice } from '../components/order-timeline';
import { ReviewForm } from '../components/review-forms';
import { Stars } from '../components/stars';
import { RouteErrorBoundary } from '../components/states';
import { formatCents, formatDateTime } from '../lib/format';
import { usePageMeta } from '../lib/page-meta';
import { requireUser, useMe } from '../lib/session';
import { useFocusAfter } from '../lib/use-focus-after';
import { trpc, utils } from '../trpc';

function orderIdFrom(params: { orderId?: string }) {
  const id = Number(params.orderId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  await utils.orders.byId.ensureData({ orderId: orderIdFrom(params) });
  return null;
}

/** Under a delivered line: "Write a review" opens the form; afterwards, the stars the buyer gave. */
function LineReview({ orderId, item }: { orderId: number; item: OrderItemDto }) {
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const reviewed = useRef<HTMLDivElement>(null);
  const focusAfter = useFocusAfter();
  // Focus follows the disclosure: into the form when it opens, back to the button on cancel.
  useEffect(() => {
    if (open) panel.current?.querySelector('input')?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (item.review)
    return (
      // Focusable so that after "Post review" (whose form this replaces) focus lands here, not on <body>.
      <div ref={reviewed} className="line-review done" role="status" tabIndex={-1}>
        <span className="reviewed-pill">
          <span className="small">You reviewed this</span>
          <Stars rating={item.review.rating} />
        </span>
        <Link className="small" to={`/product/${item.productId}#reviews-title`}>
          See it on the product page
        </Link>
      </div>
    );
  return (
    <div className="line-review">
      {!open && (
        <button ref={opener} type="button" className="btn btn-sm" onClick={() => setOpen(true)}>
          <span aria-hidden="true">★</span> Write a review
        </button>
      )}
      {open && (
        <div ref={panel} className="review-panel">
          <h3 className="review-panel-title">Review “{item.title}”</h3>
          <ReviewForm
            orderId={orderId}
            productId={item.productId}
            productTitle={item.title}
            onCancel={() => setOpen(false)}
            onDone={() => {
              focusAfter(() => reviewed.current);
              setOpen(false);
            }}
          />
        </div>
      )}
    </div>
  );
}

export function Component() {
  const orderId = orderIdFrom(useParams());
  const { user } = useMe();
  // Poll gently so a status change by the seller shows up without a reload.
  const order = trpc.orders.byId.useQuery({ orderId }, { refetchInterval: 15_000 });
  const o = order.data;
  usePageMeta(`Order #${orderId}`);
  if (!o) return null;
  const isBuyer = user?.id === o.buyer.id;
  const canReview = o.status === 'delivered' && isBuyer;
  return (
    <div className="page page-order">
      <nav className="small muted breadcrumb" aria-label="Breadcrumb">
        <Link to="/orders">Your orders</Link> › Order #{o.orderId}
      </nav>
      <div className="title-row">
        <h1>Order #{o.orderId}</h1>
        <OrderStatusBadge status={o.status} />
      </div>
      <p className="muted">
        From <Link to={`/shop/${o.shopSlug}`}>{o.shopName}</Link> · placed {formatDateTime(o.createdAt)}
      </p>
      <OrderEstimate order={o} />
      {isBuyer ? (
        <OrderContactShop orderId={o.orderId} shopId={o.shopId} shopName={o.shopName} />
      ) : (
        <div className="order-contact">
          <ContactShopButton
            shopId={o.shopId}
            shopName={o.shopName}
            orderId={o.orderId}
            label="Message the shop"
            placeholder="Where is my parcel? Can I change the address?"
          />
        </div>
      )}
      <div className="two-col">
        <div className="card">
          <ul className="plain-list">
            {o.items.map((i) => (
              <li key={lineKey(i)} className="cart-item order-line">
                <LineSummary line={i} unitCents={i.priceCents} thumbClassName="thumb" />
                {canReview && <LineReview orderId={o.orderId} item={i} />}
                {isBuyer && (
                  <div className="line-actions">
                    {i.availableNow === 0 ? (
                      // Sold out or no longer for sale: say so rather than offer a button that fails.
                      <span className="small muted">Sold out</span>
                    ) : i.options.length > 0 || i.personalization ? (
                      // A combination or a text must be chosen again on the listing's page.
                      <Link to={productHref(i)} className="btn btn-sm">
                        Buy again
                      </Link>
                    ) : (
                      <BuyAgainButton productId={i.productId} title={i.title} />
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
          <MoneySummary totals={o} className="summary-inline">
            {o.refundedCents > 0 && (
              <div className="row small refund-row">
                <span>Refunded</span>
                <span>{formatCents(o.refundedCents)}</span>
              </div>
            )}
          </MoneySummary>
        </div>
        <aside>
          <div className="card card-stack">
            <h2 className="card-title">Status</h2>
            <TrackingNotice order={o} />
            <OrderTimeline history={o.history} placedAt={o.createdAt} refundedCents={o.refundedCents} />
          </div>
          <div className="card">
            <h2 className="card-title">Shipping to</h2>
            <AddressBlock address={o.shippingAddress} className="small" />
          </div>
        </aside>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
