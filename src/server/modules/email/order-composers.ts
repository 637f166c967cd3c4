// Composers of order mails (see email-composers.ts): each reads the order as it is when the mail
// is sent. Status mails come from the shop (its name and logo); the rest from Hearth.
import { z } from 'zod';
import { deliveryWindow, dispatchBy, dispatchWindow, recordedProcessing } from '../../../shared/dispatch';
import { trackingUrl } from '../../../shared/tracking';
import type { AppDeps } from '../../deps';
import { guestOrderPath } from '../orders/guest-order-link';
import { type Composer, SKIP } from './composer';
import {
  findItemsForMail,
  findLatestHistoryNote,
  findOrderForMail,
  findOrdersOfPayment,
  findPaymentAmount,
  type OrderMailRow,
} from './order-mail.repository';
import {
  NewOrderEmail,
  OrderConfirmationEmail,
  OrderStatusEmail,
  type StatusNews,
  statusSubject,
} from './templates/order-emails';
import type { MailOrder } from './templates/order-parts';

/**
 * The parcel's windows from when it was placed, with the processing time each line was sold with;
 * `recorded: false` for an order placed before lines kept it (decision 0146).
 */
function estimateOf(
  lines: { processing_days_min: number | null; processing_days_max: number | null }[],
  placedAt: Date,
): MailOrder['estimate'] {
  const processing = recordedProcessing(
    lines.map((l) => ({ minDays: l.processing_days_min, maxDays: l.processing_days_max })),
  );
  if (!processing) return { recorded: false };
  return {
    recorded: true,
    dispatch: dispatchWindow(processing, placedAt),
    delivery: deliveryWindow(processing, placedAt),
    dispatchBy: dispatchBy(processing, placedAt),
  };
}

async function withItems(deps: AppDeps, rows: OrderMailRow[]): Promise<MailOrder[]> {
  const items = await findItemsForMail(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    shopName: r.shop_name,
    estimate: estimateOf(
      items.filter((i) => i.order_id === r.id),
      r.created_at,
    ),
    subtotalCents: r.subtotal_cents,
    shippingCents: r.shipping_cents,
    taxCents: r.tax_cents,
    totalCents: r.total_cents,
    items: items
      .filter((i) => i.order_id === r.id)
      .map((i) => ({
        title: i.title,
        priceCents: i.price_cents,
        quantity: i.quantity,
        options: i.options,
        personalization: i.personalization,
      })),
  }));
}

const absolute = (deps: AppDeps, url: string | null) =>
  url ? (url.startsWith('/') ? `${deps.config.appUrl}${url}` : url) : null;

export const composeOrderConfirmation: Composer = async (deps, row) => {
  const { paymentId, guest } = z
    .object({ paymentId: z.number().int().positive(), guest: z.boolean().optional() })
    .parse(row.payload);
  const rows = await findOrdersOfPayment(deps.db, paymentId);
  const payment = await findPaymentAmount(deps.db, paymentId);
  if (rows.length === 0 || !payment) return SKIP;
  const first = rows[0]!;
  const orders = await withItems(deps, rows);
  return {
    to: { name: first.buyer_name, address: first.buyer_email },
    subject:
      rows.length === 1
        ? `Order #${first.id} confirmed: ${first.shop_name}`
        : `Your Hearth order is confirmed (${rows.length} shops)`,
    element: OrderConfirmationEmail({
      appUrl: deps.config.appUrl,
      buyerName: first.buyer_name,
      orders,
      totalChargedCents: payment.amount_cents,
      address: first.shipping_address,
      // A guest's link is signed: it opens the orders without an account (decision 0073).
      viewUrl: guest
        ? `${deps.config.appUrl}${guestOrderPath(deps, paymentId, 'm')}`
        : rows.length === 1
          ? `${deps.config.appUrl}/orders/${first.id}`
          : `${deps.config.appUrl}/orders`,
      guestBuyer: !!guest && first.guest_buyer,
    }),
  };
};

export const composeNewOrder: Composer = async (deps, row) => {
  const { orderId } = z.object({ orderId: z.number().int().positive() }).parse(row.payload);
  const order = await findOrderForMail(deps.db, orderId);
  if (!order) return SKIP;
  const [mailOrder] = await withItems(deps, [order]);
  return {
    to: { name: order.seller_name, address: order.seller_email },
    subject: `New order #${order.id} for ${order.shop_name}`,
    element: NewOrderEmail({
      appUrl: deps.config.appUrl,
      sellerName: order.seller_name,
      shopName: order.shop_name,
      buyerName: order.buyer_name,
      order: mailOrder!,
      address: order.shipping_address,
      orderUrl: `${deps.config.appUrl}/dashboard/orders/${order.id}`,
    }),
    optional: { userId: order.seller_id, event: 'order.placed' },
  };
};

const statusPayload = z.object({
  orderId: z.number().int().positive(),
  status: z.enum(['shipped', 'delivered', 'cancelled', 'refunded']),
  amountCents: z.number().int().min(0).optional(),
});

export const composeOrderStatus: Composer = async (deps, row) => {
  const p = statusPayload.parse(row.payload);
  const order = await findOrderForMail(deps.db, p.orderId);
  if (!order) return SKIP;
  let news: StatusNews;
  if (p.status === 'shipped') {
    if (!order.tracking_number || !order.carrier) return SKIP;
    news = {
      kind: 'shipped',
      carrier: order.carrier,
      trackingNumber: order.tracking_number,
      trackingUrl: trackingUrl(order.carrier, order.tracking_number),
    };
  } else if (p.status === 'delivered') news = { kind: 'delivered' };
  else if (p.status === 'cancelled') {
    const note = await findLatestHistoryNote(deps.db, order.id, 'cancelled');
    news = { kind: 'cancelled', note: note?.note ?? null, refundCents: order.total_cents };
  } else news = { kind: 'refunded', amountCents: p.amountCents ?? order.total_cents };
  const [mailOrder] = await withItems(deps, [order]);
  return {
    to: { name: order.buyer_name, address: order.buyer_email },
    fromName: `${order.shop_name} via Hearth`,
    subject: statusSubject(news, order.shop_name, order.id),
    element: OrderStatusEmail({
      appUrl: deps.config.appUrl,
      sender: { name: order.shop_name, logoUrl: absolute(deps, order.shop_logo) },
      buyerName: order.buyer_name,
      shopName: order.shop_name,
      order: mailOrder!,
      news,
      orderUrl: `${deps.config.appUrl}/orders/${order.id}`,
    }),
    // Shipped and delivered may be turned off; cancellations and refunds move money: always sent.
    optional:
      p.status === 'shipped' || p.status === 'delivered'
        ? { userId: order.buyer_id, event: `order.${p.status}` }
        : null,
  };
};
