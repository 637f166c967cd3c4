// Pieces shared by order mails: an order's lines and totals, and a shipping address.
import { Column, Row, Section, Text } from '@react-email/components';
import { ESTIMATE_NOT_RECORDED } from '../../../../shared/dispatch';
import { formatCents } from '../../../../shared/money';
import type { ShippingAddress } from '../../../db/database';
import { palette } from './email-layout';

export interface MailOrder {
  id: number;
  shopName: string;
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  /**
   * Estimated windows as sold (decision 0120), e.g. "Mon, Dec 7 – Wed, Dec 9", and the last day to
   * dispatch by; not recorded for orders placed before lines kept a processing time (decision 0146).
   */
  estimate: { recorded: true; dispatch: string; delivery: string; dispatchBy: string } | { recorded: false };
  items: {
    title: string;
    priceCents: number;
    quantity: number;
    /** The chosen variation values and personalisation (issue 16); absent or empty when none. */
    options?: { name: string; value: string }[];
    personalization?: string;
  }[];
}

const cell = { fontSize: 14, lineHeight: '20px', margin: '2px 0', color: palette.ink };
const muted = { ...cell, color: palette.ink2 };

function Line(props: { label: string; value: string; strong?: boolean }) {
  return (
    <Row>
      <Column>
        <Text style={props.strong ? { ...cell, fontWeight: 700 } : muted}>{props.label}</Text>
      </Column>
      <Column align="right">
        <Text style={props.strong ? { ...cell, fontWeight: 700 } : cell}>{props.value}</Text>
      </Column>
    </Row>
  );
}

export function OrderLines({
  order,
  title,
  showEstimate,
}: {
  order: MailOrder;
  title?: string;
  /** The buyer's confirmation says when to expect the parcel. */
  showEstimate?: boolean;
}) {
  return (
    <Section
      style={{ border: `1px solid ${palette.line}`, borderRadius: 12, padding: '12px 16px', margin: '0 0 16px' }}
    >
      {title ? <Text style={{ ...cell, fontWeight: 700, fontSize: 15, margin: '0 0 8px' }}>{title}</Text> : null}
      {showEstimate ? (
        <Text style={{ ...muted, margin: '0 0 8px' }}>
          {order.estimate.recorded
            ? `Estimated dispatch ${order.estimate.dispatch} · estimated delivery ${order.estimate.delivery}`
            : `Delivery estimate ${ESTIMATE_NOT_RECORDED}.`}
        </Text>
      ) : null}
      {order.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an order's lines never reorder
        <Row key={i}>
          <Column>
            <Text style={cell}>
              {item.title} × {item.quantity}
            </Text>
            {item.options?.length ? (
              <Text style={{ ...cell, fontSize: 13, color: palette.ink2 }}>
                {item.options.map((o) => `${o.name}: ${o.value}`).join(' · ')}
              </Text>
            ) : null}
            {item.personalization ? (
              <Text style={{ ...cell, fontSize: 13, color: palette.ink2 }}>
                Personalisation: {item.personalization}
              </Text>
            ) : null}
          </Column>
          <Column align="right" style={{ width: 96 }}>
            <Text style={cell}>{formatCents(item.priceCents * item.quantity)}</Text>
          </Column>
        </Row>
      ))}
      <Section style={{ borderTop: `1px solid ${palette.line}`, marginTop: 8, paddingTop: 6 }}>
        <Line label="Items" value={formatCents(order.subtotalCents)} />
        <Line label="Shipping" value={order.shippingCents ? formatCents(order.shippingCents) : 'Free'} />
        {order.taxCents ? <Line label="Tax" value={formatCents(order.taxCents)} /> : null}
        <Line label="Order total" value={formatCents(order.totalCents)} strong />
      </Section>
    </Section>
  );
}

export function AddressBlock({ address, heading }: { address: ShippingAddress; heading: string }) {
  const lines = [
    address.name,
    address.line1,
    address.line2,
    `${address.city}, ${address.region} ${address.postalCode}`,
    address.country,
  ].filter(Boolean) as string[];
  return (
    <Section style={{ margin: '0 0 16px' }}>
      <Text style={{ ...cell, fontWeight: 700, margin: '0 0 4px' }}>{heading}</Text>
      {lines.map((l) => (
        <Text key={l} style={{ ...muted, margin: 0 }}>
          {l}
        </Text>
      ))}
    </Section>
  );
}
