// The header on every page: brand, search, favourites, account menu and cart count.
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { toast } from 'sonner';
import { useCartWithPendingChanges } from '../lib/cart-line-changes';
import { plural } from '../lib/format';
import { useMe } from '../lib/session';
import { arriveAsNewPage } from '../lib/use-arrival-focus';
import { usePopupDismiss } from '../lib/use-popup-dismiss';
import { useUserLive } from '../lib/use-user-live';
import { queryClient, trpc } from '../trpc';
import { CountBadge } from './count-badge';
import { EmailText } from './email-text';
import { CartIcon, ChatIcon, HeartIcon, StoreIcon, UserIcon } from './icons';
import { NotificationBell } from './notification-bell';
import { SearchBox } from './search-box';

/**
 * Guests have carts too (a cookie), so the count shows for everyone. It counts the cart as the cart
 * page shows it, with changes still on their way applied: it changes with the line.
 */
function CartLink() {
  const cart = trpc.cart.get.useQuery(undefined, { staleTime: 15_000 });
  const count = useCartWithPendingChanges(cart.data)?.itemCount ?? 0;
  return (
    <Link to="/cart" className="icon-btn cart-link" aria-label={count ? `Cart, ${plural(count, 'item')}` : 'Cart'}>
      <CartIcon />
      <CountBadge count={count} />
    </Link>
  );
}

/** Signed-in users: the unread count across their conversations (as buyer and as shop), kept live. */
function MessagesLink() {
  const unread = trpc.messages.unreadCount.useQuery(undefined, { staleTime: 15_000 }).data;
  const total = unread?.total ?? 0;
  // Unread shop messages only: straight to the shop inbox.
  const to = unread && unread.asSeller > 0 && unread.asBuyer === 0 ? '/dashboard/messages' : '/messages';
  return (
    <Link to={to} className="icon-btn cart-link" aria-label={total ? `Messages, ${total} unread` : 'Messages'}>
      <ChatIcon />
      <CountBadge count={total} testId="unread-messages" />
    </Link>
  );
}

function AccountMenu({ name, email, hasShop }: { name: string; email: string; hasShop: boolean }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const navigate = useNavigate();
  const logout = trpc.auth.logout.useMutation({
    onSuccess: () => {
      // Every cached answer belonged to the shopper: reset, not clear. clear() drops the queries
      // but leaves the ones on screen showing what they had (the home page's "Welcome, <name>" and
      // personal feed stayed after the header said "Sign in"); a reset empties each one, tells the
      // components showing it, and reads the ones on screen again as a signed-out visitor.
      void queryClient.resetQueries();
      toast.success('Signed out. See you soon!');
      // As a new page even from the home page itself (at /#main after "Skip to content").
      navigate('/', { state: arriveAsNewPage });
    },
  });

  // Escape from a link inside would drop focus to <body> with the panel: back on the button, as the bell does.
  usePopupDismiss(ref, open, setOpen, () => button.current?.focus());

  return (
    <div className="menu" ref={ref}>
      <button
        ref={button}
        type="button"
        className="icon-btn"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label="Account menu"
        onClick={() => setOpen((o) => !o)}
      >
        <UserIcon />
      </button>
      {open && (
        <div className="menu-panel">
          <div className="menu-who">
            Signed in as <strong>{name}</strong>
            <br />
            <EmailText email={email} />
          </div>
          <Link to="/orders">Your orders</Link>
          <Link to="/favorites">Favourites</Link>
          <Link to="/messages">Messages</Link>
          <Link to="/account">Account settings</Link>
          <Link to="/dashboard">{hasShop ? 'Shop dashboard' : 'Open a shop'}</Link>
          <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * Publishes the sticky header's height as --sticky-header-h on the page, which the page's
 * scroll-padding uses: whatever scrolls something into view (a form focusing its first error,
 * a #fragment) stops below the header instead of under it. The height is measured because on
 * phones the header wraps to two rows whose height depends on fonts and what the shopper sees.
 */
function useStickyHeaderHeight() {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const header = ref.current;
    if (!header) return;
    const root = document.documentElement;
    const publish = () => root.style.setProperty('--sticky-header-h', `${header.getBoundingClientRect().height}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(header);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--sticky-header-h');
    };
  }, []);
  return ref;
}

export function SiteHeader() {
  const { user, loading } = useMe();
  const ref = useStickyHeaderHeight();
  // One live stream per tab: unread notifications and messaging events.
  useUserLive(!!user);
  return (
    <header className="site-header" ref={ref}>
      <div className="site-header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            h
          </span>
          <span className="brand-word">Hearth</span>
        </Link>
        <SearchBox />
        <nav className="header-actions" aria-label="Account">
          {/* On phones a seller reaches the dashboard from the account menu: the header keeps one row. */}
          {user?.shopId && (
            <Link to="/dashboard" className="icon-btn in-menu-too" aria-label="Shop dashboard" title="Shop dashboard">
              <StoreIcon />
            </Link>
          )}
          <Link to="/favorites" className="icon-btn" aria-label="Favourites" title="Favourites">
            <HeartIcon />
          </Link>
          {user && <MessagesLink />}
          {user && <NotificationBell />}
          {/* A fixed-width slot: the menu or "Sign in" arrives with the session and moves nothing (CLS 0).
              Signed in, phones size it to the menu's button: the room "Sign in" needed holds the heart. */}
          <div className={user ? 'account-slot has-menu' : 'account-slot'}>
            {user ? (
              <AccountMenu name={user.name} email={user.email} hasShop={user.shopId !== null} />
            ) : (
              !loading && (
                <Link to="/signin" className="btn btn-ghost btn-sm">
                  Sign in
                </Link>
              )
            )}
          </div>
          <CartLink />
        </nav>
      </div>
    </header>
  );
}
