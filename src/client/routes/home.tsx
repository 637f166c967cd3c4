// Home: a hero, categories to browse, and the personal (or trending) feed in sections.
import { useMemo } from 'react';
import { Link, type LoaderFunctionArgs } from 'react-router';
import { listingPath } from '../../shared/listing-url';
import { GridSkeleton, ProductCard } from '../components/product-card';
import { ProductImage } from '../components/product-image';
import { EmptyState, RouteErrorBoundary } from '../components/states';
import { dataClients } from '../lib/data-context';
import { usePageMeta } from '../lib/page-meta';
import { useMe } from '../lib/session';
import { useLiveCards } from '../lib/use-live-cards';
import { trpc } from '../trpc';

export async function loader({ context }: LoaderFunctionArgs) {
  await dataClients(context).utils.feed.home.ensureData(undefined, { staleTime: 60_000 });
  return null;
}

/**
 * Cards per section: 12 or 6 fill whole rows at 6, 3 and 2 columns (CSS trims 6 to 4 at 4 columns),
 * so a section of 8 never leaves two cards alone on a second row.
 */
function rowCount(n: number): number {
  return n >= 12 ? 12 : n >= 6 ? 6 : n;
}

export function Component() {
  usePageMeta(
    null,
    'Handmade and vintage goods from independent makers: ceramics, knitwear, jewellery, furniture and more.',
  );
  const feed = trpc.feed.home.useQuery(undefined, { staleTime: 60_000 });
  const categories = trpc.catalog.categories.useQuery(undefined, { staleTime: 10 * 60_000 });
  const { user } = useMe();
  const sections = feed.data?.sections ?? [];
  const shown = useMemo(() => sections.flatMap((s) => s.products.slice(0, rowCount(s.products.length))), [sections]);
  const live = new Map(useLiveCards(shown).map((p) => [p.id, p]));
  const heroProducts = sections
    .flatMap((s) => s.products)
    .filter((p) => p.image)
    .slice(0, 6);

  return (
    <div className="page">
      <section className="hero" aria-labelledby="hero-title">
        <div>
          <p className="eyebrow">
            {user
              ? `${user.firstVisit ? 'Welcome' : 'Welcome back'}, ${user.name.split(' ')[0]}`
              : 'Made by hand, found with care'}
          </p>
          <h1 id="hero-title">Things with a story, from people who make them.</h1>
          <p>Ceramics, textiles, jewellery and one-of-a-kind vintage finds from independent shops.</p>
          <div className="hero-actions">
            <Link to="/search" className="btn btn-primary btn-lg">
              Browse everything
            </Link>
            <Link to="/search?isVintage=true" className="btn btn-lg">
              Vintage finds
            </Link>
          </div>
        </div>
        {heroProducts.length >= 3 && (
          <div className="hero-tiles" aria-hidden="true">
            {heroProducts.map((p, i) => (
              <Link key={p.id} to={listingPath(p.id, p.title)} tabIndex={-1}>
                <ProductImage src={p.image} alt="" seed={p.id} eager={i < 3} />
              </Link>
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="cat-title">
        <div className="section-head">
          <h2 id="cat-title">Shop by category</h2>
        </div>
        <div className="category-chips">
          {(categories.data ?? []).map((c) => (
            <Link key={c.slug} className="chip" to={`/search?category=${c.slug}`}>
              {c.name}
            </Link>
          ))}
        </div>
      </section>

      {feed.isPending && <GridSkeleton count={8} />}
      {feed.data && sections.length === 0 && (
        <EmptyState
          title="The shelves are being stocked"
          action={
            <Link className="btn btn-primary" to="/dashboard">
              Open a shop
            </Link>
          }
        >
          No listings yet. Be the first maker on Hearth.
        </EmptyState>
      )}
      {sections.map((section) => (
        <section key={section.key} className="feed-section" aria-labelledby={`feed-${section.key}`}>
          <div className="section-head feed-head">
            <h2 id={`feed-${section.key}`} className="feed-title" title={section.title}>
              {section.title}
            </h2>
            {section.seeMore && (
              <Link to={section.seeMore} className="small see-more">
                See more<span className="visually-hidden"> like this</span>
              </Link>
            )}
          </div>
          <p className="reason">{section.reason}</p>
          <div className={`feed-row feed-row-${rowCount(section.products.length)}`}>
            {section.products.slice(0, rowCount(section.products.length)).map((p) => (
              <ProductCard key={p.id} product={live.get(p.id) ?? p} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
