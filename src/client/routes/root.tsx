// The app shell route: header, category bar, page outlet, footer, navigation progress.
// It has no loader on purpose: on the first load the shell renders at once (header usable, text
// typed in search kept) and only the page's own area shows a skeleton until its data arrives.
import { Link, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import type { CategoryNode } from '../../shared/schemas/catalog';
import { readSearchUrl, searchPageTitle } from '../../shared/search-url';
import { CategoryBar } from '../components/category-bar';
import { findCategory } from '../components/search-facets';
import { SiteHeader } from '../components/site-header';
import { RouteErrorBoundary } from '../components/states';
import { VerifyEmailBanner } from '../components/verify-email-banner';
import { useFavouriteAfterSignIn } from '../lib/favourite-after-sign-in';
import { usePageMeta } from '../lib/page-meta';
import { useArrivalFocus } from '../lib/use-arrival-focus';
import { trpc } from '../trpc';

/**
 * Titles for the storefront pages that do not name themselves yet (search, cart, product); every
 * other page calls usePageMeta itself. Product titles come from the page's own cached query.
 */
function StorefrontTitle() {
  const { pathname, search } = useLocation();
  const listingKey = /^\/(?:product|listing)\/([^/]+)/.exec(pathname)?.[1];
  const productId = listingKey && /^\d+$/.test(listingKey) ? Number(listingKey) : 0;
  const categories = trpc.catalog.categories.useQuery(undefined, { staleTime: 10 * 60_000 });
  const product = trpc.catalog.product.useQuery({ productId }, { enabled: false, staleTime: Number.POSITIVE_INFINITY });
  // The location moves only once the page's loader has read the listing, so no data here means it
  // failed: an address that names no listing is "Listing not found", as the served head says. A
  // page hydrated from the server has no failed query (only data is passed on): its head stays.
  const missing = !productId || [400, 404].includes(product.error?.data?.httpStatus ?? 0);
  const listingTitle = product.data?.title ?? (missing ? 'Listing not found' : product.error ? 'Listing' : undefined);
  const title = pathname.startsWith('/search')
    ? searchTabTitle(new URLSearchParams(search), categories.data)
    : pathname === '/cart'
      ? 'Your cart'
      : listingKey
        ? listingTitle
        : undefined;
  if (title === undefined) return null;
  return <PageMetaFor title={title} description={listingKey ? product.data?.description : undefined} />;
}

/**
 * The search page's tab: the search, or what in the address could not be read (the words of the
 * served head: `readSearchUrl`'s title, "Category not found"), never a search the page is not showing.
 */
function searchTabTitle(params: URLSearchParams, categories: CategoryNode[] | undefined): string {
  const read = readSearchUrl(params);
  if (!read.ok) return read.title;
  const where = findCategory(categories ?? [], read.input.category ?? null);
  if (read.input.category && categories && !where) return 'Category not found';
  return searchPageTitle(read.input.q, (where?.leaf ?? where?.department)?.name, read.page);
}

function PageMetaFor({ title, description }: { title: string; description?: string }) {
  usePageMeta(title, description);
  return null;
}

function Shell({ children }: { children: React.ReactNode }) {
  // The address whose page <main> holds, in the same commit as that page (see pageOnScreen).
  const { pathname, search } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <StorefrontTitle />
      <SiteHeader />
      <VerifyEmailBanner />
      <CategoryBar />
      <main id="main" tabIndex={-1} data-location={pathname + search}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer-inner">
          <span>
            <strong>Hearth</strong> — a marketplace for handmade and vintage goods.
          </span>
          <span>
            <Link to="/dashboard">Sell on Hearth</Link> · <Link to="/orders">Your orders</Link>
          </span>
        </div>
      </footer>
    </>
  );
}

export function Component() {
  const navigation = useNavigation();
  useArrivalFocus();
  useFavouriteAfterSignIn();
  return (
    <Shell>
      {navigation.state === 'loading' && (
        <div className="route-progress" role="progressbar" aria-label="Loading page" />
      )}
      <Outlet />
      <ScrollRestoration />
    </Shell>
  );
}

export function ErrorBoundary() {
  return (
    <Shell>
      <RouteErrorBoundary />
    </Shell>
  );
}
