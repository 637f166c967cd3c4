// Conversation rules (issue 18.1-2): who may start one and with whom, blocks, reports, unread
// counts, and who hears about a new message. Only the two parties ever reach these functions for
// an existing conversation: the conversationParty procedure (trpc/ownership.ts) decides that.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DomainError } from '../../../shared/errors';
import type {
  ConversationRole,
  ConversationSummaryDto,
  MessageDto,
  ReportConversationInput,
  SendMessageInput,
  StartConversationInput,
  ThreadDto,
} from '../../../shared/schemas/messaging';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import { uploadsDir } from '../uploads/uploads.service';
import {
  appendMessage,
  blocksBetween,
  type ConversationSummaryRow,
  deleteBlock,
  findConversationSummary,
  findOrderBrief,
  findShopForMessaging,
  hasReported,
  insertBlock,
  insertReport,
  listConversations,
  listMessages,
  markConversationRead,
  orderOfBuyerAtShop,
  productInShop,
  unreadTotals,
  upsertConversation,
} from './messaging.repository';
import { announceBlockChange, publishMessagingEvent } from './messaging-events';

export interface ConversationParties {
  id: number;
  buyerId: number;
  shopId: number;
  ownerId: number;
}

const INBOX_PAGE = 30;
const THREAD_PAGE = 50;

/** The user on the other side of the conversation from `role`. */
const otherParty = (c: ConversationParties, role: ConversationRole) => (role === 'buyer' ? c.ownerId : c.buyerId);

/** Refuses a message between two users when either has blocked the other. */
export async function assertNotBlocked(deps: AppDeps, senderId: number, recipientId: number, recipientLabel: string) {
  const blocks = await blocksBetween(deps.db, senderId, recipientId);
  if (blocks.some((b) => b.blocker_id === senderId))
    throw new DomainError('FORBIDDEN', `You blocked ${recipientLabel}. Unblock them to send messages.`);
  if (blocks.length > 0) throw new DomainError('FORBIDDEN', `${recipientLabel} is not accepting messages from you.`);
}

/** An attached photo must be a file the upload pipeline wrote (checked, re-encoded). */
export function assertUploadedImage(deps: AppDeps, imageUrl: string | null | undefined) {
  if (!imageUrl) return;
  if (!existsSync(join(uploadsDir(deps), basename(imageUrl))))
    throw new DomainError('BAD_REQUEST', 'That photo was not uploaded here. Attach it again.', { field: 'imageUrl' });
}

function vacationAutoReply(message: string, returnsOn: string | null): string {
  const back = returnsOn
    ? ` We are back on ${new Date(`${returnsOn}T12:00:00Z`).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' })}.`
    : '';
  return `${message}${back}`.slice(0, 2000);
}

export async function startConversation(
  deps: AppDeps,
  buyerId: number,
  input: StartConversationInput,
): Promise<{ conversationId: number; created: boolean }> {
  const shop = await findShopForMessaging(deps.db, input.shopId);
  if (!shop) throw new DomainError('NOT_FOUND', 'Shop not found.', { field: 'shopId' });
  if (shop.owner_id === buyerId)
    throw new DomainError('BAD_REQUEST', 'This is your own shop: you cannot message yourself.');
  if (input.productId && !(await productInShop(deps.db, input.productId, shop.id)))
    throw new DomainError('NOT_FOUND', 'That listing is not in this shop.', { field: 'productId' });
  if (input.orderId && !(await orderOfBuyerAtShop(deps.db, input.orderId, buyerId, shop.id)))
    throw new DomainError('NOT_FOUND', 'Order not found.', { field: 'orderId' });
  await assertNotBlocked(deps, buyerId, shop.owner_id, shop.name);
  assertUploadedImage(deps, input.imageUrl);

  const result = await inTransaction(deps.db, async (tx) => {
    const conversation = await upsertConversation(tx, {
      buyerId,
      shopId: shop.id,
      productId: input.productId ?? null,
      orderId: input.orderId ?? null,
    });
    await appendMessage(tx, {
      conversationId: conversation.id,
      senderId: buyerId,
      senderRole: 'buyer',
      body: input.text,
      imageUrl: input.imageUrl ?? null,
    });
    // A shop on vacation answers a new conversation with its vacation message (issue 18.5).
    if (conversation.created && shop.vacation_since)
      await appendMessage(tx, {
        conversationId: conversation.id,
        senderId: shop.owner_id,
        senderRole: 'seller',
        body: vacationAutoReply(shop.vacation_message, shop.vacation_returns_on),
        imageUrl: null,
        autoReply: true,
      });
    return conversation;
  });
  await publishMessagingEvent(deps, [buyerId, shop.owner_id], { kind: 'message', conversationId: result.id });
  return { conversationId: result.id, created: result.created };
}

export async function sendMessage(
  deps: AppDeps,
  conversation: ConversationParties,
  role: ConversationRole,
  senderId: number,
  input: SendMessageInput,
): Promise<MessageDto> {
  const recipientId = otherParty(conversation, role);
  await assertNotBlocked(deps, senderId, recipientId, role === 'buyer' ? 'This shop' : 'This buyer');
  assertUploadedImage(deps, input.imageUrl);
  const row = await inTransaction(deps.db, (tx) =>
    appendMessage(tx, {
      conversationId: conversation.id,
      senderId,
      senderRole: role,
      body: input.text,
      imageUrl: input.imageUrl ?? null,
    }),
  );
  await publishMessagingEvent(deps, [senderId, recipientId], { kind: 'message', conversationId: conversation.id });
  return {
    id: row.id,
    mine: true,
    body: input.text,
    imageUrl: input.imageUrl ?? null,
    autoReply: false,
    createdAt: row.created_at.toISOString(),
  };
}

function toSummary(row: ConversationSummaryRow, role: ConversationRole, userId: number): ConversationSummaryDto {
  return {
    id: row.id,
    counterpart:
      role === 'buyer' ? { name: row.shop_name, imageUrl: row.shop_logo } : { name: row.buyer_name, imageUrl: null },
    shop: { id: row.shop_id, slug: row.shop_slug, name: row.shop_name },
    product:
      row.product_id && row.product_title
        ? { id: row.product_id, title: row.product_title, image: row.product_images?.[0] ?? null }
        : null,
    order: row.order_id ? { id: row.order_id } : null,
    lastMessage: {
      preview: row.last_message_preview,
      at: row.last_message_at.toISOString(),
      mine: row.last_sender_id === userId,
    },
    unread: role === 'buyer' ? row.buyer_unread : row.seller_unread,
    blockedByMe: row.blocked_by_me,
  };
}

export async function buyerInbox(deps: AppDeps, userId: number, cursor: number | undefined) {
  const offset = cursor ?? 0;
  const rows = await listConversations(deps.db, { buyerId: userId }, offset, INBOX_PAGE + 1);
  return {
    items: rows.slice(0, INBOX_PAGE).map((r) => toSummary(r, 'buyer', userId)),
    nextCursor: rows.length > INBOX_PAGE ? offset + INBOX_PAGE : null,
  };
}

export async function shopInbox(deps: AppDeps, shopId: number, userId: number, cursor: number | undefined) {
  const offset = cursor ?? 0;
  const rows = await listConversations(deps.db, { shopId }, offset, INBOX_PAGE + 1);
  return {
    items: rows.slice(0, INBOX_PAGE).map((r) => toSummary(r, 'seller', userId)),
    nextCursor: rows.length > INBOX_PAGE ? offset + INBOX_PAGE : null,
  };
}

export async function thread(
  deps: AppDeps,
  conversation: ConversationParties,
  role: ConversationRole,
  userId: number,
  before: number | undefined,
): Promise<ThreadDto> {
  const row = await findConversationSummary(deps.db, conversation.id, role);
  if (!row) throw new DomainError('NOT_FOUND', 'Conversation not found.');
  const [messages, order, blocks, reported] = await Promise.all([
    listMessages(deps.db, conversation.id, before, THREAD_PAGE + 1),
    row.order_id ? findOrderBrief(deps.db, row.order_id) : null,
    blocksBetween(deps.db, userId, otherParty(conversation, role)),
    hasReported(deps.db, conversation.id, userId),
  ]);
  const page = messages.slice(0, THREAD_PAGE).reverse();
  const summary = toSummary(row, role, userId);
  return {
    conversation: {
      ...summary,
      role,
      product: summary.product ? { ...summary.product, priceCents: row.product_price_cents ?? 0 } : null,
      order: order
        ? {
            id: order.id,
            status: order.status,
            totalCents: order.total_cents,
            createdAt: order.created_at.toISOString(),
          }
        : null,
      canSend: blocks.length === 0,
      reportedByMe: reported,
    },
    messages: page.map((m) => ({
      id: m.id,
      mine: m.sender_id === userId,
      body: m.body,
      imageUrl: m.image_url,
      autoReply: m.auto_reply,
      createdAt: m.created_at.toISOString(),
    })),
    olderCursor: messages.length > THREAD_PAGE ? (page[0]?.id ?? null) : null,
  };
}

export async function markRead(deps: AppDeps, conversation: ConversationParties, role: ConversationRole) {
  const changed = await markConversationRead(deps.db, conversation.id, role);
  // The reader's other tabs drop their unread badge too.
  const reader = role === 'buyer' ? conversation.buyerId : conversation.ownerId;
  if (changed) await publishMessagingEvent(deps, [reader], { kind: 'read', conversationId: conversation.id });
  return { ok: true as const };
}

export async function unreadCount(deps: AppDeps, userId: number) {
  const { asBuyer, asSeller } = await unreadTotals(deps.db, userId);
  return { total: asBuyer + asSeller, asBuyer, asSeller };
}

export async function setBlocked(
  deps: AppDeps,
  conversation: ConversationParties,
  role: ConversationRole,
  blocked: boolean,
) {
  const me = role === 'buyer' ? conversation.buyerId : conversation.ownerId;
  const other = otherParty(conversation, role);
  if (blocked) await insertBlock(deps.db, me, other);
  else await deleteBlock(deps.db, me, other);
  await announceBlockChange(deps, me, other);
  return { blocked };
}

export async function reportConversation(
  deps: AppDeps,
  conversation: ConversationParties,
  reporterId: number,
  input: ReportConversationInput,
) {
  await insertReport(deps.db, {
    conversationId: conversation.id,
    reporterId,
    reason: input.reason,
    details: input.details ?? '',
  });
  return { reported: true as const };
}
