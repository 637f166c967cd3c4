// The shop's inbox in the dashboard: buyers' questions, newest first, unread ones marked.
import { ConversationList } from '../../components/conversation-list';
import { ChatIcon } from '../../components/icons';
import { EmptyState, PageSkeleton } from '../../components/states';
import { usePageMeta } from '../../lib/page-meta';
import { trpc } from '../../trpc';
import { NoShopYet } from './no-shop-yet';
import { useMyShop } from './use-my-shop';

export function Component() {
  usePageMeta('Shop messages');
  const shop = useMyShop();
  const shopId = shop.data?.id ?? 0;
  const inbox = trpc.messages.shopInbox.useInfiniteQuery(
    { shopId },
    { enabled: shopId > 0, getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  if (shop.isPending || (shopId > 0 && inbox.isPending)) return <PageSkeleton />;
  if (!shop.data) return <NoShopYet>Buyers can message you once your shop is open.</NoShopYet>;
  if (inbox.error) throw inbox.error;
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="shop-messages-title">
      <h1 id="shop-messages-title">Messages</h1>
      {items.length === 0 ? (
        <EmptyState icon={<ChatIcon width={40} height={40} />} title="No messages yet">
          When a buyer asks about a listing or an order, the conversation appears here.
        </EmptyState>
      ) : (
        <ConversationList
          items={items}
          hrefOf={(id) => `/dashboard/messages/${id}`}
          label="Conversations with buyers"
        />
      )}
      {inbox.hasNextPage && (
        <button type="button" className="btn" onClick={() => inbox.fetchNextPage()} disabled={inbox.isFetchingNextPage}>
          {inbox.isFetchingNextPage ? 'Loading…' : 'Show older conversations'}
        </button>
      )}
    </section>
  );
}
