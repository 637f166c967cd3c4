// The buyer's inbox: conversations with shops, newest first, unread ones marked.
import { Link, type LoaderFunctionArgs } from 'react-router';
import { ConversationList } from '../components/conversation-list';
import { ChatIcon } from '../components/icons';
import { EmptyState, PageSkeleton, RouteErrorBoundary } from '../components/states';
import { usePageMeta } from '../lib/page-meta';
import { requireUser } from '../lib/session';
import { trpc, utils } from '../trpc';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  void utils.messages.inbox.prefetchInfinite({});
  return null;
}

export function Component() {
  usePageMeta('Messages');
  const inbox = trpc.messages.inbox.useInfiniteQuery({}, { getNextPageParam: (last) => last.nextCursor ?? undefined });
  const shop = trpc.shops.mine.useQuery();
  if (inbox.isPending) return <PageSkeleton />;
  if (inbox.error) throw inbox.error;
  const items = inbox.data.pages.flatMap((p) => p.items);
  return (
    <div className="page page-narrow">
      <h1>Messages</h1>
      {shop.data && (
        <p className="small muted">
          Messages to your shop are in your <Link to="/dashboard/messages">shop dashboard</Link>.
        </p>
      )}
      {items.length === 0 ? (
        <EmptyState
          icon={<ChatIcon width={40} height={40} />}
          title="No conversations yet"
          action={
            <Link to="/" className="btn btn-primary">
              Start exploring
            </Link>
          }
        >
          Questions you ask shops (from a listing, a shop or an order) and their answers show up here.
        </EmptyState>
      ) : (
        <ConversationList items={items} hrefOf={(id) => `/messages/${id}`} label="Conversations" />
      )}
      {inbox.hasNextPage && (
        <button type="button" className="btn" onClick={() => inbox.fetchNextPage()} disabled={inbox.isFetchingNextPage}>
          {inbox.isFetchingNextPage ? 'Loading…' : 'Show older conversations'}
        </button>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
