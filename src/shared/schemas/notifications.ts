// In-app notifications (issue 15.7): inputs, DTOs, the live stream's events and the "also email
// me" choices. One source for what each notification says and where it leads (server and client).
import { z } from 'zod';
import { listingPath } from '../listing-url';
import { formatCents } from '../money';
import { cursorSchema, idSchema } from './common';
import type { MessagingEventDto } from './messaging';
import { text } from './text';

export const listNotificationsInput = z.object({ cursor: cursorSchema }).optional();

/** At most a page's worth at once: the list shows 20, the bell marks what it shows. */
export const markNotificationsReadInput = z.object({
  ids: z.array(idSchema).min(1, 'Name at least one notification.').max(100, 'At most 100 at once.'),
});

export interface NotificationDto {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  read: boolean;
  createdAt: string;
}

export interface NotificationPage {
  items: NotificationDto[];
  nextCursor: number | null;
}

/** Events on the signed-in user's live stream: the unread count, and messaging changes. */
export type UserLiveEvent = { kind: 'unread'; count: number } | MessagingEventDto;

/**
 * Events a user may also get by email, with their defaults: what was mailed before preferences
 * existed stays on; reviews were never mailed, so they start off (decision 0116). Receipts,
 * cancellations, refunds, password and verification mails are not here: they always go out.
 */
export const EMAIL_EVENTS = {
  'order.placed': { label: 'New orders in my shop', audience: 'seller', defaultEmail: true },
  'review.created': { label: 'New reviews of my listings', audience: 'seller', defaultEmail: false },
  'order.shipped': { label: 'My order has shipped', audience: 'buyer', defaultEmail: true },
  'order.delivered': { label: 'My order was delivered', audience: 'buyer', defaultEmail: true },
  'message.unread': { label: 'Reminders of unread messages', audience: 'everyone', defaultEmail: true },
} as const;

export type EmailEvent = keyof typeof EMAIL_EVENTS;
export const EMAIL_EVENT_KEYS = Object.keys(EMAIL_EVENTS) as [EmailEvent, ...EmailEvent[]];
export const emailEventSchema = z.enum(EMAIL_EVENT_KEYS, { error: 'Unknown notification type.' });

export const setEmailPreferenceInput = z.object({ event: emailEventSchema, email: z.boolean() });

export interface EmailPreferenceDto {
  event: EmailEvent;
  label: string;
  audience: 'seller' | 'buyer' | 'everyone';
  email: boolean;
}

/** A one-click unsubscribe token: `<userId>.<event>.<signature>` (notifications/unsubscribe-token.ts). */
export const unsubscribeInput = z.object({
  token: text()
    .max(200)
    .regex(/^\d{1,10}\.[a-z]+\.[a-z]+\.[A-Za-z0-9_-]{43}$/, 'This unsubscribe link is not valid.'),
});

export interface UnsubscribeResult {
  event: EmailEvent;
  label: string;
}

const orderNews = {
  'order.processing': 'is being prepared',
  'order.shipped': 'has shipped',
  'order.delivered': 'was delivered',
  'order.cancelled': 'was cancelled',
  'order.refunded': 'was refunded',
} as const;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** What a notification says and where it leads; unknown kinds still read sensibly. */
export function describeNotification(n: Pick<NotificationDto, 'kind' | 'payload'>): { text: string; href: string } {
  const p = n.payload;
  const orderId = num(p.orderId);
  switch (n.kind) {
    case 'order.placed': {
      const items = num(p.itemCount);
      return {
        text: `New order #${orderId} from ${str(p.buyerName) || 'a buyer'}: ${items} item${items === 1 ? '' : 's'}, ${formatCents(num(p.totalCents))}`,
        href: `/dashboard/orders/${orderId}`,
      };
    }
    case 'order.processing':
    case 'order.shipped':
    case 'order.delivered':
    case 'order.cancelled':
    case 'order.refunded': {
      // Notifications written before they carried the shop's name still read sensibly without it.
      const from = str(p.shopName) ? ` from ${str(p.shopName)}` : '';
      return { text: `Your order #${orderId}${from} ${orderNews[n.kind]}`, href: `/orders/${orderId}` };
    }
    case 'review.created': {
      const rating = num(p.rating);
      return {
        text: `${str(p.reviewerName) || 'A buyer'} gave ${str(p.productTitle) || 'your listing'} ${rating} star${rating === 1 ? '' : 's'}`,
        href: `${listingPath(num(p.productId), str(p.productTitle))}#reviews`,
      };
    }
    default:
      return { text: 'Something changed in your account', href: orderId ? `/orders/${orderId}` : '/account' };
  }
}
