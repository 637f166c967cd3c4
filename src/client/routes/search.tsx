// Search: facets in a sidebar, sort, result count and an infinite, virtualised grid. All filter
// state lives in the URL, so back/forward and shared links reproduce the same results.
import { type InfiniteData, infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useWindowVirtualizer, type VirtualItem, windowScroll } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, type LoaderFunctionArgs, useNavigation, useSearchParams } from 'react-router';
import type { CategoryNode } from '../../shared/schemas/catalog';
import {
  type SearchProductsInput,
  type SearchProductsResult,
  type SearchSort,
  searchSorts,
} from '../../shared/schemas/search';
import { searchInputFromParams as inputFromParams, readSearchUrl, searchPageFromParams } from '../../shared/search-url';
import { FilterIcon } from '../components/icons';
import { PagedResults } from '../components/paged-results';
import { PriceBoxNotice } from '../components/price-box-notice';
import { ProductCard, ProductCardSkeleton } from '../components/product-card';
import { Facets, findCategory } from '../components/search-facets';
import {
  ActiveFilterChips,
  FILTER_PARAMS,
  FilterSheet,
  noResultsTip,
  resultCountText,
  resultsHeading,
} from '../components/search-filters';
import { SearchNotes } from '../components/search-notes';
import { EmptyState, RouteErrorBoundary } from '../components/states';
import { dataClients, routeError } from '../lib/data-context';
import { recordResultClick } from '../lib/search-clicks';
import { useHydrated } from '../lib/use-hydrated';
import { useLiveCards } from '../lib/use-live-cards';
import { trpc, trpcClient } from '../trpc';

/** The filters' form: the sort select and its button outside the sidebar belong to it too. */
const FILTER_FORM = 'search-filters';

const sortLabels: Record<SearchSort, string> = {
  relevance: 'Most relevant',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  newest: 'Newest',
  top_rated: 'Top rated',
};

/** Results from `startPage` on (a shared or no-JavaScript link may start past the first page). */
function searchQuery(input: Omit<SearchProductsInput, 'page'>, startPage = 1, client = trpcClient) {
  return infiniteQueryOptions<
    SearchProductsResult,
    Error,
    InfiniteData<SearchProductsResult, number>,
    readonly unknown[],
    number
  >({
    queryKey: startPage === 1 ? ['search.products', input] : ['search.products', input, startPage],
    queryFn: ({ pageParam, signal }) => client.search.products.query({ ...input, page: pageParam }, { signal }),
    initialPageParam: startPage,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    staleTime: 30_000,
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { queryClient, trpcClient: client, utils } = dataClients(context);
  // An address no search accepts is the page's 400 (or 404 past the last page), with the layout.
  const read = readSearchUrl(new URL(request.url).searchParams);
  if (!read.ok) throw routeError(read.status, read.message);
  const categories = utils.catalog.categories.ensureData(undefined, { staleTime: 10 * 60_000 }).catch(() => null);
  // Back/forward: every page loaded before is answered from the cache at once (refreshed in the
  // background), so the grid is as tall as it was and scroll restoration lands where the shopper
  // was. A failed search is caught: the page shows the error in place with the filters kept.
  const results = await queryClient
    .ensureInfiniteQueryData({ ...searchQuery(read.input, read.page, client), revalidateIfStale: true })
    .catch(() => undefined);
  const tree = await categories;
  if (read.input.category && tree && !findCategory(tree, read.input.category))
    throw routeError(404, 'There is no such category.');
  if (read.page > 1 && results?.pages[0]?.hits.length === 0) throw routeError(404, 'There is no such page of results.');
  return null;
}

function estimatedGridWidth(): number {
  if (typeof window === 'undefined') return 960;
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const gutter = Math.min(32, Math.max(16, vw * 0.03));
  return vw <= 860 ? vw - 2 * gutter : Math.min(vw, 1240) - 2 * gutter - 250 - 32;
}

function useColumns(ref: React.RefObject<HTMLDivElement | null>) {
  // First render before measuring: guess from the window so the grid is about the right height
  // when scroll restoration puts the shopper back deep in the results.
  const [width, setWidth] = useState(estimatedGridWidth);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    // Applied on the next frame: a state change inside the observer's callback resizes the rows it
    // watches in the same frame, which browsers report as a "ResizeObserver loop" error.
    let frame = 0;
    const ro = new ResizeObserver(([entry]) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setWidth(entry.contentRect.width));
    });
    ro.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
    };
  }, [ref]);
  const columns = Math.max(2, Math.min(5, Math.floor((width + 18) / (200 + 18))));
  return { columns, width };
}

/**
 * Row heights measured per search (and column count), kept when the grid unmounts. On back/forward
 * the grid is rebuilt with the real heights, not estimates, so the restored scroll position shows
 * the same rows (on phones, two-line titles made estimates ~15% short: 80 rows deep, a screen off).
 */
const rowSizesBySearch = new Map<string, VirtualItem[]>();
function rememberRowSizes(key: string, rows: VirtualItem[]) {
  rowSizesBySearch.delete(key);
  rowSizesBySearch.set(key, rows);
  if (rowSizesBySearch.size > 20) rowSizesBySearch.delete(rowSizesBySearch.keys().next().value as string);
}

function ResultsGrid({
  searchKey,
  pages,
  hasNextPage,
  fetching,
  fetchNext,
}: {
  searchKey: string;
  pages: SearchProductsResult[];
  hasNextPage: boolean;
  fetching: boolean;
  fetchNext: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { columns, width } = useColumns(ref);
  const items = useLiveCards(useMemo(() => pages.flatMap((p) => p.hits), [pages]));
  const dataRows = Math.ceil(items.length / columns);
  const rowCount = dataRows + (hasNextPage ? 1 : 0);
  const cardWidth = (width - 18 * (columns - 1)) / columns;
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => setOffset(ref.current?.offsetTop ?? 0), []);

  const sizesKey = `${searchKey}|${columns}`;
  // On mount the virtualizer scrolls the window to its initial offset; on back/forward that undid
  // React Router's scroll restoration (back always landed at the top). It may scroll only once
  // mounted (to keep rows steady when heights above the viewport change).
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const virtualizer = useWindowVirtualizer({
    scrollToFn: (offset, options, instance) => {
      if (mounted.current) windowScroll(offset, options, instance);
    },
    initialMeasurementsCache: rowSizesBySearch.get(sizesKey) ?? [],
    count: rowCount,
    estimateSize: () => Math.round(cardWidth + 112),
    overscan: 3,
    scrollMargin: offset,
    gap: 0,
    // Start where the window is (scroll restoration may already have put it deep in the list).
    initialOffset: () => (typeof window === 'undefined' ? 0 : window.scrollY),
    // Row heights are applied on the next frame too (same-frame resizes raise the loop error).
    useAnimationFrameWithResizeObserver: true,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the virtualizer instance is stable
  useEffect(() => () => rememberRowSizes(sizesKey, virtualizer.takeSnapshot()), [sizesKey]);
  const virtualRows = virtualizer.getVirtualItems();
  const lastRow = virtualRows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !fetching && lastRow >= dataRows - 2) fetchNext();
  }, [lastRow, dataRows, hasNextPage, fetching, fetchNext]);

  return (
    <div ref={ref} style={{ position: 'relative', height: virtualizer.getTotalSize() }}>
      {virtualRows.map((row) => {
        const start = row.index * columns;
        const slice = items.slice(start, start + columns);
        const skeleton = row.index >= dataRows;
        return (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="virtual-row"
            style={{
              transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
              paddingBottom: 22,
            }}
          >
            {skeleton
              ? Array.from({ length: columns }, (_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
                  <ProductCardSkeleton key={i} />
                ))
              : slice.map((p, i) => <ProductCard key={p.id} product={p} eager={row.index === 0 && i < columns} />)}
          </div>
        );
      })}
    </div>
  );
}

function Breadcrumb({ tree, slug }: { tree: CategoryNode[]; slug: string | undefined }) {
  const where = findCategory(tree, slug ?? null);
  if (!where) return null;
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb small">
      <Link to="/">Home</Link>
      <span aria-hidden="true"> › </span>
      {where.leaf ? (
        <>
          <Link to={`/search?category=${where.department.slug}`}>{where.department.name}</Link>
          <span aria-hidden="true"> › </span>
          <span aria-current="page">{where.leaf.name}</span>
        </>
      ) : (
        <span aria-current="page">{where.department.name}</span>
      )}
    </nav>
  );
}

/**
 * The "No exact matches" card's links and "Did you mean": they go once results come, so focus waits
 * on the results heading, never on <body> (not for a link opened in another tab or window).
 */
function toResultsHeading(e: React.MouseEvent) {
  if (!(e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)) resultsHeading()?.focus();
}

export function Component() {
  const [params, setParams] = useSearchParams();
  const navigation = useNavigation();
  // While the next results load, controls already show where the shopper is going.
  const pending = navigation.location?.pathname === '/search' ? navigation.location.search : null;
  const shownParams = useMemo(() => (pending !== null ? new URLSearchParams(pending) : params), [pending, params]);
  const input = useMemo(() => inputFromParams(params), [params]);
  const startPage = searchPageFromParams(params);
  const hydrated = useHydrated();
  const query = useInfiniteQuery({ ...searchQuery(input, startPage), placeholderData: (prev) => prev });
  const categories = trpc.catalog.categories.useQuery(undefined, { staleTime: 10 * 60_000 });
  const tree = categories.data ?? [];
  const [filtersOpen, setFiltersOpen] = useState(false);
  const pages = query.data?.pages ?? [];
  const first = pages[0];
  const total = first?.total ?? 0;
  const hasFilters = FILTER_PARAMS.some((k) => params.has(k));

  const update = (fn: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(shownParams);
    fn(next);
    setParams(next, { preventScrollReset: false });
  };

  const q = input.q;
  const where = findCategory(tree, input.category ?? null);
  const categoryName = (where?.leaf ?? where?.department)?.name;
  const heading = q
    ? `Results for “${q}”${categoryName ? ` in ${categoryName}` : ''}`
    : input.category
      ? (categoryName ?? 'Category')
      : 'Everything on Hearth';
  const facets = <Facets result={first} tree={tree} params={shownParams} update={update} />;

  return (
    <div className="page">
      <Breadcrumb tree={tree} slug={input.category} />
      <div className="search-layout">
        {/* One copy of the filters at a time (ids and radio groups must be unique). */}
        <aside className="facets" aria-label="Filters">
          {/* A GET form: without JavaScript, "Apply filters" (and Sort) submit it (searchFormQuery). */}
          <form id={FILTER_FORM} action="/search" method="get">
            {q && <input type="hidden" name="q" value={q} />}
            {!filtersOpen && facets}
            <button type="submit" className="btn btn-primary btn-block no-js-only">
              Apply filters
            </button>
          </form>
        </aside>
        <FilterSheet
          open={filtersOpen}
          onClose={() => setFiltersOpen(false)}
          total={total}
          loading={query.isFetching && !query.isFetchingNextPage}
        >
          {facets}
        </FilterSheet>
        <section aria-labelledby="results-title" onClickCapture={(e) => recordResultClick(q ?? '', e)}>
          <div className="search-toolbar">
            <div>
              {/* Focusable from script only: a search from the header box lands here (SearchBox). */}
              <h1 id="results-title" tabIndex={-1} className="focus-heading">
                {heading}
              </h1>
              <p className="muted small result-count" aria-live="polite">
                {query.isPending ? 'Searching…' : resultCountText(total)}
                {query.isFetching && !query.isPending && !query.isFetchingNextPage ? ' · updating…' : ''}
              </p>
            </div>
            <div className="search-controls">
              <button
                type="button"
                className="btn btn-sm filters-toggle"
                aria-haspopup="dialog"
                onClick={() => setFiltersOpen(true)}
              >
                <FilterIcon /> Filters
              </button>
              <label htmlFor="sort" className="small muted">
                Sort by
              </label>
              <select
                id="sort"
                name="sort"
                form={FILTER_FORM}
                className="select"
                value={shownParams.get('sort') ?? 'relevance'}
                onChange={(e) =>
                  update((p) => (e.target.value === 'relevance' ? p.delete('sort') : p.set('sort', e.target.value)))
                }
              >
                {searchSorts.map((s) => (
                  <option key={s} value={s}>
                    {sortLabels[s]}
                  </option>
                ))}
              </select>
              <button type="submit" form={FILTER_FORM} className="btn btn-sm no-js-only">
                Sort
              </button>
            </div>
          </div>
          <ActiveFilterChips params={shownParams} tree={tree} update={update} />
          <PriceBoxNotice params={shownParams} />
          <SearchNotes result={first} params={shownParams} onFollow={toResultsHeading} />
          {query.isError && !first ? (
            <EmptyState
              art="🧶"
              title="Search is having a moment"
              action={
                <button type="button" className="btn btn-primary" onClick={() => query.refetch()}>
                  Try again
                </button>
              }
            >
              We couldn’t load results. Your filters are kept; try again in a moment.
            </EmptyState>
          ) : first && total === 0 ? (
            <EmptyState
              art="🔍"
              title="No exact matches"
              action={
                <div className="empty-actions">
                  {hasFilters && q && (
                    <Link
                      className="btn btn-primary"
                      to={`/search?q=${encodeURIComponent(q)}`}
                      onClick={toResultsHeading}
                    >
                      Search “{q}” without filters
                    </Link>
                  )}
                  {q?.includes(' ') && (
                    <Link
                      className="btn"
                      to={`/search?q=${encodeURIComponent(q.split(' ')[0])}`}
                      onClick={toResultsHeading}
                    >
                      {/* Filters go: with them even one word found nothing (partial matching
                          searched each word under them), so the link says so (decision 0184). */}
                      Try “{q.split(' ')[0]}”{hasFilters ? ' without filters' : ''}
                    </Link>
                  )}
                  <Link className="btn" to="/search" onClick={toResultsHeading}>
                    Browse everything
                  </Link>
                </div>
              }
            >
              {noResultsTip(q, hasFilters)}
            </EmptyState>
          ) : (
            <>
              {query.isError && (
                <div className="notice notice-danger" role="alert">
                  <p>
                    The latest results didn’t load; these may be out of date.{' '}
                    <button type="button" className="link-button" onClick={() => query.refetch()}>
                      Try again
                    </button>
                  </p>
                </div>
              )}
              {!hydrated && first ? (
                <PagedResults result={first} params={params} />
              ) : (
                <>
                  {startPage > 1 && (
                    <p className="small">
                      <Link to={`/search?${new URLSearchParams([...params].filter(([k]) => k !== 'page'))}`}>
                        ← From the first result
                      </Link>
                    </p>
                  )}
                  <ResultsGrid
                    searchKey={JSON.stringify([input, startPage])}
                    pages={pages}
                    hasNextPage={query.hasNextPage || query.isPending}
                    fetching={query.isFetchingNextPage || query.isPending}
                    fetchNext={() => void query.fetchNextPage()}
                  />
                </>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
