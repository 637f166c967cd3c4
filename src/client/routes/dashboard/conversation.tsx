// A conversation with a buyer, inside the dashboard.
import { useParams } from 'react-router';
import { MessageThread } from '../../components/message-thread';
import { usePageMeta } from '../../lib/page-meta';
import { conversationIdFrom } from '../conversation';

export function Component() {
  usePageMeta('Shop messages');
  const conversationId = conversationIdFrom(useParams());
  return (
    <MessageThread
      conversationId={conversationId}
      backHref="/dashboard/messages"
      orderHref={(id) => `/dashboard/orders/${id}`}
    />
  );
}
