// Mounted as `messages`: conversations between a buyer and a shop (the shop may write first about
// one of its orders), the two inboxes and the live stream.
import {
  conversationInput,
  inboxInput,
  orderContactInput,
  reportConversationInput,
  sendMessageInput,
  shopInboxInput,
  startConversationInput,
  startWithBuyerInput,
  threadInput,
} from '../../../shared/schemas/messaging';
import { toTRPCError } from '../../trpc/error-mapper';
import {
  conversationPartyProcedure,
  orderBuyerProcedure,
  orderSellerProcedure,
  shopOwnerProcedure,
} from '../../trpc/ownership';
import { rateLimited, rateRules } from '../../trpc/rate-limit';
import { authedProcedure, router } from '../../trpc/trpc';
import { orderContact, startWithBuyer, unblockBuyer } from './message-buyer';
import { shopContact, unblockShop } from './message-shop';
import {
  buyerInbox,
  markRead,
  reportConversation,
  sendMessage,
  setBlocked,
  shopInbox,
  startConversation,
  thread,
  unreadCount,
} from './messaging.service';
import { watchMessaging } from './messaging-watch';

const perUser = (...rules: (typeof rateRules)[keyof typeof rateRules][]) =>
  rateLimited((ctx) => rules.map((rule) => [rule, `user:${ctx.user?.id ?? ctx.ip}`] as const));

export const messagingRouter = router({
  start: authedProcedure
    .input(startConversationInput)
    .use(perUser(rateRules.conversationStart, rateRules.messageSend))
    .mutation(({ ctx, input }) => startConversation(ctx.deps, ctx.user.id, input)),
  /** The shop's owner writes to an order's buyer (decision 0195); counted as a start, like `start`. */
  startWithBuyer: orderSellerProcedure
    .input(startWithBuyerInput)
    .use(perUser(rateRules.conversationStart, rateRules.messageSend))
    .mutation(({ ctx, input }) => startWithBuyer(ctx.deps, ctx.order, input)),
  orderContact: orderSellerProcedure.input(orderContactInput).query(({ ctx }) => orderContact(ctx.deps, ctx.order)),
  /** The order page's Unblock, for a buyer the shop's owner blocked. */
  unblockBuyer: orderSellerProcedure.input(orderContactInput).mutation(({ ctx }) => unblockBuyer(ctx.deps, ctx.order)),
  /** The buyer's side: the order's conversation, and whether the buyer blocked the shop. */
  shopContact: orderBuyerProcedure.input(orderContactInput).query(({ ctx }) => shopContact(ctx.deps, ctx.order)),
  /** The buyer's order page's Unblock, for a shop the buyer blocked. */
  unblockShop: orderBuyerProcedure.input(orderContactInput).mutation(({ ctx }) => unblockShop(ctx.deps, ctx.order)),
  send: conversationPartyProcedure
    .input(sendMessageInput)
    .use(perUser(rateRules.messageSend))
    .mutation(({ ctx, input }) => sendMessage(ctx.deps, ctx.conversation, ctx.conversationRole, ctx.user.id, input)),
  inbox: authedProcedure.input(inboxInput).query(({ ctx, input }) => buyerInbox(ctx.deps, ctx.user.id, input?.cursor)),
  shopInbox: shopOwnerProcedure
    .input(shopInboxInput)
    .query(({ ctx, input }) => shopInbox(ctx.deps, ctx.shop.id, ctx.user.id, input.cursor)),
  thread: conversationPartyProcedure
    .input(threadInput)
    .query(({ ctx, input }) => thread(ctx.deps, ctx.conversation, ctx.conversationRole, ctx.user.id, input.before)),
  markRead: conversationPartyProcedure
    .input(conversationInput)
    .mutation(({ ctx }) => markRead(ctx.deps, ctx.conversation, ctx.conversationRole)),
  block: conversationPartyProcedure
    .input(conversationInput)
    .mutation(({ ctx }) => setBlocked(ctx.deps, ctx.conversation, ctx.conversationRole, true)),
  unblock: conversationPartyProcedure
    .input(conversationInput)
    .mutation(({ ctx }) => setBlocked(ctx.deps, ctx.conversation, ctx.conversationRole, false)),
  report: conversationPartyProcedure
    .input(reportConversationInput)
    .mutation(({ ctx, input }) => reportConversation(ctx.deps, ctx.conversation, ctx.user.id, input)),
  unreadCount: authedProcedure.query(({ ctx }) => unreadCount(ctx.deps, ctx.user.id)),
  watch: authedProcedure.subscription(async function* ({ ctx, signal }) {
    try {
      yield* watchMessaging(ctx.deps, ctx.user.id, signal);
    } catch (err) {
      // Errors while streaming bypass procedure middleware (see realtime.router.ts).
      throw toTRPCError(err) ?? err;
    }
  }),
});
