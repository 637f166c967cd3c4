// Orders after checkout: the buyer's history and detail, the seller's shop orders and the
// fulfilment state machine paid -> processing -> shipped -> delivered, with cancellation before
// shipping (restock + refund). Who may read or change an order is decided before these run
// (trpc/ownership.ts: NOT_FOUND for anyone else, so ids reveal nothing).
import { availableUnits } from '../../../shared/availability';
import { recordedProcessing } from '../../../shared/dispatch';
import { DomainError } from '../../../shared/errors';
import {
  type ListOrdersInput,
  OPEN_ORDER_STATUSES,
  type OrderDetailDto,
  type OrderItemDto,
  type OrderPage,
  type OrderStatusValue,
  type OrderSummaryDto,
  type ShippingAddressDto,
  type ShopOrdersInput,
  type UpdateOrderStatusInput,
} from '../../../shared/schemas/orders';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../auth/auth.session';
import { enqueueEmail } from '../email/email-outbox.repository';
import { announceOrderConversationChange } from '../messaging/messaging-events';
import { announceNotifications } from '../notifications/notification-events';
import { insertNotification } from '../notifications/notifications.repository';
import { paymentProvider } from '../payments/payments.registry';
import { addRefund } from '../payments/payments.repository';
import { publishAvailability } from '../realtime/inventory-events';
import {
  findLastShippingAddress,
  findOrder,
  findOrderItems,
  findStatusHistory,
  insertHistory,
  listBuyerOrders,
  listShopOrders,
  lockOrder,
  type OrderSummaryRow,
  restockOrder,
  setOrderStatus,
} from './orders.repository';

const PAGE_SIZE = 20;

interface OrdersContext {
  deps: AppDeps;
  user: SessionUser;
}

// The one table of allowed moves. Every order DTO carries the caller's `nextStatuses` from it, so
// the client offers exactly these actions and never keeps its own copy.
const TRANSITIONS: Record<OrderStatusValue, OrderStatusValue[]> = {
  paid: ['processing', 'cancelled'],
  processing: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

/** Statuses the caller may move an order to: the seller follows TRANSITIONS, the buyer none. */
function nextStatusesFor(status: OrderStatusValue, asSeller: boolean): OrderStatusValue[] {
  return asSeller ? [...TRANSITIONS[status]] : [];
}

async function withItems(deps: AppDeps, rows: OrderSummaryRow[], asSeller: boolean): Promise<OrderSummaryDto[]> {
  const items = await findOrderItems(
    deps.db,
    rows.map((r) => r.id),
  );
  const byOrder = new Map<number, OrderItemDto[]>();
  const processingOf = new Map<number, { minDays: number | null; maxDays: number | null }[]>();
  for (const i of items) {
    processingOf.set(i.order_id, [
      ...(processingOf.get(i.order_id) ?? []),
      { minDays: i.processing_days_min, maxDays: i.processing_days_max },
    ]);
    const list = byOrder.get(i.order_id) ?? [];
    list.push({
      productId: i.product_id,
      title: i.title,
      image: i.image,
      priceCents: i.price_cents,
      quantity: i.quantity,
      options: i.options,
      personalization: i.personalization,
      review: i.review_id !== null && i.review_rating !== null ? { id: i.review_id, rating: i.review_rating } : null,
      availableNow: availableUnits({
        quantity: i.listing_quantity,
        reserved: i.listing_reserved,
        status: i.listing_status,
      }),
    });
    byOrder.set(i.order_id, list);
  }
  return rows.map((r) => {
    const orderItems = byOrder.get(r.id) ?? [];
    return {
      orderId: r.id,
      shopId: r.shop_id,
      shopName: r.shop_name,
      shopSlug: r.shop_slug,
      buyerName: r.buyer_name,
      shipTo: { city: r.ship_city, country: r.ship_country },
      status: r.status,
      subtotalCents: r.subtotal_cents,
      shippingCents: r.shipping_cents,
      taxCents: r.tax_cents,
      totalCents: r.total_cents,
      refundedCents: Number(r.refunded_cents),
      itemCount: orderItems.reduce((n, i) => n + i.quantity, 0),
      items: orderItems,
      trackingNumber: r.tracking_number,
      carrier: r.carrier,
      createdAt: r.created_at.toISOString(),
      // The parcel leaves when its slowest line is ready; null when the order did not record it.
      processing: recordedProcessing(processingOf.get(r.id) ?? []),
      nextStatuses: nextStatusesFor(r.status, asSeller),
    };
  });
}

async function page(deps: AppDeps, rows: OrderSummaryRow[], asSeller: boolean): Promise<OrderPage> {
  const pageRows = rows.slice(0, PAGE_SIZE);
  return {
    items: await withItems(deps, pageRows, asSeller),
    nextCursor: rows.length > PAGE_SIZE ? (pageRows.at(-1)?.id ?? null) : null,
  };
}

export async function listMyOrders(ctx: OrdersContext, input: ListOrdersInput): Promise<OrderPage> {
  return page(ctx.deps, await listBuyerOrders(ctx.deps.db, ctx.user.id, input.cursor, PAGE_SIZE), false);
}

/** Orders of `shopId`, a shop the caller owns ('open' means any status still needing work). */
export async function listShopOrdersForSeller(
  deps: AppDeps,
  shopId: number,
  input: ShopOrdersInput,
): Promise<OrderPage> {
  const statuses = input.status === 'open' ? OPEN_ORDER_STATUSES : input.status ? [input.status] : undefined;
  return page(deps, await listShopOrders(deps.db, shopId, statuses, input.cursor, PAGE_SIZE), true);
}

function notFound(): DomainError {
  return new DomainError('NOT_FOUND', 'Order not found.');
}

/** One order as its buyer or its seller sees it (only the seller gets next statuses). */
export async function getOrder(deps: AppDeps, orderId: number, role: 'buyer' | 'seller'): Promise<OrderDetailDto> {
  const row = await findOrder(deps.db, orderId);
  if (!row) throw notFound();
  const [[summary], history] = await Promise.all([
    withItems(deps, [row], role === 'seller'),
    findStatusHistory(deps.db, orderId),
  ]);
  return {
    ...summary,
    buyer: { id: row.buyer_id, name: row.buyer_name },
    shippingAddress: row.shipping_address,
    history: history.map((h) => ({ status: h.status, note: h.note, at: h.created_at.toISOString() })),
    payment: { status: row.payment_status, refundedCents: row.payment_refunded_cents },
  };
}

/** Where the buyer's last order went, to prefill checkout; null before the first order. */
export async function lastShippingAddress(ctx: OrdersContext): Promise<ShippingAddressDto | null> {
  return findLastShippingAddress(ctx.deps.db, ctx.user.id);
}

/** Moves an order the caller's shop sold along its state machine. */
export async function updateOrderStatus(
  deps: AppDeps,
  orderId: number,
  input: UpdateOrderStatusInput,
): Promise<OrderDetailDto> {
  const outcome = await inTransaction(deps.db, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order) throw notFound();
    if (!TRANSITIONS[order.status].includes(input.status))
      throw new DomainError(
        'ILLEGAL_TRANSITION',
        `An order that is ${order.status} cannot be marked ${input.status}.`,
        { from: order.status, to: input.status, allowed: nextStatusesFor(order.status, true) },
      );
    if (input.status === 'shipped' && (!input.trackingNumber || !input.carrier))
      throw new DomainError('BAD_REQUEST', 'Shipping needs a tracking number and a carrier.', {
        field: input.trackingNumber ? 'carrier' : 'trackingNumber',
      });
    let restocked: number[] = [];
    let refund: { ref: string; amountCents: number } | null = null;
    if (input.status === 'cancelled') {
      restocked = await restockOrder(tx, order.id, order.shop_id);
      await addRefund(tx, order.payment_id, order.total_cents);
      refund = { ref: order.provider_ref, amountCents: order.total_cents };
    }
    await setOrderStatus(tx, order.id, {
      status: input.status,
      trackingNumber: input.status === 'shipped' ? input.trackingNumber : undefined,
      carrier: input.status === 'shipped' ? input.carrier : undefined,
    });
    await insertHistory(tx, order.id, input.status, input.note ?? null);
    await insertNotification(tx, order.buyer_id, `order.${input.status}`, {
      orderId: order.id,
      shopId: order.shop_id,
      // The news names the shop ("Your order #12 from Clay & Co has shipped"), as it was called then.
      shopName: order.shop_name,
      status: input.status,
    });
    // The buyer's mail from the shop, queued with the change it reports (decision 0072).
    if (input.status === 'shipped' || input.status === 'delivered' || input.status === 'cancelled')
      await enqueueEmail(tx, {
        kind: 'order.status',
        payload: { orderId: order.id, status: input.status },
        dedupeKey: `order-status:${order.id}:${input.status}`,
      });
    return { restocked, refund, buyerId: order.buyer_id };
  });
  void announceNotifications(deps, [outcome.buyerId]);
  // The order's conversations show its status, in every open tab of either party.
  void announceOrderConversationChange(deps, orderId);
  // A $0 order was never charged (decision 0010): nothing to refund.
  if (outcome.refund && outcome.refund.amountCents > 0) {
    try {
      // The provider dedupes on the key, so a retried cancellation never refunds twice.
      await paymentProvider(deps).refund(outcome.refund.ref, outcome.refund.amountCents, `refund:order:${orderId}`);
      // Told once the provider has taken the refund (the key keeps a retried cancellation to one mail).
      await enqueueEmail(deps.db, {
        kind: 'order.status',
        payload: { orderId, status: 'refunded', amountCents: outcome.refund.amountCents },
        dedupeKey: `order-refunded:${orderId}`,
      });
    } catch (err) {
      deps.log.error({ err: String(err), orderId }, 'refund after cancellation failed');
    }
  }
  if (outcome.restocked.length) void publishAvailability(deps, outcome.restocked);
  return getOrder(deps, orderId, 'seller');
}
