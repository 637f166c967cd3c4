// Conversations between a buyer and a shop (issue 18): inputs and the shapes the client reads.
import { z } from 'zod';
import { cursorSchema, idSchema } from './common';
import { tooLongMessage } from './issue-messages';
import type { OrderStatusValue } from './orders';
import { text } from './text';

export const MESSAGE_TEXT_MAX = 2000;

/** Only images that came through this app's upload pipeline (re-encoded to WebP under /uploads). */
export const messageImageSchema = text()
  .max(200)
  .regex(/^\/uploads\/[0-9a-f-]{36}\.webp$/, 'Attach a photo by uploading it here.');

const messageBody = {
  text: text({ multiline: true }).max(MESSAGE_TEXT_MAX, tooLongMessage('Message', MESSAGE_TEXT_MAX)),
  imageUrl: messageImageSchema.nullish(),
};

/** A message needs words or a photo; whitespace alone is empty (text() trims). */
function notEmpty<T extends { text: string; imageUrl?: string | null }>(v: T) {
  return v.text.length > 0 || !!v.imageUrl;
}
const EMPTY = { message: 'Write a message first.', path: ['text'] };

export const startConversationInput = z
  .object({
    shopId: idSchema,
    /** The listing asked about (from a product page). */
    productId: idSchema.optional(),
    /** The order asked about (from an order page). */
    orderId: idSchema.optional(),
    ...messageBody,
  })
  .refine(notEmpty, EMPTY)
  .refine((v) => !(v.productId && v.orderId), {
    message: 'A conversation is about one listing or one order, not both.',
    path: ['orderId'],
  });
export type StartConversationInput = z.infer<typeof startConversationInput>;

/** The shop's owner writes to the buyer of one of its orders (the order's conversation, started or continued). */
export const startWithBuyerInput = z.object({ orderId: idSchema, ...messageBody }).refine(notEmpty, EMPTY);
export type StartWithBuyerInput = z.infer<typeof startWithBuyerInput>;

export const orderContactInput = z.object({ orderId: idSchema });

/**
 * How the shop can reach an order's buyer (decision 0195): in Messages when the buyer has an account
 * (with the order's conversation when there is one already), else by email: a guest buyer has no
 * account to read messages with, and the email is the one they checked out with.
 */
export type OrderContactDto =
  /**
   * blockedByMe: the shop's owner blocked this buyer (the order page says so, with Unblock);
   * blockedByBuyer: the buyer blocked the shop's owner (the page says the buyer is not accepting
   * messages, with no Unblock: the block is the buyer's to undo).
   */
  | { kind: 'message'; buyerName: string; conversationId: number | null; blockedByMe: boolean; blockedByBuyer: boolean }
  | { kind: 'email'; buyerName: string; email: string };

/**
 * How the buyer can reach the shop of one of their orders: the order's conversation when there is
 * one, and whether the buyer blocked the shop's owner (the order page says so, with Unblock).
 */
export interface ShopContactDto {
  conversationId: number | null;
  /** The buyer blocked the shop's owner: theirs to undo, on the order page. */
  blockedByMe: boolean;
  /** The shop's owner blocked the buyer: the order page says the shop is not accepting messages. */
  blockedByShop: boolean;
}

export const sendMessageInput = z.object({ conversationId: idSchema, ...messageBody }).refine(notEmpty, EMPTY);
export type SendMessageInput = z.infer<typeof sendMessageInput>;

export const conversationInput = z.object({ conversationId: idSchema });

export const threadInput = z.object({
  conversationId: idSchema,
  /** Older messages than this id (the thread opens with the newest page). */
  before: cursorSchema,
});

export const inboxInput = z.object({ cursor: cursorSchema }).optional();
export const shopInboxInput = z.object({ shopId: idSchema, cursor: cursorSchema });

export const REPORT_REASONS = ['spam', 'harassment', 'scam', 'other'] as const;
export const reportConversationInput = z.object({
  conversationId: idSchema,
  reason: z.enum(REPORT_REASONS, 'Pick a reason.'),
  details: text({ multiline: true }).max(1000, tooLongMessage('Details', 1000)).optional(),
});
export type ReportConversationInput = z.infer<typeof reportConversationInput>;

export type ConversationRole = 'buyer' | 'seller';

export interface ConversationSummaryDto {
  id: number;
  /** Who the caller is talking to: the shop (for its buyer) or the buyer (for the shop). */
  counterpart: { name: string; imageUrl: string | null };
  shop: { id: number; slug: string; name: string };
  product: { id: number; title: string; image: string | null } | null;
  order: { id: number } | null;
  lastMessage: { preview: string; at: string; mine: boolean };
  unread: number;
  /** The caller blocked the other party (the inbox says so on the row). */
  blockedByMe: boolean;
}

export interface MessageDto {
  id: number;
  mine: boolean;
  body: string;
  imageUrl: string | null;
  /** Sent by the app on the shop's behalf (vacation reply). */
  autoReply: boolean;
  createdAt: string;
}

export interface ThreadDto {
  conversation: ConversationSummaryDto & {
    role: ConversationRole;
    order: { id: number; status: OrderStatusValue; totalCents: number; createdAt: string } | null;
    product: { id: number; title: string; image: string | null; priceCents: number } | null;
    /** The caller may send (no block either way). */
    canSend: boolean;
    reportedByMe: boolean;
  };
  /** Oldest first. */
  messages: MessageDto[];
  /** Pass as `before` to read older messages; null at the start of the thread. */
  olderCursor: number | null;
}

/**
 * Live events on a user's stream: something changed in this conversation; refetch it. `block`: a
 * block between the user and someone was placed or removed; a block is between two people, not
 * one conversation, so every page showing one (inboxes, open conversations, order pages) refetches.
 */
export type MessagingEventDto =
  | {
      /** `about`: what the conversation is about changed (its order's status), not its messages. */
      kind: 'message' | 'read' | 'about';
      conversationId: number;
    }
  | { kind: 'block' };
