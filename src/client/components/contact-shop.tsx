// "Message the shop": from a product page (the listing attached), a shop page, or an order page
// (the order attached). Guests are sent to sign in and back; the shop's own owner sees nothing.
// The dialog writes with the shared composer (message-composer.tsx): the same count, photo,
// Ctrl+Enter, errors and kept draft as a conversation and "Message the buyer".
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../lib/session';
import { signInHref } from '../lib/sign-in-link';
import { trpc } from '../trpc';
import { ChatIcon } from './icons';
import { MessageComposer } from './message-composer';
import { Dialog } from './ui/dialog';

export function ContactShopButton({
  shopId,
  shopName,
  productId,
  orderId,
  label = 'Message the shop',
  className = 'btn btn-sm',
  placeholder,
}: {
  shopId: number;
  shopName: string;
  productId?: number;
  orderId?: number;
  label?: string;
  className?: string;
  placeholder?: string;
}) {
  const { user, loading } = useMe();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // Back from signing in to ask (?ask=<this shop>): the question opens again, once. Once the
  // session is known, ?ask leaves the address (replaced, not a new entry) whether it opened the
  // question or does not apply here (another shop's id, a guest, the shop's owner), so a reload
  // or a shared link does not carry it.
  const ask = params.get('ask');
  const askAgain = !!user && ask === String(shopId);
  useEffect(() => {
    if (ask === null || loading) return;
    if (askAgain) setOpen(true);
    setParams(
      (p) => {
        p.delete('ask');
        return p;
      },
      { replace: true, preventScrollReset: true },
    );
  }, [ask, askAgain, loading, setParams]);
  const u = trpc.useUtils();
  const start = trpc.messages.start.useMutation({
    onSuccess: ({ conversationId }) => {
      void u.messages.inbox.invalidate();
      setOpen(false);
      navigate(`/messages/${conversationId}`);
    },
  });
  if (user && user.shopId === shopId) return null;
  // Guests: a button (not a link) so the server-rendered page and the browser agree on the markup.
  if (!user)
    return (
      <button type="button" className={className} onClick={() => navigate(signInHref(askHere(shopId)))}>
        <ChatIcon width={16} height={16} /> {label}
      </button>
    );
  const close = () => {
    setOpen(false);
    start.reset();
  };
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        <ChatIcon width={16} height={16} /> {label}
      </button>
      <Dialog
        open={open}
        onClose={close}
        title={`Message ${shopName}`}
        description={
          productId
            ? 'Your question is sent with a link to this listing.'
            : orderId
              ? `Your message is sent with order #${orderId}.`
              : 'The shop usually answers within a day or two.'
        }
      >
        <MessageComposer
          send={(message) => start.mutateAsync({ shopId, productId, orderId, ...message })}
          pending={start.isPending}
          error={start.error}
          label="Your message"
          showLabel
          placeholder={placeholder ?? 'Ask about sizes, colours, custom orders…'}
          autoFocus
          onCancel={close}
          sendLabel="Send message"
          draftKey={`shop:${shopId}:${productId ? `listing:${productId}` : orderId ? `order:${orderId}` : 'shop'}`}
        />
      </Dialog>
    </>
  );
}

/** This page's address with ?ask=<shop>: where Sign in sends the shopper back to, to ask. */
function askHere(shopId: number): string {
  const url = new URL(window.location.href);
  url.searchParams.set('ask', String(shopId));
  return url.pathname + url.search;
}
