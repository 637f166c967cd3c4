// The app shell route: header, category bar, page outlet, footer, navigation progress.
import { Link, Outlet, ScrollRestoration, useNavigation } from 'react-router';
import { SiteHeader } from '../components/site-header';
import { PageSkeleton, RouteErrorBoundary } from '../components/states';
import { trpc, utils } from '../trpc';

export function loader() {
  // Not awaited: the category bar can fill in a moment later without holding up the page.
  void utils.catalog.categories.prefetch(undefined, { staleTime: 10 * 60_000 });
  void utils.auth.me.prefetch(undefined, { staleTime: 60_000 });
  return null;
}

function CategoryBar() {
  const categories = trpc.catalog.categories.useQuery(undefined, { staleTime: 10 * 60_000 });
  return (
    <nav className="category-bar" aria-label="Categories">
      {(categories.data ?? []).map((c) => (
        <Link key={c.slug} to={`/search?category=${c.slug}`}>
          {c.name}
        </Link>
      ))}
    </nav>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
      <CategoryBar />
      <main id="main" tabIndex={-1}>
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

/** First load while the page's data arrives: the header and layout are there at once. */
export function HydrateFallback() {
  return (
    <Shell>
      <PageSkeleton />
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
