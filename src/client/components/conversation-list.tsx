// An inbox: conversations newest first with who, the last message, the listing or order they are
// about, an unread count and "Blocked" where the caller blocked the other party. The buyer's /messages and the shop's dashboard inbox both use it.
// Coming back from a conversation (its "All messages" link or the browser's Back), focus lands on
// that conversation's row, where the reader left the list, not on <body> or the page's top.
// A blocked row offers Unblock beside it, as the conversation and the order page do.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { ConversationSummaryDto } from '../../shared/schemas/messaging';
import { formatDateTime, plural } from '../lib/format';
import { describeError, trpc } from '../trpc';

/** The conversation last opened in this tab: its row takes focus when the list shows again. */
let lastOpened: number | null = null;

/** Called by the conversation page when it shows a conversation. */
export function rememberOpenedConversation(id: number): void {
  lastOpened = id;
}

/** Focus is "nowhere" yet: on <body>, or on the page's heading where arriving put it. */
function focusIsUnplaced(): boolean {
  const at = document.activeElement;
  return !at || at === document.body || (at.tagName === 'H1' && at.classList.contains('focus-heading'));
}

export function ConversationList({
  items,
  hrefOf,
  label,
}: {
  items: ConversationSummaryDto[];
  hrefOf: (id: number) => string;
  label: string;
}) {
  const list = useRef<HTMLUListElement>(null);
  const u = trpc.useUtils();
  const unblock = trpc.messages.unblock.useMutation({
    onSuccess: async (_, { conversationId }) => {
      void u.messages.thread.invalidate({ conversationId });
      await Promise.all([u.messages.inbox.invalidate(), u.messages.shopInbox.invalidate()]);
      // The button goes with the block: its row, still in place, takes focus.
      list.current?.querySelector<HTMLElement>(`[data-conversation-id="${conversationId}"]`)?.focus();
    },
  });
  // Once, when the list first shows: the row of the conversation just left takes focus.
  useEffect(() => {
    const id = lastOpened;
    lastOpened = null;
    if (id === null || !focusIsUnplaced()) return;
    list.current?.querySelector<HTMLElement>(`[data-conversation-id="${id}"]`)?.focus({ preventScroll: false });
  }, []);
  return (
    <ul ref={list} className="plain-list conversation-list" aria-label={label}>
      {items.map((c) => (
        <li key={c.id} className="conversation-item">
          <Link
            to={hrefOf(c.id)}
            className={`conversation-row${c.unread > 0 ? ' is-unread' : ''}${c.blockedByMe ? ' is-blocked' : ''}`}
            data-conversation-id={c.id}
          >
            <span className="conversation-avatar" aria-hidden="true">
              {c.counterpart.imageUrl ? <img src={c.counterpart.imageUrl} alt="" /> : c.counterpart.name.charAt(0)}
            </span>
            <span className="conversation-main">
              <span className="conversation-top">
                <span className="conversation-who">
                  {/* At most two lines, with an ellipsis; the title shows the whole name on hover, and a
                      screen reader reads the text whole (the clamp only hides it visually). */}
                  <strong className="conversation-name" title={c.counterpart.name}>
                    {c.counterpart.name}
                  </strong>{' '}
                  {/* Words, not a colour: the row's link reads "… Blocked by you" to a screen reader too. */}
                  {c.blockedByMe && (
                    <span className="badge badge-danger conversation-blocked">
                      Blocked<span className="visually-hidden"> by you</span>
                    </span>
                  )}
                </span>
                <time className="small muted" dateTime={c.lastMessage.at}>
                  {formatDateTime(c.lastMessage.at)}
                </time>
              </span>
              <span className="conversation-preview">
                {c.lastMessage.mine && <span className="muted">You: </span>}
                {c.lastMessage.preview}
              </span>
              {(c.product || c.order) && (
                <span className="small muted conversation-about">
                  {c.product ? `About: ${c.product.title}` : `About order #${c.order?.id}`}
                </span>
              )}
            </span>
            {c.unread > 0 && (
              <span className="unread-badge" title={plural(c.unread, 'unread message')}>
                {c.unread > 99 ? '99+' : c.unread}
                <span className="visually-hidden"> unread</span>
              </span>
            )}
          </Link>
          {/* Beside the row, not in it (no button inside a link); not disabled while pending, which
              would drop focus to the page. */}
          {c.blockedByMe && (
            <button
              type="button"
              className="btn btn-sm conversation-unblock"
              aria-disabled={unblock.isPending || undefined}
              onClick={() => {
                if (!unblock.isPending) unblock.mutate({ conversationId: c.id });
              }}
            >
              Unblock<span className="visually-hidden"> {c.counterpart.name}</span>
            </button>
          )}
          {unblock.error && unblock.variables?.conversationId === c.id && (
            <p className="error flush" role="alert">
              {describeError(unblock.error).message}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
