// Search: facets in a sidebar, sort, result count and an infinite, virtualised grid. All filter
// state lives in the URL, so back/forward and shared links reproduce the same results.
import { type InfiniteData, infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, type LoaderFunctionArgs, useNavigation, useSearchParams } from 'react-router';
import {
  type PriceRangeKey,
  priceRangeFilter,
  priceRanges,
  type SearchProductsInput,
  type SearchProductsResult,
  type SearchSort,
  searchSorts,
} from '../../shared/schemas/search';
import { FilterIcon } from '../components/icons';
import { ProductCard, ProductCardSkeleton } from '../components/product-card';
import { EmptyState, RouteErrorBoundary } from '../components/states';
import { centsToDollarsText, parseDollars, plural } from '../lib/format';
import { useLiveCards } from '../lib/use-live-cards';
import { queryClient, trpcClient } from '../trpc';

const PAGE_SIZE = 24;
const sortLabels: Record<SearchSort, string> = {
  relevance: 'Most relevant',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  newest: 'Newest',
  top_rated: 'Top rated',
};

/** URL → search input. Unknown or malformed params are ignored rather than erroring. */
function inputFromParams(params: URLSearchParams): Omit<SearchProductsInput, 'page'> {
  const input: Omit<SearchProductsInput, 'page'> = { pageSize: PAGE_SIZE };
  const q = params.get('q')?.trim();
  if (q) input.q = q.slice(0, 200);
  const category = params.get('category');
  if (category && /^[a-z0-9-]{1,60}$/.test(category)) input.category = category;
  const range = params.get('price') as PriceRangeKey | null;
  if (range && priceRanges.some((r) => r.key === range)) Object.assign(input, priceRangeFilter(range));
  const min = Number(params.get('min'));
  const max = Number(params.get('max'));
  if (params.get('min') && Number.isInteger(min) && min >= 0) input.minPriceCents = min;
  if (params.get('max') && Number.isInteger(max) && max >= 0) input.maxPriceCents = max;
  if (
    input.minPriceCents !== undefined &&
    input.maxPriceCents !== undefined &&
    input.minPriceCents > input.maxPriceCents
  )
    delete input.maxPriceCents;
  if (params.get('isVintage') === 'true') input.isVintage = true;
  const materials = params
    .getAll('material')
    .filter((m) => m.length > 0 && m.length <= 40)
    .slice(0, 10);
  if (materials.length) input.materials = materials;
  if (params.get('stock') === 'all') input.inStockOnly = false;
  const sort = params.get('sort') as SearchSort | null;
  if (sort && searchSorts.includes(sort)) input.sort = sort;
  return input;
}

function searchQuery(input: Omit<SearchProductsInput, 'page'>) {
  return infiniteQueryOptions<
    SearchProductsResult,
    Error,
    InfiniteData<SearchProductsResult, number>,
    readonly unknown[],
    number
  >({
    queryKey: ['search.products', input],
    queryFn: ({ pageParam, signal }) => trpcClient.search.products.query({ ...input, page: pageParam }, { signal }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    staleTime: 30_000,
  });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const input = inputFromParams(new URL(request.url).searchParams);
  await queryClient.ensureInfiniteQueryData(searchQuery(input));
  return null;
}

function useColumns(ref: React.RefObject<HTMLDivElement | null>) {
  const [width, setWidth] = useState(960);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  const columns = Math.max(2, Math.min(5, Math.floor((width + 18) / (200 + 18))));
  return { columns, width };
}

function ResultsGrid({
  pages,
  hasNextPage,
  fetching,
  fetchNext,
}: {
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

  const virtualizer = useWindowVirtualizer({
    count: rowCount,
    estimateSize: () => Math.round(cardWidth + 112),
    overscan: 3,
    scrollMargin: offset,
    gap: 0,
  });
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

function PriceInputs({
  params,
  update,
}: {
  params: URLSearchParams;
  update: (fn: (p: URLSearchParams) => void) => void;
}) {
  const [min, setMin] = useState(params.get('min') ? centsToDollarsText(Number(params.get('min'))) : '');
  const [max, setMax] = useState(params.get('max') ? centsToDollarsText(Number(params.get('max'))) : '');
  return (
    <form
      className="facet-price"
      onSubmit={(e) => {
        e.preventDefault();
        update((p) => {
          p.delete('price');
          const lo = parseDollars(min);
          const hi = parseDollars(max);
          if (lo !== null) p.set('min', String(lo));
          else p.delete('min');
          if (hi !== null) p.set('max', String(hi));
          else p.delete('max');
        });
      }}
    >
      <label className="visually-hidden" htmlFor="price-min">
        Minimum price in dollars
      </label>
      <input
        id="price-min"
        className="input"
        inputMode="decimal"
        placeholder="$ min"
        value={min}
        onChange={(e) => setMin(e.target.value)}
      />
      <span aria-hidden="true">–</span>
      <label className="visually-hidden" htmlFor="price-max">
        Maximum price in dollars
      </label>
      <input
        id="price-max"
        className="input"
        inputMode="decimal"
        placeholder="$ max"
        value={max}
        onChange={(e) => setMax(e.target.value)}
      />
      <button type="submit" className="btn btn-sm">
        Go
      </button>
    </form>
  );
}

function Facets({
  result,
  params,
  update,
  open,
}: {
  result: SearchProductsResult | undefined;
  params: URLSearchParams;
  update: (fn: (p: URLSearchParams) => void) => void;
  open: boolean;
}) {
  const facets = result?.facets;
  const selectedCategory = params.get('category');
  const selectedPrice = params.get('price');
  const selectedMaterials = params.getAll('material');
  const vintageCount = facets?.isVintage.find((v) => v.value === true)?.count ?? 0;
  return (
    <aside className={`facets${open ? ' open' : ''}`} aria-label="Filters">
      <fieldset>
        <legend>Category</legend>
        <label className="check">
          <input
            type="radio"
            name="category"
            checked={!selectedCategory}
            onChange={() => update((p) => p.delete('category'))}
          />
          <span>All categories</span>
        </label>
        {facets?.categories.map((c) => (
          <label className="check" key={c.value}>
            <input
              type="radio"
              name="category"
              checked={selectedCategory === c.value}
              onChange={() => update((p) => p.set('category', c.value))}
            />
            <span>{c.label}</span>
            <span className="count">{c.count.toLocaleString('en-US')}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Price</legend>
        <label className="check">
          <input
            type="radio"
            name="price"
            checked={!selectedPrice && !params.get('min') && !params.get('max')}
            onChange={() =>
              update((p) => {
                p.delete('price');
                p.delete('min');
                p.delete('max');
              })
            }
          />
          <span>Any price</span>
        </label>
        {(facets?.priceRanges ?? priceRanges.map((r) => ({ ...r, count: 0 }))).map((r) => (
          <label className="check" key={r.key}>
            <input
              type="radio"
              name="price"
              checked={selectedPrice === r.key}
              onChange={() =>
                update((p) => {
                  p.set('price', r.key);
                  p.delete('min');
                  p.delete('max');
                })
              }
            />
            <span>{r.label}</span>
            <span className="count">{r.count.toLocaleString('en-US')}</span>
          </label>
        ))}
        <PriceInputs key={`${params.get('min')}-${params.get('max')}`} params={params} update={update} />
      </fieldset>
      <fieldset>
        <legend>Item type</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={params.get('isVintage') === 'true'}
            onChange={(e) => update((p) => (e.target.checked ? p.set('isVintage', 'true') : p.delete('isVintage')))}
          />
          <span>Vintage only</span>
          <span className="count">{vintageCount.toLocaleString('en-US')}</span>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={params.get('stock') === 'all'}
            onChange={(e) => update((p) => (e.target.checked ? p.set('stock', 'all') : p.delete('stock')))}
          />
          <span>Include sold out</span>
        </label>
      </fieldset>
      {!!facets?.materials.length && (
        <fieldset>
          <legend>Materials</legend>
          {facets.materials.slice(0, 14).map((m) => (
            <label className="check" key={m.value}>
              <input
                type="checkbox"
                checked={selectedMaterials.includes(m.value)}
                onChange={(e) =>
                  update((p) => {
                    const next = p.getAll('material').filter((x) => x !== m.value);
                    if (e.target.checked) next.push(m.value);
                    p.delete('material');
                    for (const x of next) p.append('material', x);
                  })
                }
              />
              <span style={{ textTransform: 'capitalize' }}>{m.value}</span>
              <span className="count">{m.count.toLocaleString('en-US')}</span>
            </label>
          ))}
        </fieldset>
      )}
    </aside>
  );
}

export function Component() {
  const [params, setParams] = useSearchParams();
  const navigation = useNavigation();
  // While the next results load, controls already show where the shopper is going.
  const pending = navigation.location?.pathname === '/search' ? navigation.location.search : null;
  const shownParams = useMemo(() => (pending !== null ? new URLSearchParams(pending) : params), [pending, params]);
  const input = useMemo(() => inputFromParams(params), [params]);
  const query = useInfiniteQuery({ ...searchQuery(input), placeholderData: (prev) => prev });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const pages = query.data?.pages ?? [];
  const first = pages[0];
  const total = first?.total ?? 0;
  const hasFilters = ['category', 'price', 'min', 'max', 'isVintage', 'material', 'stock'].some((k) => params.has(k));

  const update = (fn: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(shownParams);
    fn(next);
    setParams(next, { preventScrollReset: false });
  };

  const q = input.q;
  const heading = q
    ? `Results for “${q}”`
    : input.category
      ? (first?.facets.categories.find((c) => c.value === input.category)?.label ?? 'Browse')
      : 'Everything on Hearth';

  return (
    <div className="page">
      <div className="search-layout">
        <Facets result={first} params={shownParams} update={update} open={filtersOpen} />
        <section aria-labelledby="results-title">
          <div className="search-toolbar">
            <div>
              <h1 id="results-title">{heading}</h1>
              <p className="muted small" aria-live="polite" style={{ margin: 0 }}>
                {query.isPending ? 'Searching…' : `${plural(total, 'result')}${total >= 1000 ? '+' : ''}`}
                {query.isFetching && !query.isPending && !query.isFetchingNextPage ? ' · updating…' : ''}
              </p>
            </div>
            <div style={{ display: 'flex', gap: 10, alignItems: 'center' }}>
              <button
                type="button"
                className="btn btn-sm filters-toggle"
                aria-expanded={filtersOpen}
                onClick={() => setFiltersOpen((o) => !o)}
              >
                <FilterIcon /> Filters
              </button>
              <label htmlFor="sort" className="small muted">
                Sort by
              </label>
              <select
                id="sort"
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
            </div>
          </div>
          {hasFilters && (
            <div className="active-filters">
              <button type="button" className="chip" onClick={() => setParams(q ? { q } : {})}>
                Clear all filters ✕
              </button>
            </div>
          )}
          {query.isError ? (
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
                <div style={{ display: 'flex', gap: 10, justifyContent: 'center', flexWrap: 'wrap' }}>
                  {hasFilters && q && (
                    <Link className="btn btn-primary" to={`/search?q=${encodeURIComponent(q)}`}>
                      Search “{q}” without filters
                    </Link>
                  )}
                  {q?.includes(' ') && (
                    <Link className="btn" to={`/search?q=${encodeURIComponent(q.split(' ')[0])}`}>
                      Try “{q.split(' ')[0]}”
                    </Link>
                  )}
                  <Link className="btn" to="/search">
                    Browse everything
                  </Link>
                </div>
              }
            >
              Try fewer words, a more general term like “mug” or “necklace”, or remove some filters.
            </EmptyState>
          ) : (
            <ResultsGrid
              pages={pages}
              hasNextPage={query.hasNextPage || query.isPending}
              fetching={query.isFetchingNextPage || query.isPending}
              fetchNext={() => void query.fetchNextPage()}
            />
          )}
        </section>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
