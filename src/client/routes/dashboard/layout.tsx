// Seller dashboard shell (its own code-split chunk): sub-navigation and the seller's shop.
// Without a shop, every dashboard page leads to creating one.
import { useLayoutEffect, useRef } from 'react';
import { type LoaderFunctionArgs, NavLink, Outlet, useLocation } from 'react-router';
import { RouteErrorBoundary } from '../../components/states';
import { requireUser } from '../../lib/session';
import { trpc, utils } from '../../trpc';
import { useMyShop } from './use-my-shop';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  await utils.shops.mine.ensureData();
  return null;
}

/** On phones the tabs are one scrolling row: bring the current one into view (it may be off the edge). */
function useCurrentTabInView(nav: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useLayoutEffect(() => {
    const row = nav.current;
    const tab = row?.querySelector<HTMLElement>('a.active');
    if (!row || !tab || row.scrollWidth <= row.clientWidth) return;
    const left = tab.getBoundingClientRect().left - row.getBoundingClientRect().left + row.scrollLeft;
    if (left < row.scrollLeft || left + tab.offsetWidth > row.scrollLeft + row.clientWidth)
      row.scrollLeft = left - (row.clientWidth - tab.offsetWidth) / 2;
  }, [pathname]);
}

/** The Messages tab carries the shop's unread count. */
function ShopMessagesLink() {
  const unread = trpc.messages.unreadCount.useQuery(undefined, { staleTime: 15_000 }).data?.asSeller ?? 0;
  return (
    <NavLink to="/dashboard/messages">
      Messages
      {unread > 0 && (
        <span className="unread-badge unread-badge-inline">
          {unread > 99 ? '99+' : unread}
          <span className="visually-hidden"> unread</span>
        </span>
      )}
    </NavLink>
  );
}

export function Component() {
  const shop = useMyShop();
  const has = !!shop.data;
  const nav = useRef<HTMLElement>(null);
  useCurrentTabInView(nav);
  return (
    <div className="page">
      <div className="dash">
        <nav className="dash-nav" aria-label="Dashboard" ref={nav}>
          <p className="eyebrow dash-shop-name">{shop.data?.name ?? 'Your shop'}</p>
          <NavLink to="/dashboard" end>
            Overview
          </NavLink>
          <NavLink to="/dashboard/shop">{has ? 'Shop settings' : 'Create your shop'}</NavLink>
          {has && <NavLink to="/dashboard/listings">Listings</NavLink>}
          {has && <NavLink to="/dashboard/storefront">Storefront</NavLink>}
          {has && <NavLink to="/dashboard/orders">Orders</NavLink>}
          {has && <ShopMessagesLink />}
          {has && shop.data && (
            <NavLink to={`/shop/${shop.data.slug}`} className="dash-nav-quiet">
              View shop ↗
            </NavLink>
          )}
        </nav>
        <div>
          <Outlet />
        </div>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
