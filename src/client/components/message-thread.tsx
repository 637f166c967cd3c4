// One conversation: the attached listing or order, the messages (text rendered as text, never as
// HTML), the composer (message-composer.tsx), and block (asked first) / unblock / report. Opening
// it marks it read; new messages arrive live (useUserLive refetches this thread).
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { listingPath } from '../../shared/listing-url';
import { REPORT_REASONS, type ThreadDto } from '../../shared/schemas/messaging';
import { formatCents, formatDateTime } from '../lib/format';
import { loadMessageDraft } from '../lib/message-draft-store';
import { useMe } from '../lib/session';
import { describeError, trpc } from '../trpc';
import { BlockedNotice, NotAcceptingNotice, useFocusAfterUnblock, useFocusNoticeWhenReplaced } from './blocked-notice';
import { rememberOpenedConversation } from './conversation-list';
import { BasketIcon, BoxIcon } from './icons';
import { MessageComposer } from './message-composer';
import { statusLabel } from './order-status';
import { EmptyState, PageSkeleton } from './states';
import { ConfirmDialog, Dialog } from './ui/dialog';
import { StatusButton } from './ui/status-button';

function About({ c, orderHref }: { c: ThreadDto['conversation']; orderHref: (id: number) => string }) {
  if (c.product)
    return (
      <Link to={listingPath(c.product.id, c.product.title)} className="thread-about">
        {c.product.image ? (
          <img src={c.product.image} alt="" />
        ) : (
          <span className="thread-about-ph" aria-hidden="true">
            <BasketIcon width={22} height={22} />
          </span>
        )}
        <span>
          <span className="small muted">About this listing</span>
          <br />
          <strong>{c.product.title}</strong> · {formatCents(c.product.priceCents)}
        </span>
      </Link>
    );
  if (c.order)
    return (
      <Link to={orderHref(c.order.id)} className="thread-about">
        <span className="thread-about-ph" aria-hidden="true">
          <BoxIcon width={22} height={22} />
        </span>
        <span>
          <span className="small muted">About order #{c.order.id}</span>
          <br />
          {/* The orders pages' words ("Being made / packed"), not the stored value. */}
          <strong>{formatCents(c.order.totalCents)}</strong> · {statusLabel[c.order.status]}
        </span>
      </Link>
    );
  return null;
}

function ReportDialog({
  open,
  onClose,
  conversationId,
}: {
  open: boolean;
  onClose: () => void;
  conversationId: number;
}) {
  const [reason, setReason] = useState<(typeof REPORT_REASONS)[number]>('spam');
  const [details, setDetails] = useState('');
  const u = trpc.useUtils();
  const report = trpc.messages.report.useMutation({
    onSuccess: () => {
      toast.success('Thanks. Our team will look at this conversation.');
      void u.messages.thread.invalidate({ conversationId });
      onClose();
    },
  });
  const labels = { spam: 'Spam', harassment: 'Harassment or abuse', scam: 'Scam or fraud', other: 'Something else' };
  return (
    <Dialog open={open} onClose={onClose} title="Report this conversation" size="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          report.mutate({ conversationId, reason, details: details || undefined });
        }}
      >
        <div className="field">
          <label htmlFor="report-reason">Reason</label>
          <select
            id="report-reason"
            className="select"
            value={reason}
            onChange={(e) => setReason(e.target.value as typeof reason)}
          >
            {REPORT_REASONS.map((r) => (
              <option key={r} value={r}>
                {labels[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-details">Anything we should know? (optional)</label>
          <textarea
            id="report-details"
            className="textarea"
            rows={3}
            value={details}
            onChange={(e) => setDetails(e.target.value)}
          />
        </div>
        {report.error && (
          <p className="error" role="alert">
            {describeError(report.error).message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <StatusButton pending={report.isPending} pendingLabel="Sending…" className="btn btn-danger">
            Report
          </StatusButton>
        </div>
      </form>
    </Dialog>
  );
}

const noSubscription = () => () => undefined;

/**
 * Whether words written here and not sent are kept (drafts per place, decision 0198). Read from
 * this tab's storage on each render; the server has none, so hydration starts from false.
 */
function useDraftKept(draftKey: string): boolean {
  const userId = useMe().user?.id;
  return useSyncExternalStore(
    noSubscription,
    () => userId !== undefined && loadMessageDraft(userId, draftKey) !== null,
    () => false,
  );
}

function Composer({ conversationId, notAcceptingFrom }: { conversationId: number; notAcceptingFrom: string | null }) {
  const u = trpc.useUtils();
  const send = trpc.messages.send.useMutation({
    onSuccess: () => void u.messages.thread.invalidate({ conversationId }),
  });
  const draftKey = `conversation:${conversationId}`;
  const draftKept = useDraftKept(draftKey);
  // The other party's block can take the composer away mid-sentence: the notice says the words
  // are not lost (they come back with the composer).
  if (notAcceptingFrom) return <NotAcceptingNotice name={notAcceptingFrom} draftKept={draftKept} />;
  return (
    <MessageComposer
      send={(message) => send.mutateAsync({ conversationId, ...message })}
      pending={send.isPending}
      error={send.error}
      draftKey={draftKey}
    />
  );
}

export function MessageThread({
  conversationId,
  backHref,
  orderHref,
}: {
  conversationId: number;
  backHref: string;
  orderHref: (id: number) => string;
}) {
  const thread = trpc.messages.thread.useQuery({ conversationId });
  const u = trpc.useUtils();
  const markRead = trpc.messages.markRead.useMutation({
    onSuccess: () => {
      void u.messages.unreadCount.invalidate();
      void u.messages.inbox.invalidate();
      void u.messages.shopInbox.invalidate();
    },
  });
  const [confirmingBlock, setConfirmingBlock] = useState(false);
  // The inbox rows say "Blocked": the lists are read again on the way back to them.
  const invalidateInboxes = () => {
    void u.messages.inbox.invalidate();
    void u.messages.shopInbox.invalidate();
  };
  const block = trpc.messages.block.useMutation({
    // The dialog closes once the page shows the block, so focus returns to the (now) Unblock button.
    onSuccess: async () => {
      invalidateInboxes();
      await thread.refetch();
      // No toast: the notice in place of the composer says so (role=status), and a toast would
      // cover its Unblock on a phone; one still showing (a report just sent) goes too.
      setConfirmingBlock(false);
      toast.dismiss();
    },
  });
  const unblock = trpc.messages.unblock.useMutation({
    onSuccess: async () => {
      invalidateInboxes();
      // No toast either: the composer is back, focused, where a toast would cover it on a phone.
      await thread.refetch();
    },
  });
  const [reporting, setReporting] = useState(false);
  const end = useRef<HTMLDivElement>(null);
  // A block arriving live (the other party's, or the reader's own from another tab) removes the
  // composer: when it had focus, the notice in its place takes it rather than <body>.
  const reply = useRef<HTMLDivElement>(null);
  const conversation = thread.data?.conversation;
  useFocusNoticeWhenReplaced(reply, !!conversation && (conversation.blockedByMe || !conversation.canSend));
  // Unblocking from the notice removes the button that had focus: the composer taking its place gets it.
  const focusComposerOnUnblock = useFocusAfterUnblock(!!thread.data?.conversation.blockedByMe, () =>
    document.getElementById('composer-text')?.focus(),
  );
  // Opening a conversation from an inbox removes the row that had focus: the heading (who this is
  // with) takes it, as other pages do, once per conversation and only when focus is nowhere else.
  const loaded = thread.data !== undefined;
  useEffect(() => {
    if (!loaded) return;
    // Back in the inbox, this conversation's row takes focus (conversation-list.tsx).
    rememberOpenedConversation(conversationId);
    const at = document.activeElement;
    if (!at || at === document.body) document.getElementById('thread-title')?.focus({ preventScroll: true });
  }, [loaded, conversationId]);
  const unread = thread.data?.conversation.unread ?? 0;
  const lastId = thread.data?.messages.at(-1)?.id;

  // Reading the thread marks it read, also when a message arrives while it is open.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the unread count or last message changes
  useEffect(() => {
    if (unread > 0 && !markRead.isPending) markRead.mutate({ conversationId });
  }, [unread, lastId, conversationId]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keep the newest message in view
  useLayoutEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [lastId]);

  if (thread.isPending) return <PageSkeleton />;
  if (thread.error) {
    const info = describeError(thread.error);
    const notFound = info.httpStatus === 404;
    // The server's "Conversation not found." under the same heading said it twice: the line under
    // it says what may have happened and where the reader's own conversations are instead.
    return (
      <EmptyState
        art="🧶"
        headingLevel={1}
        title={notFound ? 'Conversation not found' : 'Could not load this conversation'}
        action={
          <Link to={backHref} className="btn">
            Back to messages
          </Link>
        }
      >
        {notFound
          ? 'It may have been removed, or the link is for a different account. Your own conversations are all in Messages.'
          : info.message}
      </EmptyState>
    );
  }
  const { conversation: c, messages } = thread.data;
  return (
    <section className="thread" aria-labelledby="thread-title">
      <div className="thread-head">
        <Link to={backHref} className="small">
          ← All messages
        </Link>
        <h1 id="thread-title" tabIndex={-1} className="focus-heading">
          {c.counterpart.name}
        </h1>
        <div className="thread-actions">
          {/* Both plain buttons in one place: after blocking, focus stays on this button, now Unblock. */}
          {c.blockedByMe ? (
            // Not disabled while pending: a disabled button drops keyboard focus to the page. It
            // turns into Block in place, so focus stays on it.
            <button
              type="button"
              className="btn btn-sm"
              aria-disabled={unblock.isPending || undefined}
              onClick={() => {
                if (!unblock.isPending) unblock.mutate({ conversationId });
              }}
            >
              Unblock
            </button>
          ) : (
            <button type="button" className="btn btn-sm btn-danger" onClick={() => setConfirmingBlock(true)}>
              Block
            </button>
          )}
          <button type="button" className="btn btn-sm" onClick={() => setReporting(true)} disabled={c.reportedByMe}>
            {c.reportedByMe ? 'Reported' : 'Report'}
          </button>
        </div>
      </div>
      <About c={c} orderHref={orderHref} />
      <div className="thread-messages" role="log" aria-live="polite" aria-label="Messages">
        {messages.map((m) => (
          <div key={m.id} className={`bubble ${m.mine ? 'bubble-mine' : 'bubble-theirs'}`}>
            {m.autoReply && <span className="small muted bubble-label">Automatic reply</span>}
            {m.imageUrl && (
              <a href={m.imageUrl} target="_blank" rel="noreferrer">
                <img src={m.imageUrl} alt="Sent in this conversation" className="bubble-photo" />
              </a>
            )}
            {m.body && <p className="bubble-text">{m.body}</p>}
            <time className="small bubble-time" dateTime={m.createdAt}>
              {m.mine ? 'You · ' : ''}
              {formatDateTime(m.createdAt)}
            </time>
          </div>
        ))}
        <div ref={end} />
      </div>
      <div ref={reply}>
        {c.blockedByMe ? (
          // Where the composer was: why nothing can be sent, and the way back.
          <BlockedNotice
            name={c.counterpart.name}
            pending={unblock.isPending}
            onUnblock={() => {
              focusComposerOnUnblock();
              unblock.mutate({ conversationId });
            }}
          />
        ) : (
          <Composer conversationId={conversationId} notAcceptingFrom={c.canSend ? null : c.counterpart.name} />
        )}
      </div>
      {unblock.error && (
        <p className="error" role="alert">
          {describeError(unblock.error).message}
        </p>
      )}
      <ConfirmDialog
        open={confirmingBlock}
        title={`Block ${c.counterpart.name}?`}
        confirmLabel="Block"
        cancelLabel="Cancel"
        pending={block.isPending}
        onConfirm={() => block.mutate({ conversationId })}
        onClose={() => {
          block.reset();
          setConfirmingBlock(false);
        }}
      >
        They will not be able to message you, in this conversation or any other, and you will not be able to message
        them. You can unblock them here at any time.
        {block.error && (
          <span className="error" role="alert">
            {' '}
            {describeError(block.error).message}
          </span>
        )}
      </ConfirmDialog>
      <ReportDialog open={reporting} onClose={() => setReporting(false)} conversationId={conversationId} />
    </section>
  );
}
