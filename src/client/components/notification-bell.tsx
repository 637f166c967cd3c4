// The header's bell: the unread count (kept live by useUserLive) and a panel with the latest
// notifications. Opening one marks it read; "Mark all read" (shown while any is unread) clears the
// count in every tab.
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { describeNotification, type NotificationDto } from '../../shared/schemas/notifications';
import { useFocusAfter } from '../lib/use-focus-after';
import { usePopupDismiss } from '../lib/use-popup-dismiss';
import { describeError, trpc } from '../trpc';
import { CountBadge } from './count-badge';
import { BellIcon } from './icons';

const when = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

function NotificationItem({ n, onOpen }: { n: NotificationDto; onOpen: (n: NotificationDto) => void }) {
  const { text, href } = describeNotification(n);
  return (
    <li className={n.read ? 'notif-item' : 'notif-item unread'}>
      <Link to={href} onClick={() => onOpen(n)}>
        {!n.read && <span className="notif-dot" aria-hidden="true" />}
        <span className="notif-text">
          {!n.read && <span className="visually-hidden">Unread: </span>}
          {text}
        </span>
        <time className="notif-time" dateTime={n.createdAt}>
          {when.format(new Date(n.createdAt))}
        </time>
      </Link>
    </li>
  );
}

function NotificationPanel({ id, unread }: { id: string; unread: number }) {
  const u = trpc.useUtils();
  const list = trpc.notifications.list.useInfiniteQuery({}, { getNextPageParam: (p) => p.nextCursor ?? undefined });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // The answer is the truth for the count; the list shows it at once, then refetches.
  const settle = (r: { unread: number }, read: (n: NotificationDto) => boolean) => {
    u.notifications.unreadCount.setData(undefined, { count: r.unread });
    u.notifications.list.setInfiniteData({}, (old) =>
      old
        ? {
            ...old,
            pages: old.pages.map((p) => ({ ...p, items: p.items.map((n) => (read(n) ? { ...n, read: true } : n)) })),
          }
        : old,
    );
    void u.notifications.list.invalidate();
  };
  const markRead = trpc.notifications.markRead.useMutation({
    onSuccess: (r, v) => settle(r, (n) => v.ids.includes(n.id)),
  });
  const heading = useRef<HTMLHeadingElement>(null);
  // Once all are read the button goes: focus moves to the panel's heading, not to <body>.
  const focusAfter = useFocusAfter();
  const markAll = trpc.notifications.markAllRead.useMutation({
    onSuccess: (r) => settle(r, () => true),
    onError: (e) => {
      focusAfter(null);
      toast.error(describeError(e).message);
    },
  });
  const open = (n: NotificationDto) => {
    if (!n.read) markRead.mutate({ ids: [n.id] });
  };
  const headingId = `${id}-h`;
  return (
    <section id={id} className="menu-panel notif-panel" aria-labelledby={headingId}>
      <div className="notif-head">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="focus-heading">
          Notifications
        </h2>
        {/* Nothing unread, nothing to mark: no button (a disabled one only looked like an action). */}
        {(unread > 0 || markAll.isPending) && (
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => {
              focusAfter(() => heading.current);
              markAll.mutate();
            }}
            disabled={markAll.isPending}
          >
            {markAll.isPending ? 'Marking…' : 'Mark all read'}
          </button>
        )}
      </div>
      {list.isPending ? (
        <p className="notif-state" role="status">
          <span className="spinner" aria-hidden="true" /> Loading notifications…
        </p>
      ) : list.isError ? (
        <div className="notif-state" role="alert">
          <p>{describeError(list.error).message}</p>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => void list.refetch()}>
            Try again
          </button>
        </div>
      ) : items.length === 0 ? (
        <div className="notif-state notif-empty">
          <BellIcon width={32} height={32} />
          <p>
            <strong>No notifications yet</strong>
          </p>
          <p>New orders, reviews and updates on what you bought will show up here.</p>
        </div>
      ) : (
        <>
          <ul className="notif-list">
            {items.map((n) => (
              <NotificationItem key={n.id} n={n} onOpen={open} />
            ))}
          </ul>
          {list.hasNextPage && (
            <button
              type="button"
              className="btn btn-ghost btn-sm notif-more"
              onClick={() => void list.fetchNextPage()}
              disabled={list.isFetchingNextPage}
            >
              {list.isFetchingNextPage ? 'Loading…' : 'Show older'}
            </button>
          )}
        </>
      )}
      <Link to="/account#email-choices" className="notif-settings">
        Email settings
      </Link>
    </section>
  );
}

export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const count = trpc.notifications.unreadCount.useQuery(undefined, { staleTime: 60_000 }).data?.count ?? 0;

  usePopupDismiss(ref, open, setOpen, () => button.current?.focus());

  return (
    <div className="menu notif-menu" ref={ref}>
      <button
        ref={button}
        type="button"
        className="icon-btn cart-link"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={count ? `Notifications, ${count} unread` : 'Notifications'}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        <CountBadge count={count} testId="unread-notifications" />
      </button>
      {open && <NotificationPanel id={panelId} unread={count} />}
    </div>
  );
}
