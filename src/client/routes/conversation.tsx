// One conversation, for either party (the thread says which side the reader is on).
import { type LoaderFunctionArgs, useParams } from 'react-router';
import { MessageThread } from '../components/message-thread';
import { RouteErrorBoundary } from '../components/states';
import { usePageMeta } from '../lib/page-meta';
import { requireUser } from '../lib/session';
import { trpc, utils } from '../trpc';

export function conversationIdFrom(params: { conversationId?: string }): number {
  const id = Number(params.conversationId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  void utils.messages.thread.prefetch({ conversationId: conversationIdFrom(params) });
  return null;
}

export function Component() {
  const conversationId = conversationIdFrom(useParams());
  const t = trpc.messages.thread.useQuery({ conversationId });
  usePageMeta(t.data ? `Messages with ${t.data.conversation.counterpart.name}` : 'Messages');
  return (
    <div className="page page-narrow">
      <MessageThread
        conversationId={conversationId}
        backHref={t.data?.conversation.role === 'seller' ? '/dashboard/messages' : '/messages'}
        orderHref={(id) => (t.data?.conversation.role === 'seller' ? `/dashboard/orders/${id}` : `/orders/${id}`)}
      />
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
