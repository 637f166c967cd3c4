// "Message the shop": from a product page (the listing attached), a shop page, or an order page
// (the order attached). Guests are sent to sign in and back; the shop's own owner sees nothing.
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { MESSAGE_TEXT_MAX } from '../../shared/schemas/messaging';
import { useMe } from '../lib/session';
import { signInHref } from '../lib/sign-in-link';
import { describeError, trpc } from '../trpc';
import { ChatIcon } from './icons';
import { Dialog } from './ui/dialog';
import { StatusButton } from './ui/status-button';

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
  const [text, setText] = useState('');
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
      setText('');
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
  const error = start.error ? describeError(start.error) : null;
  const over = text.length > MESSAGE_TEXT_MAX;
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        <ChatIcon width={16} height={16} /> {label}
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Message ${shopName}`}
        description={
          productId
            ? 'Your question is sent with a link to this listing.'
            : orderId
              ? `Your message is sent with order #${orderId}.`
              : 'The shop usually answers within a day or two.'
        }
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate({ shopId, productId, orderId, text });
          }}
        >
          <div className="field">
            <label htmlFor="contact-shop-text">Your message</label>
            <textarea
              id="contact-shop-text"
              className="textarea"
              rows={5}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={placeholder ?? 'Ask about sizes, colours, custom orders…'}
              aria-invalid={error || over ? true : undefined}
              aria-describedby="contact-shop-count"
              data-autofocus
            />
            <span className={`hint${over ? ' error' : ''}`} id="contact-shop-count">
              {text.length.toLocaleString('en-US')} / {MESSAGE_TEXT_MAX.toLocaleString('en-US')}
            </span>
            {error && (
              <span className="error" role="alert">
                {error.message}
              </span>
            )}
          </div>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <StatusButton pending={start.isPending} pendingLabel="Sending…" disabled={!text.trim() || over}>
              Send message
            </StatusButton>
          </div>
        </form>
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
