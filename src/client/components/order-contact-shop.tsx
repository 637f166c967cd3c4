// The buyer's order page: "Message the shop" about this order, or, when the buyer blocked the
// shop (in any conversation with it), the conversation's notice with Unblock in its place, so the
// buyer learns it before writing rather than from a refusal after. Once unblocked, "Message the
// shop" takes the button's place and focus. When the shop blocked the buyer, the page says the
// shop is not accepting messages, as the conversation does, with no Unblock: it is the shop's.
import { useRef } from 'react';
import { Link } from 'react-router';
import { describeError, trpc } from '../trpc';
import { BlockedNotice, NotAcceptingNotice, useFocusAfterUnblock, useFocusNoticeWhenReplaced } from './blocked-notice';
import { ContactShopButton } from './contact-shop';

export function OrderContactShop({ orderId, shopId, shopName }: { orderId: number; shopId: number; shopName: string }) {
  const u = trpc.useUtils();
  const contact = trpc.messages.shopContact.useQuery({ orderId });
  const unblock = trpc.messages.unblockShop.useMutation({
    onSuccess: async () => {
      // The inbox's "Blocked" and any open conversation's notice go too.
      void u.messages.inbox.invalidate();
      void u.messages.thread.invalidate();
      await contact.refetch();
    },
  });
  const box = useRef<HTMLDivElement>(null);
  const blocked = !!contact.data?.blockedByMe;
  const focusAfterUnblock = useFocusAfterUnblock(blocked, () =>
    // "Message the shop", or the shop's own block when that remains.
    box.current?.querySelector<HTMLElement>('button, .notice')?.focus(),
  );
  const blockedByShop = !!contact.data?.blockedByShop;
  // A block arriving live removes "Message the shop": if it had focus, the notice takes it.
  useFocusNoticeWhenReplaced(box, blocked || blockedByShop);
  if (!blocked && !blockedByShop)
    return (
      <div className="order-contact" ref={box}>
        <ContactShopButton
          shopId={shopId}
          shopName={shopName}
          orderId={orderId}
          label="Message the shop"
          placeholder="Where is my parcel? Can I change the address?"
        />
      </div>
    );
  const conversationId = contact.data?.conversationId;
  return (
    <div className="order-contact order-contact-blocked" ref={box}>
      {blocked ? (
        <BlockedNotice
          name={shopName}
          pending={unblock.isPending}
          onUnblock={() => {
            focusAfterUnblock();
            unblock.mutate({ orderId });
          }}
        />
      ) : (
        <NotAcceptingNotice name={shopName} />
      )}
      {unblock.error && (
        <p className="error" role="alert">
          {describeError(unblock.error).message}
        </p>
      )}
      {conversationId && (
        <Link to={`/messages/${conversationId}`} className="small">
          Your conversation about this order
        </Link>
      )}
    </div>
  );
}
