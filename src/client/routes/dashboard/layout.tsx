// Seller dashboard shell (its own code-split chunk): sub-navigation and the seller's shop.
// Without a shop, every dashboard page leads to creating one.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { type LoaderFunctionArgs, NavLink, Outlet, useLocation } from 'react-router';
import { ScrollArrow, useRowArrows } from '../../components/category-bar';
import { RouteErrorBoundary } from '../../components/states';
import { requireUser } from '../../lib/session';
import { trpc, utils } from '../../trpc';
import { useMyShop } from './use-my-shop';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  await utils.shops.mine.ensureData();
  return null;
}

/**
 * On phones the tabs are one scrolling row: bring the current one into view (it may be off the
 * edge). Centring it left a cut word at the row's start ("nt" of Storefront before Orders), so the
 * row rests where the tab before one ends right at its edge, the place nearest the centred one
 * that still shows the current tab whole.
 */
function useCurrentTabInView(nav: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useLayoutEffect(() => {
    const row = nav.current;
    const tab = row?.querySelector<HTMLElement>('a.active');
    if (!row || !tab || row.scrollWidth <= row.clientWidth) return;
    const rowLeft = row.getBoundingClientRect().left - row.scrollLeft;
    const at = (el: HTMLElement) => el.getBoundingClientRect().left - rowLeft; // in the row's content
    const left = at(tab);
    // With a mouse, tabs near an edge with an arrow are not drawn (useTabArrows): clear of those.
    const edge = matchMedia(ARROWS_SHOW).matches ? ARROW_EDGE_PX : 0;
    if (left >= row.scrollLeft + edge && left + tab.offsetWidth <= row.scrollLeft + row.clientWidth - edge) return;
    row.style.paddingInlineEnd = ''; // room made for an earlier tab
    const most = row.scrollWidth - row.clientWidth;
    const centred = left - (row.clientWidth - tab.offsetWidth) / 2;
    // There, a cut word beside an arrow is not drawn, so the centred place is the one.
    if (edge) {
      row.scrollLeft = centred;
      return;
    }
    const fits = (x: number) => left >= x && left + tab.offsetWidth <= x + row.clientWidth;
    // Places where the tab before one ends right at the row's edge: nothing of it shows, not even
    // in the gutter's padding, and the next starts a gap in.
    const links = [...row.querySelectorAll<HTMLElement>('a')];
    const starts = links
      .map((_, i) => {
        const before = links[i - 1];
        return before ? at(before) + before.offsetWidth : 0;
      })
      .filter(fits);
    const best = starts.sort((a, b) => Math.abs(a - centred) - Math.abs(b - centred))[0];
    if (best === undefined) {
      row.scrollLeft = centred;
      return;
    }
    // Near the row's end its scroll limit would stop short of that place (a cut word at the
    // start again): a little room after the last tab lets the row get there.
    if (best > most)
      row.style.paddingInlineEnd = `${Number.parseFloat(getComputedStyle(row).paddingRight) + best - most}px`;
    row.scrollLeft = best;
  }, [pathname]);
}

/**
 * On phones the row of tabs scrolls sideways with no scrollbar, and a tab cut at the screen's edge
 * ("gs" of Listings, "Vie" of View shop) gave no sign there was more. The row says which of its
 * ends has tabs beyond it (data-more-start, data-more-end), and fades that end (dashboard.css).
 */
function useRowEnds(nav: React.RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const row = nav.current;
    if (!row) return;
    const mark = () => {
      const hidden = row.scrollWidth - row.clientWidth;
      row.toggleAttribute('data-more-start', hidden > 1 && row.scrollLeft > 1);
      row.toggleAttribute('data-more-end', hidden > 1 && row.scrollLeft < hidden - 1);
    };
    mark();
    const resized = new ResizeObserver(mark);
    resized.observe(row);
    row.addEventListener('scroll', mark, { passive: true });
    return () => {
      resized.disconnect();
      row.removeEventListener('scroll', mark);
    };
  }, [nav]);
}

/**
 * A tab reached by Tab is brought clear of the row's faded ends. The browser scrolls a focused
 * element only when none of it shows, so a tab partly in view ("Mess" of Messages under the end's
 * fade) took focus with its word and its ring cut; 'nearest' honours the row's scroll-padding.
 */
function useFocusedTabInView(nav: React.RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const row = nav.current;
    if (!row) return;
    const show = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && row.scrollWidth > row.clientWidth)
        e.target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    };
    row.addEventListener('focusin', show);
    return () => row.removeEventListener('focusin', show);
  }, [nav]);
}

/** Where the row's arrows show: a mouse (touch screens swipe), on the phone-width layout. */
const ARROWS_SHOW = '(hover: hover) and (max-width: 860px)';
/** The faded zone at an edge with an arrow (dashboard.css: the 44 px fade). */
const ARROW_EDGE_PX = 44;
/**
 * How near that edge a tab may reach and still be drawn: clear of the arrow's own box (4-32 px in,
 * dashboard.css), since a tab's 12 px padding then keeps its word clear of the fade.
 */
const ARROW_BOX_PX = 32;

/**
 * In a narrow window with a mouse (no touch), tabs past the row's edge could not be reached: no
 * scrollbar, and the wheel scrolls the page. As on the category bar (decision 0189), a round arrow
 * at an end with more beyond it pages the row; Tab still reaches every tab.
 */
function useTabArrows(nav: React.RefObject<HTMLElement | null>) {
  const arrows = useRowArrows(nav, { edgePx: ARROW_EDGE_PX, hidePx: ARROW_BOX_PX });
  const { measure } = arrows;
  useEffect(() => {
    const row = nav.current;
    if (!row) return;
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(row);
    row.addEventListener('scroll', measure, { passive: true });
    return () => {
      resized.disconnect();
      row.removeEventListener('scroll', measure);
    };
  }, [nav, measure]);
  return arrows;
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
  useRowEnds(nav);
  useFocusedTabInView(nav);
  const arrows = useTabArrows(nav);
  return (
    <div className="page">
      <div className="dash">
        <div className="dash-nav-wrap">
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
          {arrows.more.start && <ScrollArrow edge="start" onClick={() => arrows.page(-1)} />}
          {arrows.more.end && <ScrollArrow edge="end" onClick={() => arrows.page(1)} />}
        </div>
        <div>
          <Outlet />
        </div>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
