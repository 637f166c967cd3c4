// "Message the buyer" on the seller's order page (decision 0195): the composer in a dialog sends
// the order's conversation (started, or continued when either side already wrote about this order)
// and opens it in the shop's messages. A guest buyer has no account to read messages with: the
// page offers "Email the buyer" instead, a mailto: link with the order number in the subject.
// A buyer the shop blocked (in any conversation) is shown as blocked here too, with Unblock; a
// buyer who blocked the shop is shown not accepting messages, in place of the button and with no
// Unblock (the block is theirs to undo), as the conversation says up front.
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { toast } from 'sonner';
import {
  BlockedNotice,
  NotAcceptingNotice,
  useFocusAfterUnblock,
  useFocusNoticeWhenReplaced,
} from '../../components/blocked-notice';
import { ChatIcon } from '../../components/icons';
import { MessageComposer } from '../../components/message-composer';
import { Dialog } from '../../components/ui/dialog';
import { describeError, trpc } from '../../trpc';

/** mailto: with the order in the subject; the address's parts are escaped, its @ kept. */
export function mailtoBuyer(email: string, orderId: number, shopName: string): string {
  const to = email.split('@').map(encodeURIComponent).join('@');
  return `mailto:${to}?subject=${encodeURIComponent(`Your order #${orderId} from ${shopName}`)}`;
}

export function MessageBuyer({ orderId, shopName }: { orderId: number; shopName: string }) {
  const contact = trpc.messages.orderContact.useQuery({ orderId });
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const u = trpc.useUtils();
  const start = trpc.messages.startWithBuyer.useMutation({
    onSuccess: ({ conversationId }) => {
      void u.messages.shopInbox.invalidate();
      void u.messages.orderContact.invalidate({ orderId });
      toast.success(`Message sent to ${contact.data?.buyerName ?? 'the buyer'}.`);
      setOpen(false);
      navigate(`/dashboard/messages/${conversationId}`);
    },
  });
  const unblock = trpc.messages.unblockBuyer.useMutation({
    onSuccess: async () => {
      // The inboxes' "Blocked" and any open conversation's notice go too.
      void u.messages.shopInbox.invalidate();
      void u.messages.thread.invalidate();
      await contact.refetch();
    },
  });
  // Unblocking removes the button that had focus: "Message the buyer", in its place, takes it, or
  // the buyer's own block when that remains.
  const box = useRef<HTMLDivElement>(null);
  const focusAfterUnblock = useFocusAfterUnblock(contact.data?.kind === 'message' && contact.data.blockedByMe, () =>
    box.current?.querySelector<HTMLElement>('button, .notice')?.focus(),
  );
  // A block arriving live removes "Message the buyer": if it had focus, the notice takes it.
  useFocusNoticeWhenReplaced(
    box,
    contact.data?.kind === 'message' && (contact.data.blockedByMe || contact.data.blockedByBuyer),
  );
  const c = contact.data;
  if (!c) return null;
  if (c.kind === 'email')
    return (
      <div className="buyer-contact">
        <a className="btn btn-sm" href={mailtoBuyer(c.email, orderId, shopName)}>
          Email the buyer
        </a>
        <p className="small muted flush buyer-contact-email">
          Checked out as a guest, without a Hearth account: write to {c.email}.
        </p>
      </div>
    );
  const close = () => {
    setOpen(false);
    start.reset();
  };
  if (c.blockedByMe || c.blockedByBuyer)
    return (
      <div className="buyer-contact" ref={box}>
        {c.blockedByMe ? (
          <BlockedNotice
            name={c.buyerName}
            pending={unblock.isPending}
            onUnblock={() => {
              focusAfterUnblock();
              unblock.mutate({ orderId });
            }}
          />
        ) : (
          <NotAcceptingNotice name={c.buyerName} />
        )}
        {unblock.error && (
          <p className="error" role="alert">
            {describeError(unblock.error).message}
          </p>
        )}
        {c.conversationId && (
          <Link to={`/dashboard/messages/${c.conversationId}`} className="small">
            Your conversation about this order
          </Link>
        )}
      </div>
    );
  return (
    <div className="buyer-contact" ref={box}>
      <button type="button" className="btn btn-sm" onClick={() => setOpen(true)}>
        <ChatIcon width={16} height={16} /> Message the buyer
      </button>
      {c.conversationId && (
        <Link to={`/dashboard/messages/${c.conversationId}`} className="small">
          Your conversation about this order
        </Link>
      )}
      <Dialog
        open={open}
        onClose={close}
        title={`Message ${c.buyerName}`}
        description={
          c.conversationId
            ? `Continues your conversation about order #${orderId}.`
            : `Your message is sent with order #${orderId}; ${c.buyerName} reads it in their Hearth messages.`
        }
      >
        <MessageComposer
          send={(message) => start.mutateAsync({ orderId, ...message })}
          pending={start.isPending}
          error={start.error}
          label="Your message"
          showLabel
          placeholder="A question about the personalisation, news of a delay…"
          autoFocus
          onCancel={close}
          draftKey={`order:${orderId}:to-buyer`}
        />
      </Dialog>
    </div>
  );
}
