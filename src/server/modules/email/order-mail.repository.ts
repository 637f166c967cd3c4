// What order mails say, read when they are sent: the orders of one checkout (the buyer's
// confirmation) or one order with its shop, buyer and seller (new order, status changes).
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/kysely';

const orderColumns = [
  'o.id',
  'o.payment_id',
  'o.status',
  'o.subtotal_cents',
  'o.shipping_cents',
  'o.tax_cents',
  'o.total_cents',
  'o.shipping_address',
  'o.tracking_number',
  'o.carrier',
  'o.created_at',
  's.name as shop_name',
  's.slug as shop_slug',
  's.logo_url as shop_logo',
  'o.buyer_id',
  's.owner_id as seller_id',
  'buyer.name as buyer_name',
  'buyer.email as buyer_email',
  'seller.name as seller_name',
  'seller.email as seller_email',
] as const;

function ordersQuery(db: DbOrTx) {
  return db
    .selectFrom('orders as o')
    .innerJoin('shops as s', 's.id', 'o.shop_id')
    .innerJoin('users as buyer', 'buyer.id', 'o.buyer_id')
    .innerJoin('users as seller', 'seller.id', 's.owner_id')
    .select(orderColumns)
    .select(sql<boolean>`buyer.password_hash is null`.as('guest_buyer'));
}

export type OrderMailRow = Awaited<ReturnType<ReturnType<typeof ordersQuery>['execute']>>[number];

export function findOrdersOfPayment(db: DbOrTx, paymentId: number) {
  return ordersQuery(db).where('o.payment_id', '=', paymentId).orderBy('o.id').execute();
}

export function findOrderForMail(db: DbOrTx, orderId: number) {
  return ordersQuery(db).where('o.id', '=', orderId).executeTakeFirst();
}

export function findPaymentAmount(db: DbOrTx, paymentId: number) {
  return db
    .selectFrom('payments')
    .select(['amount_cents', 'refunded_cents'])
    .where('id', '=', paymentId)
    .executeTakeFirst();
}

export function findItemsForMail(db: DbOrTx, orderIds: readonly number[]) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('order_items')
    .select([
      'order_id',
      'title',
      'price_cents',
      'quantity',
      'options',
      'personalization',
      'processing_days_min',
      'processing_days_max',
    ])
    .where('order_id', 'in', [...orderIds])
    .orderBy('id')
    .execute();
}

export function findLatestHistoryNote(db: DbOrTx, orderId: number, status: string) {
  return db
    .selectFrom('order_status_history')
    .select('note')
    .where('order_id', '=', orderId)
    .where('status', '=', status as never)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
