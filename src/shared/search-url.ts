// The search page's URL is its state. One reading of it for the browser, the server renderer and
// the SEO head: `readSearchUrl` says what search an address asks for, or why it cannot be read
// (400: a value no search accepts; 404: a page past the last one), and `canonicalSearchQuery`
// writes the one address search engines should index for it (filters in a fixed order). A price
// range the address holds but that no search runs (minimum above maximum, above $1,000,000, however
// many digits) is refused out loud like the price boxes' (decisions 0147, 0160, 0172): searched
// without it, and the page says why. An address that cannot be read at all is named by what in it
// could not be (`title`), in the tab as in the served head.

import { type PriceBoxErrors, priceBoundErrors, readPriceBoxes } from './price-boxes';
import { tooLongMessage } from './schemas/issue-messages';
import {
  type PriceRangeKey,
  priceRangeFilter,
  priceRanges,
  SEARCH_MAX_QUERY_LENGTH,
  SEARCH_MAX_TOTAL_HITS,
  type SearchProductsInput,
  type SearchSort,
  searchProductsInput,
  searchSorts,
} from './schemas/search';

export const SEARCH_PAGE_SIZE = 24;
/** Results stop at 1,000 hits, so no search has a page past this one. */
export const SEARCH_LAST_PAGE = Math.ceil(SEARCH_MAX_TOTAL_HITS / SEARCH_PAGE_SIZE);

export type SearchUrlInput = Omit<SearchProductsInput, 'page'> & { pageSize: number };

export type SearchUrl =
  /** `priceErrors`: the address's price range was refused (not searched), and why, in the boxes' words. */
  | { ok: true; input: SearchUrlInput; page: number; priceErrors: PriceBoxErrors | null }
  /** `title`: what could not be read, for the page's title (the tab, the served head). */
  | { ok: false; status: 400 | 404; title: string; message: string };

const bad = (title: string, message: string): SearchUrl => ({ ok: false, status: 400, title, message });

/**
 * Cents as the address spells them, else null (a 400). Digits of any length are an amount: past 15
 * digits the Number is no longer exact, but it is far above the limit either way (Infinity for very
 * long runs), so it is refused out loud as too large, like `max=999999999`.
 */
function cents(raw: string | null): number | undefined | null {
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/** The address's filters by the names a shopper knows them (titles of a page that could not read them). */
const fieldNames: Record<string, string> = {
  q: 'Search text',
  category: 'Category',
  materials: 'Material',
  colours: 'Colour',
  minPriceCents: 'Price',
  maxPriceCents: 'Price',
};

/**
 * Where a search address that could not be read (a 400) sends the shopper on: the same words and
 * category when those read, else every listing. The rest (a sort, page or filter that failed) is dropped.
 */
export function searchFallback(params: URLSearchParams): { to: string; label: string } {
  const kept = new URLSearchParams();
  for (const key of ['q', 'category']) {
    const value = params.get(key)?.trim();
    if (value) kept.set(key, value);
  }
  const q = kept.get('q');
  if (kept.size > 0 && readSearchUrl(kept).ok)
    return { to: `/search?${kept}`, label: q ? `Search for “${q}”` : 'Browse this category' };
  return { to: '/search', label: 'Browse everything' };
}

/** Strict reading of a search address. Unknown parameters (utm_*, fbclid) are ignored. */
export function readSearchUrl(params: URLSearchParams): SearchUrl {
  const input: SearchUrlInput = { pageSize: SEARCH_PAGE_SIZE };
  const q = params.get('q')?.trim();
  if (q) {
    if (q.length > SEARCH_MAX_QUERY_LENGTH)
      return bad('Search text too long', tooLongMessage('Search text', SEARCH_MAX_QUERY_LENGTH));
    input.q = q;
  }
  const category = params.get('category');
  if (category) input.category = category;
  const range = params.get('price');
  if (range) {
    if (!priceRanges.some((r) => r.key === range))
      return bad('Price range not understood', 'That price range is not one we offer.');
    Object.assign(input, priceRangeFilter(range as PriceRangeKey));
  }
  const min = cents(params.get('min'));
  const max = cents(params.get('max'));
  if (min === null || max === null)
    return bad('Price not understood', 'The price in this address isn’t an amount we can search for.');
  if (min !== undefined) input.minPriceCents = min;
  if (max !== undefined) input.maxPriceCents = max;
  // A range the wrong way round, or past the limit, is not swapped or clamped: the search runs
  // without a price and the page says why, as it does for the boxes (either end may be the mistake).
  const priceErrors = priceBoundErrors(input.minPriceCents ?? null, input.maxPriceCents ?? null);
  if (priceErrors) {
    delete input.minPriceCents;
    delete input.maxPriceCents;
  }
  const vintage = params.get('isVintage');
  if (vintage !== null && vintage !== '' && vintage !== 'true' && vintage !== 'false')
    return bad('Vintage filter not understood', 'The vintage filter in this address is not one we offer.');
  if (vintage === 'true') input.isVintage = true;
  const materials = params.getAll('material').filter((m) => m !== '');
  if (materials.length) input.materials = materials;
  const colours = params.getAll('colour').filter((c) => c !== '');
  if (colours.length) input.colours = colours;
  const stock = params.get('stock');
  if (stock !== null && stock !== '' && stock !== 'all' && stock !== 'in')
    return bad('Stock filter not understood', 'The stock filter in this address is not one we offer.');
  if (stock === 'all') input.inStockOnly = false;
  const sort = params.get('sort');
  if (sort) {
    if (!searchSorts.includes(sort as SearchSort))
      return bad('Sort order not understood', 'That sort order is not one we offer.');
    if (sort !== 'relevance') input.sort = sort as SearchSort;
  }
  const rawPage = params.get('page');
  let page = 1;
  if (rawPage !== null && rawPage !== '') {
    if (!/^\d{1,12}$/.test(rawPage) || Number(rawPage) < 1)
      return bad('Page number not understood', 'Pages are numbered from 1.');
    page = Number(rawPage);
    if (page > SEARCH_LAST_PAGE)
      return { ok: false, status: 404, title: 'No such page of results', message: 'There is no such page of results.' };
  }
  const checked = searchProductsInput.safeParse({ ...input, page });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = fieldNames[String(issue?.path[0])] ?? 'Search';
    return bad(`${field} not understood`, issue?.message ?? 'That search could not be read.');
  }
  return { ok: true, input, page, priceErrors };
}

/**
 * The search the page shows even when the address holds something it cannot read: the browser
 * keeps working on a hand-edited URL (the server answers such addresses with 400 first).
 */
export function searchInputFromParams(params: URLSearchParams): SearchUrlInput {
  const read = readSearchUrl(params);
  return read.ok
    ? read.input
    : { pageSize: SEARCH_PAGE_SIZE, ...(params.get('q') ? { q: params.get('q')?.trim().slice(0, 200) } : {}) };
}

/** The page a search address starts at (1 when absent or unreadable). */
export function searchPageFromParams(params: URLSearchParams): number {
  const read = readSearchUrl(params);
  return read.ok ? read.page : 1;
}

/**
 * Query string of the canonical address: filters in a fixed order, materials sorted, sort and
 * stock dropped (they reorder or widen the same listings), page only past the first. Empty for
 * "everything".
 */
export function canonicalSearchQuery(params: URLSearchParams): string {
  const out = new URLSearchParams();
  const priceRefused = addressPriceErrors(params) !== null;
  for (const key of ['q', 'category', 'price', 'min', 'max', 'isVintage'] as const) {
    if (priceRefused && (key === 'price' || key === 'min' || key === 'max')) continue;
    const v = params.get(key)?.trim();
    if (v && !(key === 'isVintage' && v !== 'true')) out.set(key, key === 'category' ? v.toLowerCase() : v);
  }
  for (const m of [...new Set(params.getAll('material').filter(Boolean))].sort()) out.append('material', m);
  for (const c of [...new Set(params.getAll('colour').filter(Boolean))].sort()) out.append('colour', c);
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) out.set('page', String(page));
  const s = out.toString();
  return s ? `?${s}` : '';
}

/** The search page's title (without the site name), the same in the browser tab and the served head. */
export function searchPageTitle(q: string | undefined, categoryName: string | undefined, page: number): string {
  const paged = page > 1 ? ` — page ${page}` : '';
  if (q) return `“${q}”${categoryName ? ` in ${categoryName}` : ''} — search${paged}`;
  if (categoryName) return `${categoryName}${paged}`;
  return `Everything on Hearth${paged}`;
}

/**
 * An address's cents (`min`/`max`, digits) as the price boxes show them, in dollars ("5000" →
 * "50.00"), worked on the digits so an amount too large to search still shows as written.
 */
export function addressCentsAsDollars(digits: string): string {
  const d = digits.replace(/^0+/, '').padStart(3, '0');
  return `${d.slice(0, -2)}.${d.slice(-2)}`;
}

/** Names of the filter form's price boxes (dollars as typed); the address itself keeps cents. */
export const PRICE_FORM_FIELDS = { min: 'pmin', max: 'pmax' } as const;

/**
 * The search address a submitted filter form means, or null when `params` is not one (no price
 * boxes in it). Without JavaScript the browser sends every field, empty ones too, and the price
 * boxes in dollars: empty fields are dropped, typed prices become `min`/`max` cents (replacing a
 * price range) and the page starts again at 1. Prices that cannot be read ("abc", negative, the
 * minimum above the maximum) are kept as typed in `pmin`/`pmax`, so the page says what is wrong
 * (`priceBoxErrorsOf`) instead of dropping them; such an address reads back to itself.
 */
export function searchFormQuery(params: URLSearchParams): string | null {
  if (!params.has(PRICE_FORM_FIELDS.min) && !params.has(PRICE_FORM_FIELDS.max)) return null;
  const typed = { min: params.get(PRICE_FORM_FIELDS.min) ?? '', max: params.get(PRICE_FORM_FIELDS.max) ?? '' };
  const boxes = readPriceBoxes(typed.min, typed.max);
  const replacesRange = boxes.ok && (boxes.min !== null || boxes.max !== null);
  const out = new URLSearchParams();
  for (const [key, value] of params) {
    if (value.trim() === '' || key === PRICE_FORM_FIELDS.min || key === PRICE_FORM_FIELDS.max || key === 'page')
      continue;
    if (replacesRange && (key === 'price' || key === 'min' || key === 'max')) continue;
    if (key === 'sort' && value === 'relevance') continue;
    out.append(key, value);
  }
  if (boxes.ok) {
    if (boxes.min !== null) out.set('min', String(boxes.min));
    if (boxes.max !== null) out.set('max', String(boxes.max));
  } else {
    if (typed.min.trim()) out.set(PRICE_FORM_FIELDS.min, typed.min);
    if (typed.max.trim()) out.set(PRICE_FORM_FIELDS.max, typed.max);
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}

/** Why the address's own price range (`price`, `min`/`max` cents) was not searched; null when it was, or there is none. */
export function addressPriceErrors(params: URLSearchParams): PriceBoxErrors | null {
  const read = readSearchUrl(params);
  return read.ok ? read.priceErrors : null;
}

/**
 * What is wrong with the prices an address carries: as typed (`pmin`/`pmax`, what the boxes then
 * show) or else its own range in cents; null when none.
 */
export function priceBoxErrorsOf(params: URLSearchParams): PriceBoxErrors | null {
  if (!params.has(PRICE_FORM_FIELDS.min) && !params.has(PRICE_FORM_FIELDS.max)) return addressPriceErrors(params);
  const boxes = readPriceBoxes(params.get(PRICE_FORM_FIELDS.min) ?? '', params.get(PRICE_FORM_FIELDS.max) ?? '');
  return boxes.ok ? null : boxes.errors;
}
