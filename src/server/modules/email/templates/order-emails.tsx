// Order mails: the buyer's confirmation (every shop of one checkout), the seller's new order, and
// the buyer's status news from the shop (shipped with tracking, delivered, cancelled, refunded).
import { Link, Text } from '@react-email/components';
import { ESTIMATE_NOT_RECORDED } from '../../../../shared/dispatch';
import { formatCents } from '../../../../shared/money';
import type { ShippingAddress } from '../../../db/database';
import { Action, EmailLayout, Heading, Paragraph, palette, type Sender } from './email-layout';
import { AddressBlock, type MailOrder, OrderLines } from './order-parts';

export function OrderConfirmationEmail(p: {
  appUrl: string;
  buyerName: string;
  orders: MailOrder[];
  totalChargedCents: number;
  address: ShippingAddress;
  viewUrl: string;
  /** Checked out as a guest with an email that has no account yet. */
  guestBuyer?: boolean;
}) {
  const shops = p.orders.length;
  return (
    <EmailLayout
      preview={`We have your order: ${formatCents(p.totalChargedCents)} from ${shops} shop${shops === 1 ? '' : 's'}`}
      appUrl={p.appUrl}
      reason="You get this mail because you placed an order on Hearth."
    >
      <Heading>Thank you for your order</Heading>
      <Paragraph>Hi {p.buyerName},</Paragraph>
      <Paragraph>
        {shops === 1
          ? `Your order went to ${p.orders[0]!.shopName}. They will tell you when it ships.`
          : `Your order went to ${shops} shops, each packing and shipping its own part. Each will tell you when it ships.`}
      </Paragraph>
      {p.orders.map((o) => (
        <OrderLines key={o.id} order={o} title={`${o.shopName} · order #${o.id}`} showEstimate />
      ))}
      <Text style={{ fontSize: 16, fontWeight: 700, margin: '0 0 16px', color: palette.ink }}>
        Charged to your card: {formatCents(p.totalChargedCents)}
      </Text>
      <AddressBlock address={p.address} heading="Shipping to" />
      <Action href={p.viewUrl} label="View your order" />
      {p.guestBuyer ? (
        <Paragraph muted>
          You checked out as a guest. From the order page you can set a password to keep your orders in a Hearth
          account.
        </Paragraph>
      ) : null}
    </EmailLayout>
  );
}

export function NewOrderEmail(p: {
  appUrl: string;
  sellerName: string;
  shopName: string;
  buyerName: string;
  order: MailOrder;
  address: ShippingAddress;
  orderUrl: string;
}) {
  return (
    <EmailLayout
      preview={`New order #${p.order.id} from ${p.buyerName}: ${formatCents(p.order.totalCents)}`}
      appUrl={p.appUrl}
      reason={`You get this mail because you run ${p.shopName} on Hearth.`}
    >
      <Heading>New order #{p.order.id}</Heading>
      <Paragraph>Hi {p.sellerName},</Paragraph>
      <Paragraph>
        {p.buyerName} just bought from {p.shopName}. The payment is authorised; pack it and mark it shipped when it
        leaves.
      </Paragraph>
      {/* The promise the buyer was shown at checkout, from the processing time each line sold with. */}
      <Text style={{ fontSize: 16, fontWeight: 700, margin: '0 0 16px', color: palette.ink }}>
        {p.order.estimate.recorded
          ? `Dispatch by ${p.order.estimate.dispatchBy}`
          : `Dispatch-by date ${ESTIMATE_NOT_RECORDED}.`}
      </Text>
      <OrderLines order={p.order} />
      <AddressBlock address={p.address} heading="Ship to" />
      <Action href={p.orderUrl} label="Open the order" />
    </EmailLayout>
  );
}

export type StatusNews =
  | { kind: 'shipped'; carrier: string; trackingNumber: string; trackingUrl: string | null }
  | { kind: 'delivered' }
  | { kind: 'cancelled'; note: string | null; refundCents: number }
  | { kind: 'refunded'; amountCents: number };

const subjects = {
  shipped: 'is on its way',
  delivered: 'was delivered',
  cancelled: 'was cancelled',
  refunded: 'was refunded',
} as const;

export function statusSubject(news: StatusNews, shopName: string, orderId: number): string {
  return `Your order #${orderId} from ${shopName} ${subjects[news.kind]}`;
}

export function OrderStatusEmail(p: {
  appUrl: string;
  sender: Sender;
  buyerName: string;
  shopName: string;
  order: MailOrder;
  news: StatusNews;
  orderUrl: string;
}) {
  const { news } = p;
  const subject = statusSubject(news, p.shopName, p.order.id);
  return (
    <EmailLayout
      preview={subject}
      sender={p.sender}
      appUrl={p.appUrl}
      reason={`You get this mail because you ordered from ${p.shopName} on Hearth.`}
    >
      <Heading>
        Your order from {p.shopName} {subjects[news.kind]}
      </Heading>
      <Paragraph>Hi {p.buyerName},</Paragraph>
      {news.kind === 'shipped' ? (
        <>
          <Paragraph>
            {p.shopName} shipped order #{p.order.id} with {news.carrier}.
          </Paragraph>
          <Text style={{ fontSize: 15, margin: '0 0 14px', color: palette.ink }}>
            Tracking number:{' '}
            {news.trackingUrl ? (
              <Link href={news.trackingUrl} style={{ color: palette.clay, fontWeight: 700 }}>
                {news.trackingNumber}
              </Link>
            ) : (
              <strong>{news.trackingNumber}</strong>
            )}
          </Text>
          {news.trackingUrl ? <Action href={news.trackingUrl} label={`Track it on ${news.carrier}`} /> : null}
        </>
      ) : news.kind === 'delivered' ? (
        <Paragraph>
          Order #{p.order.id} from {p.shopName} has arrived. Enjoy it, and tell others what you think with a review.
        </Paragraph>
      ) : news.kind === 'cancelled' ? (
        <>
          <Paragraph>
            {p.shopName} cancelled order #{p.order.id}.{news.note ? ` Their note: “${news.note}”` : ''}
          </Paragraph>
          <Paragraph>
            {news.refundCents > 0
              ? `The ${formatCents(news.refundCents)} you paid goes back to your card; we will confirm when the refund is done.`
              : 'Nothing was charged for this order.'}
          </Paragraph>
        </>
      ) : (
        <Paragraph>
          {formatCents(news.amountCents)} for order #{p.order.id} from {p.shopName} is on its way back to your card.
          Depending on your bank it shows within 5 to 10 days.
        </Paragraph>
      )}
      <OrderLines order={p.order} />
      <Action href={p.orderUrl} label="View the order" />
    </EmailLayout>
  );
}
