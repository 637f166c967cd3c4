// Live messaging for the whole app: one messages.watch stream per signed-in tab (opened by the
// header). Each event names a conversation; the inboxes, that thread and the unread count are
// refetched, so every page showing them updates without its own stream.
import { trpc } from '../trpc';

export function useMessagingLive(enabled: boolean) {
  const u = trpc.useUtils();
  trpc.messages.watch.useSubscription(undefined, {
    enabled,
    onData: (event) => {
      void u.messages.unreadCount.invalidate();
      void u.messages.inbox.invalidate();
      void u.messages.shopInbox.invalidate();
      void u.messages.thread.invalidate({ conversationId: event.conversationId });
    },
  });
}
