// Shop page: banner, logo, tagline, announcement, rating, favourite and message buttons, the
// listings by section with a search box, and the shop's policies.
import { type LoaderFunctionArgs, useParams } from 'react-router';
import { ContactShopButton } from '../components/contact-shop';
import { FavoriteShopButton } from '../components/favorite-button';
import { ReviewsSection } from '../components/reviews-section';
import { ShopListings, shopListingFilters, shopListingProblem } from '../components/shop-listings';
import { VacationNotice } from '../components/shop-notices';
import { ShopPolicies } from '../components/shop-policies';
import { Stars } from '../components/stars';
import { RouteErrorBoundary } from '../components/states';
import { dataClients, orNotFound, routeError } from '../lib/data-context';
import { formatCents, formatDate, plural } from '../lib/format';
import { usePageMeta } from '../lib/page-meta';
import { useMe } from '../lib/session';
import { trpc } from '../trpc';

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const { utils } = dataClients(context);
  const shop = await orNotFound(utils.shops.bySlug.ensureData({ slug: String(params.slug) }));
  const search = new URL(request.url).searchParams;
  // An address no listing filter accepts is the page's 400, with the layout (the search page's rule).
  const problem = shopListingProblem(search);
  if (problem) throw routeError(400, problem);
  const { sectionId, q } = shopListingFilters(search);
  void utils.shops.sections.prefetch({ shopId: shop.id });
  if (!q) void utils.catalog.shopProducts.prefetchInfinite({ shopId: shop.id, limit: 24, sectionId });
  return null;
}

export function Component() {
  const slug = String(useParams().slug);
  const shop = trpc.shops.bySlug.useQuery({ slug });
  const s = shop.data;
  const { user } = useMe();
  usePageMeta(s?.name, s ? s.tagline || `${s.name} on Hearth: handmade and vintage goods.` : null);
  if (!s) return null;
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
          <FavoriteShopButton shopId={s.id} slug={s.slug} name={s.name} />
          <ContactShopButton shopId={s.id} shopName={s.name} />
        </div>
      </div>

      {/* On a phone the About card drops below all the listings (~4,000 px down): these links reach it
          from the top. A laptop shows the card beside the listings and hides them. */}
      <nav className="shop-jump" aria-label="On this page">
        <a href="#listings-title">Listings</a>
        <a href="#shop-about">About</a>
        <a href="#shop-shipping">Shipping &amp; policies</a>
        <a href="#reviews">Reviews</a>
      </nav>
      {s.vacation && <VacationNotice shopName={s.name} vacation={s.vacation} />}
      {s.announcement && (
        <aside className="shop-announcement" aria-label="Announcement">
          <p>{s.announcement}</p>
        </aside>
      )}
      <div className="two-col">
        <ShopListings shop={s} />
        <aside className="card" aria-labelledby="shop-about">
          <h2 className="card-title" id="shop-about">
            About the shop
          </h2>
          <p className="description">{s.description || 'The maker has not written a description yet.'}</p>
          <h3 className="card-subtitle" id="shop-shipping">
            Shipping
          </h3>
          <ul className="small shop-policy">
            <li>Flat rate {formatCents(policy.flatRateCents)} per order</li>
            {policy.freeOverCents !== null && <li>Free shipping over {formatCents(policy.freeOverCents)}</li>}
          </ul>
          <ShopPolicies policies={s.policies} />
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
