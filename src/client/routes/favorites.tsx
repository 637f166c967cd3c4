// Favourite products and shops.
import { Link, type LoaderFunctionArgs } from 'react-router';
import { ProductGrid } from '../components/product-card';
import { Stars } from '../components/stars';
import { EmptyState, PageSkeleton, RouteErrorBoundary } from '../components/states';
import { usePageMeta } from '../lib/page-meta';
import { requireUser } from '../lib/session';
import { trpc, utils } from '../trpc';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  await utils.favorites.list.ensureData();
  return null;
}

export function Component() {
  usePageMeta('Favourites');
  const favorites = trpc.favorites.list.useQuery(undefined, { staleTime: 10_000 });
  if (favorites.isPending) return <PageSkeleton />;
  const f = favorites.data;
  const empty = !f || (f.products.length === 0 && f.shops.length === 0);
  return (
    <div className="page">
      <h1>Favourites</h1>
      {empty ? (
        <EmptyState
          art="♡"
          title="Nothing saved yet"
          action={
            <Link to="/" className="btn btn-primary">
              Find something you love
            </Link>
          }
        >
          Tap the heart on any item or shop to keep it here. Your home feed learns from what you save.
        </EmptyState>
      ) : (
        <>
          {f.products.length > 0 && (
            <section aria-labelledby="fav-items">
              <h2 id="fav-items">Items</h2>
              <ProductGrid products={f.products} />
            </section>
          )}
          {f.shops.length > 0 && (
            <section aria-labelledby="fav-shops" className="section-gap">
              <h2 id="fav-shops">Shops</h2>
              <div className="product-grid">
                {f.shops.map((s) => (
                  <Link key={s.id} to={`/shop/${s.slug}`} className="shop-card plain-link">
                    <div className="logo">{s.logoUrl ? <img src={s.logoUrl} alt="" /> : s.name.charAt(0)}</div>
                    <div>
                      <strong>{s.name}</strong>
                      <div className="small muted">{s.tagline}</div>
                      <Stars rating={s.rating} count={s.reviewCount} />
                    </div>
                  </Link>
                ))}
              </div>
            </section>
          )}
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
