// The signed-in user's one live stream per tab (notifications.watch, opened by the header): the
// unread notification count is written straight into its query, and each messaging event
// refetches what it names (inboxes, that thread, the message count; for a block, also the order
// pages' contact notices), so every page showing them updates without a stream of its own.
import { trpc } from '../trpc';

export function useUserLive(enabled: boolean) {
  const u = trpc.useUtils();
  trpc.notifications.watch.useSubscription(undefined, {
    enabled,
    onData: (event) => {
      if (event.kind === 'unread') {
        const before = u.notifications.unreadCount.getData()?.count;
        u.notifications.unreadCount.setData(undefined, { count: event.count });
        // New or read elsewhere: the list is stale (a closed panel refetches when it opens).
        if (before !== event.count) void u.notifications.list.invalidate();
        // Something new happened (a new order for a seller, a status change for a buyer): pages
        // built from orders refetch if they are open, so the dashboard is not left at yesterday,
        // and so does an open conversation, whose "About order #N" card shows the order's status.
        if (before !== undefined && event.count > before) {
          void u.seller.dashboard.invalidate();
          void u.orders.invalidate();
          void u.messages.thread.invalidate();
        }
        return;
      }
      // A block placed or removed, by either side, anywhere: it is between two people, so every
      // conversation, both inboxes' "Blocked" and both order pages' notices may have changed.
      if (event.kind === 'block') {
        void u.messages.inbox.invalidate();
        void u.messages.shopInbox.invalidate();
        void u.messages.thread.invalidate();
        void u.messages.orderContact.invalidate();
        void u.messages.shopContact.invalidate();
        return;
      }
      // An order moved on: only its conversation's card changed (another tab of the shop's, too).
      if (event.kind !== 'about') {
        void u.messages.unreadCount.invalidate();
        void u.messages.inbox.invalidate();
        void u.messages.shopInbox.invalidate();
      }
      void u.messages.thread.invalidate({ conversationId: event.conversationId });
    },
  });
}
