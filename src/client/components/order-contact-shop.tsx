// The buyer's order page: "Message the shop" about this order, or, when the buyer blocked the
// shop (in any conversation with it), the conversation's notice with Unblock in its place, so the
// buyer learns it before writing rather than from a refusal after. Once unblocked, "Message the
// shop" takes the button's place and focus.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { describeError, trpc } from '../trpc';
import { ContactShopButton } from './contact-shop';
import { StatusButton } from './ui/status-button';

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
  const focusAfterUnblock = useRef(false);
  const blocked = !!contact.data?.blockedByMe;
  useEffect(() => {
    if (blocked || !focusAfterUnblock.current) return;
    focusAfterUnblock.current = false;
    box.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [blocked]);
  if (!blocked)
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
      <div className="notice blocked-notice" role="status">
        <p className="flush">You blocked {shopName}. Neither of you can send messages until you unblock them.</p>
        <StatusButton
          type="button"
          className="btn btn-sm"
          pending={unblock.isPending}
          pendingLabel="Unblocking…"
          onClick={() => {
            focusAfterUnblock.current = true;
            unblock.mutate({ orderId });
          }}
        >
          Unblock {shopName}
        </StatusButton>
      </div>
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
