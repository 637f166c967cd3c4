// Shop page: banner, logo, tagline, policies, rating, favourite button and the listings grid.
import { Link, type LoaderFunctionArgs, useParams } from 'react-router';
import { ContactShopButton } from '../components/contact-shop';
import { FavoriteShopButton } from '../components/favorite-button';
import { GridSkeleton, ProductGrid } from '../components/product-card';
import { ReviewsSection } from '../components/reviews-section';
import { VacationNotice } from '../components/shop-notices';
import { Stars } from '../components/stars';
import { EmptyState, RouteErrorBoundary } from '../components/states';
import { dataClients, orNotFound } from '../lib/data-context';
import { formatCents, formatDate, plural } from '../lib/format';
import { usePageMeta } from '../lib/page-meta';
import { useMe } from '../lib/session';
import { trpc } from '../trpc';

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { utils } = dataClients(context);
  const shop = await orNotFound(utils.shops.bySlug.ensureData({ slug: String(params.slug) }));
  void utils.catalog.shopProducts.prefetchInfinite({ shopId: shop.id, limit: 24 });
  return null;
}

export function Component() {
  const slug = String(useParams().slug);
  const shop = trpc.shops.bySlug.useQuery({ slug });
  const s = shop.data;
  const { user } = useMe();
  usePageMeta(s?.name, s ? s.tagline || `${s.name} on Hearth: handmade and vintage goods.` : null);
  const products = trpc.catalog.shopProducts.useInfiniteQuery(
    { shopId: s?.id ?? 0, limit: 24 },
    { enabled: !!s, getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  if (!s) return null;
  const items = products.data?.pages.flatMap((p) => p.items) ?? [];
  const policy = s.shippingPolicy;

  return (
    <div className="page">
      <div className="shop-banner">{s.bannerUrl && <img src={s.bannerUrl} alt="" />}</div>
      <div className="shop-head">
        <div className="logo">{s.logoUrl ? <img src={s.logoUrl} alt={`${s.name} logo`} /> : s.name.charAt(0)}</div>
        <div className="shop-info">
          <h1>{s.name}</h1>
          {s.tagline && <p className="shop-tagline">{s.tagline}</p>}
          <div className="shop-stats">
            <Stars rating={s.rating} count={s.reviewCount} />
            <span>{plural(s.salesCount, 'sale')}</span>
            <span>{plural(s.favoriteCount, 'admirer')}</span>
            <span>On Hearth since {formatDate(s.createdAt)}</span>
          </div>
        </div>
        <div className="shop-head-actions">
          <FavoriteShopButton shopId={s.id} name={s.name} />
          <ContactShopButton shopId={s.id} shopName={s.name} />
        </div>
      </div>

      {s.vacation && <VacationNotice shopName={s.name} vacation={s.vacation} />}
      <div className="two-col">
        <section aria-labelledby="listings-title">
          <h2 id="listings-title">Listings</h2>
          {products.isPending ? (
            <GridSkeleton count={8} />
          ) : items.length === 0 ? (
            <EmptyState
              title="Nothing listed yet"
              action={
                <Link className="btn" to="/search">
                  Browse other shops
                </Link>
              }
            >
              This shop is getting ready. Favourite it to see new listings first.
            </EmptyState>
          ) : (
            <>
              <ProductGrid products={items} eagerCount={4} />
              {products.hasNextPage && (
                <div className="load-more">
                  <button
                    type="button"
                    className="btn"
                    onClick={() => products.fetchNextPage()}
                    disabled={products.isFetchingNextPage}
                  >
                    {products.isFetchingNextPage ? 'Loading…' : 'Show more'}
                  </button>
                </div>
              )}
            </>
          )}
        </section>
        <aside className="card">
          <h2 className="card-title">About the shop</h2>
          <p className="description">{s.description || 'The maker has not written a description yet.'}</p>
          <h3 className="card-subtitle">Shipping</h3>
          <ul className="small shop-policy">
            <li>Flat rate {formatCents(policy.flatRateCents)} per order</li>
            {policy.freeOverCents !== null && <li>Free shipping over {formatCents(policy.freeOverCents)}</li>}
            <li>Ships within {plural(policy.processingDays, 'business day')}</li>
          </ul>
        </aside>
      </div>
      <ReviewsSection
        target={{ shopId: s.id }}
        canReply={user !== null && user.shopId === s.id}
        title="Reviews of this shop"
      />
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
