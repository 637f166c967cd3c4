// The shop page's listings: the seller's sections as filters, a search box for this shop's
// listings, and the grid. The URL holds the state (?section=<id>, ?q=<text>), so a filtered
// view can be shared and the back button works.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { idSchema } from '../../shared/schemas/common';
import { tooLongMessage } from '../../shared/schemas/issue-messages';
import { SEARCH_MAX_QUERY_LENGTH } from '../../shared/schemas/search';
import type { ShopDto } from '../../shared/schemas/shops';
import { textProblem } from '../../shared/schemas/text';
import { focusOnArrival, pageOnScreen } from '../lib/focus-on-arrival';
import { plural } from '../lib/format';
import { describeError, trpc } from '../trpc';
import { SearchIcon } from './icons';
import { GridSkeleton, ProductGrid } from './product-card';
import { EmptyState } from './states';

/**
 * Why the shop page cannot show the listings an address asks for (the page's 400), or null. A
 * section is a listing id's kind of number; the search text follows the site search's rules.
 */
export function shopListingProblem(params: URLSearchParams): string | null {
  const section = params.get('section');
  if (section && (!/^\d{1,10}$/.test(section) || !idSchema.safeParse(Number(section)).success))
    return 'That is not one of the shop’s sections.';
  const q = params.get('q')?.trim() ?? '';
  if (q.length > SEARCH_MAX_QUERY_LENGTH) return tooLongMessage('Search text', SEARCH_MAX_QUERY_LENGTH);
  return q ? textProblem(q) : null;
}

export function shopListingFilters(params: URLSearchParams) {
  const section = Number(params.get('section'));
  return {
    sectionId: Number.isInteger(section) && section > 0 ? section : undefined,
    q: (params.get('q') ?? '').trim().slice(0, 200),
  };
}

function ShopSearch({
  shopName,
  initial,
  onSearch,
}: {
  shopName: string;
  initial: string;
  /** A new search has started (the text differs from the current one) for the address `to`. */
  onSearch: (to: string) => void;
}) {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const [text, setText] = useState(initial);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    next.delete('section');
    if (text.trim()) next.set('q', text.trim());
    else next.delete('q');
    setParams(next);
    if (text.trim() === initial) return;
    // The box is rebuilt for the new query: it lets go of focus now (and a phone's keyboard closes).
    const active = document.activeElement;
    if (active instanceof HTMLElement && e.currentTarget.contains(active)) active.blur();
    onSearch(`${pathname}?${next}`);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> lacks support in some screen readers; role=search is the safe landmark
    <form role="search" className="shop-search" onSubmit={submit}>
      <label htmlFor="shop-search-input" className="visually-hidden">
        Search {shopName}
      </label>
      <input
        id="shop-search-input"
        className="input"
        type="search"
        value={text}
        maxLength={200}
        placeholder={`Search ${shopName}`}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="btn btn-sm" aria-label={`Search ${shopName}`}>
        <SearchIcon width={16} height={16} />
      </button>
    </form>
  );
}

export function ShopListings({ shop }: { shop: ShopDto }) {
  const [params] = useSearchParams();
  const { sectionId, q } = shopListingFilters(params);
  const sections = trpc.shops.sections.useQuery({ shopId: shop.id });
  const browse = trpc.catalog.shopProducts.useInfiniteQuery(
    { shopId: shop.id, limit: 24, sectionId },
    { enabled: !q, getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  const found = trpc.search.products.useQuery(
    { q, shopId: shop.id, includeOnVacation: true, inStockOnly: false, pageSize: 48 },
    { enabled: !!q },
  );
  const visibleSections = (sections.data ?? []).filter((s) => s.listingCount > 0 || s.id === sectionId);
  const current = visibleSections.find((s) => s.id === sectionId);
  const pending = q ? found.isPending : browse.isPending;
  const error = q ? found.error : browse.error;
  const items = q ? (found.data?.hits ?? []) : (browse.data?.pages.flatMap((p) => p.items) ?? []);
  const heading = q ? `Results for “${q}”` : current ? current.name : 'Listings';
  // A new search remounts the search box (its key is the query), which drops focus to <body>: once
  // the results for it are drawn, their heading takes focus, as after the header's search box, so the
  // next Tab goes on in the results. The page is watched (focusOnArrival), not this component's next
  // render, which may come before the results are drawn and never again after.
  const stopArrival = useRef<(() => void) | null>(null);
  useEffect(() => () => stopArrival.current?.(), []);
  const focusHeading = (to: string) => {
    stopArrival.current?.();
    stopArrival.current = focusOnArrival(() => pageOnScreen(to) && document.getElementById('listings-title'));
  };

  return (
    <section aria-labelledby="listings-title" className="shop-listings">
      <div className="shop-listings-head">
        {/* Focusable from script only: a search from the box beside it lands here. */}
        <h2 id="listings-title" tabIndex={-1} className="focus-heading">
          {heading}
        </h2>
        <ShopSearch key={q} shopName={shop.name} initial={q} onSearch={focusHeading} />
      </div>
      {visibleSections.length > 0 && (
        <nav className="section-chips" aria-label="Shop sections">
          <Link to="?" className="chip" aria-current={!sectionId && !q ? 'page' : undefined}>
            All
          </Link>
          {visibleSections.map((s) => (
            <Link
              key={s.id}
              to={`?section=${s.id}`}
              className="chip"
              aria-current={s.id === sectionId && !q ? 'page' : undefined}
            >
              {s.name} <span className="chip-count">{s.listingCount}</span>
            </Link>
          ))}
        </nav>
      )}
      {pending ? (
        <GridSkeleton count={8} />
      ) : error ? (
        <EmptyState art="🧶" title="Could not load the listings">
          {describeError(error).message}
        </EmptyState>
      ) : items.length === 0 ? (
        q || sectionId ? (
          <EmptyState
            art="🔍"
            title={q ? `Nothing in ${shop.name} matches “${q}”` : 'Nothing in this section right now'}
            action={
              <Link className="btn" to="?">
                See all listings
              </Link>
            }
          />
        ) : (
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
        )
      ) : (
        <>
          {q && <p className="small muted">{plural(found.data?.total ?? items.length, 'listing')} found</p>}
          <ProductGrid products={items} eagerCount={4} />
          {!q && browse.hasNextPage && (
            <div className="load-more">
              <button
                type="button"
                className="btn"
                onClick={() => browse.fetchNextPage()}
                disabled={browse.isFetchingNextPage}
              >
                {browse.isFetchingNextPage ? 'Loading…' : 'Show more'}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
