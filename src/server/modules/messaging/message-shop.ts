// The buyer's side of an order's contact: whether the buyer can write to the shop about one of
// their orders, and the order page's Unblock. Only the order's buyer reaches these functions: the
// orderBuyer procedure (trpc/ownership.ts) decides that. A block is between two people, so a shop
// the buyer blocked in any conversation is blocked here too; a block by the shop's owner is theirs
// to undo, and the buyer is told only that the shop is not accepting messages, as in a conversation.
import type { ShopContactDto } from '../../../shared/schemas/messaging';
import type { AppDeps } from '../../deps';
import type { OrderParties } from '../../trpc/ownership';
import { blocksBetween, deleteBlock, findConversationBySubject } from './messaging.repository';
import { announceBlockChange } from './messaging-events';

const subjectOf = (order: OrderParties) => ({
  buyerId: order.buyerId,
  shopId: order.shopId,
  productId: null,
  orderId: order.id,
});

export async function shopContact(deps: AppDeps, order: OrderParties): Promise<ShopContactDto> {
  const conversation = await findConversationBySubject(deps.db, subjectOf(order));
  const blocks = await blocksBetween(deps.db, order.buyerId, order.ownerId);
  return {
    conversationId: conversation?.id ?? null,
    blockedByMe: blocks.some((b) => b.blocker_id === order.buyerId),
    blockedByShop: blocks.some((b) => b.blocker_id === order.ownerId),
  };
}

/** The order page's Unblock: the buyer unblocks the order's shop, as Unblock in any conversation with it does. */
export async function unblockShop(deps: AppDeps, order: OrderParties): Promise<{ blocked: false }> {
  await deleteBlock(deps.db, order.buyerId, order.ownerId);
  // Open pages of either side (conversations' notices, the inboxes' "Blocked", the shop's order page) read it again.
  await announceBlockChange(deps, order.buyerId, order.ownerId);
  return { blocked: false };
}
