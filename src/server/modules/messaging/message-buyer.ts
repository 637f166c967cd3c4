// The shop writes first (decision 0195): from one of its orders, the shop's owner starts the
// order's conversation with its buyer, or continues it when the buyer (or the shop) already wrote
// about that order. Only the owner of the order's shop reaches these functions: the orderSeller
// procedure (trpc/ownership.ts) decides that. A guest buyer has no account to read messages with:
// the shop gets the order's email address instead.
import { DomainError } from '../../../shared/errors';
import type { OrderContactDto, StartWithBuyerInput } from '../../../shared/schemas/messaging';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import type { OrderParties } from '../../trpc/ownership';
import {
  appendMessage,
  blocksBetween,
  deleteBlock,
  findBuyerForMessaging,
  findConversationBySubject,
  upsertConversation,
} from './messaging.repository';
import { assertNotBlocked, assertUploadedImage } from './messaging.service';
import { announceBlockChange, publishMessagingEvent } from './messaging-events';

const subjectOf = (order: OrderParties) => ({
  buyerId: order.buyerId,
  shopId: order.shopId,
  productId: null,
  orderId: order.id,
});

async function buyerOf(deps: AppDeps, order: OrderParties) {
  const buyer = await findBuyerForMessaging(deps.db, order.buyerId);
  // The order's foreign key keeps its buyer; a missing row is the order gone meanwhile.
  if (!buyer) throw new DomainError('NOT_FOUND', 'Order not found.');
  return buyer;
}

export async function orderContact(deps: AppDeps, order: OrderParties): Promise<OrderContactDto> {
  const buyer = await buyerOf(deps, order);
  if (!buyer.has_account) return { kind: 'email', buyerName: buyer.name, email: buyer.email };
  const conversation = await findConversationBySubject(deps.db, subjectOf(order));
  const blocks = await blocksBetween(deps.db, order.ownerId, buyer.id);
  return {
    kind: 'message',
    buyerName: buyer.name,
    conversationId: conversation?.id ?? null,
    blockedByMe: blocks.some((b) => b.blocker_id === order.ownerId),
    blockedByBuyer: blocks.some((b) => b.blocker_id === buyer.id),
  };
}

/**
 * The order page's Unblock: the shop's owner unblocks the order's buyer, as Unblock in any of
 * their conversations does (a block is between the two people, not one conversation).
 */
export async function unblockBuyer(deps: AppDeps, order: OrderParties): Promise<{ blocked: false }> {
  await deleteBlock(deps.db, order.ownerId, order.buyerId);
  // Open pages of either side (conversations' notices, the inboxes' "Blocked", the buyer's order page) read it again.
  await announceBlockChange(deps, order.ownerId, order.buyerId);
  return { blocked: false };
}

export async function startWithBuyer(
  deps: AppDeps,
  order: OrderParties,
  input: StartWithBuyerInput,
): Promise<{ conversationId: number; created: boolean }> {
  const buyer = await buyerOf(deps, order);
  if (!buyer.has_account)
    throw new DomainError(
      'PRECONDITION_FAILED',
      'This buyer checked out as a guest and has no account to read messages. Email them at the address on the order instead.',
    );
  await assertNotBlocked(deps, order.ownerId, buyer.id, buyer.name);
  assertUploadedImage(deps, input.imageUrl);

  // No vacation auto-reply: that answers a buyer writing to a shop that is away, not the shop itself.
  const conversation = await inTransaction(deps.db, async (tx) => {
    const c = await upsertConversation(tx, subjectOf(order));
    await appendMessage(tx, {
      conversationId: c.id,
      senderId: order.ownerId,
      senderRole: 'seller',
      body: input.text,
      imageUrl: input.imageUrl ?? null,
    });
    return c;
  });
  await publishMessagingEvent(deps, [order.ownerId, buyer.id], { kind: 'message', conversationId: conversation.id });
  return { conversationId: conversation.id, created: conversation.created };
}
