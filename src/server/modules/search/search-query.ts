// A search request after validation, and the Meilisearch filter expressions built from it.
// Filters are built only from validated values (ints, booleans, known category slugs, materials
// restricted by the input schema) and every string is quoted and escaped on top of that, so
// user text can never change the structure of a filter.
import { DomainError } from '../../../shared/errors';
import { SEARCH_MAX_TOTAL_HITS, type SearchProductsQuery, type SearchSort } from '../../../shared/schemas/search';
import { findSearchCategory, type SearchCategory } from './search-categories';
import { queryTerms } from './search-text-query';

export interface ResolvedSearch {
  q: string;
  /** `q` through the search normaliser: what both engines match. Empty for a browse. */
  terms: string[];
  /** Text was given but nothing in it is searchable (stop words, punctuation, another script). */
  matchesNothing: boolean;
  category: SearchCategory | null;
  minPriceCents: number | null;
  maxPriceCents: number | null;
  isVintage: boolean | null;
  /** Any of these (OR), sorted and deduplicated. */
  materials: string[];
  /** Any of these colours (OR), sorted and deduplicated. */
  colours: string[];
  shopId: number | null;
  inStockOnly: boolean;
  /** Listings of shops on vacation are left out unless this is set (decision 0091). */
  includeOnVacation: boolean;
  sort: SearchSort;
  page: number;
  pageSize: number;
}

/** Facets whose own filter is left out when counting them (disjunctive facets). */
export type FacetKey = 'categories' | 'priceRanges' | 'isVintage' | 'materials' | 'colours';

export function resolveSearch(input: SearchProductsQuery): ResolvedSearch {
  let category: SearchCategory | null = null;
  if (input.category) {
    category = findSearchCategory(input.category) ?? null;
    if (!category) {
      throw new DomainError('BAD_REQUEST', `Unknown category "${input.category}".`, { field: 'category' });
    }
  }
  if ((input.page - 1) * input.pageSize >= SEARCH_MAX_TOTAL_HITS) {
    throw new DomainError(
      'BAD_REQUEST',
      `Search results stop at ${SEARCH_MAX_TOTAL_HITS}; narrow the search to see more.`,
      { field: 'page', maxTotalHits: SEARCH_MAX_TOTAL_HITS },
    );
  }
  const q = (input.q ?? '').trim().replace(/\s+/g, ' ');
  const terms = queryTerms(q);
  return {
    q,
    terms,
    matchesNothing: q.length > 0 && terms.length === 0,
    category,
    minPriceCents: input.minPriceCents ?? null,
    maxPriceCents: input.maxPriceCents ?? null,
    isVintage: input.isVintage ?? null,
    materials: [...new Set(input.materials ?? [])].sort(),
    colours: [...new Set(input.colours ?? [])].sort(),
    shopId: input.shopId ?? null,
    inStockOnly: input.inStockOnly,
    includeOnVacation: input.includeOnVacation,
    sort: input.sort,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export function activeFacetFilters(s: ResolvedSearch): FacetKey[] {
  const keys: FacetKey[] = [];
  if (s.category) keys.push('categories');
  if (s.minPriceCents !== null || s.maxPriceCents !== null) keys.push('priceRanges');
  if (s.isVintage !== null) keys.push('isVintage');
  if (s.materials.length) keys.push('materials');
  if (s.colours.length) keys.push('colours');
  return keys;
}

/** A Meilisearch string literal: double-quoted, backslashes and quotes escaped. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new DomainError('BAD_REQUEST', 'Expected a whole number.');
  return String(n);
}

/** AND-ed Meilisearch filter clauses for `s`, leaving out the filter of `except`. */
export function meiliFilter(s: ResolvedSearch, except?: FacetKey): string[] {
  const clauses: string[] = [];
  // Ids are positive: no listing has shop 0, so the engine answers "nothing" itself.
  if (s.matchesNothing) clauses.push('shopId = 0');
  if (s.inStockOnly) clauses.push('inStock = true');
  // `!= true` also matches documents indexed before the attribute existed.
  if (!s.includeOnVacation) clauses.push('shopOnVacation != true');
  if (s.shopId !== null) clauses.push(`shopId = ${int(s.shopId)}`);
  if (s.category && except !== 'categories') clauses.push(`categories = ${quoteFilterValue(s.category.slug)}`);
  if (except !== 'priceRanges') {
    if (s.minPriceCents !== null) clauses.push(`priceCents >= ${int(s.minPriceCents)}`);
    if (s.maxPriceCents !== null) clauses.push(`priceCents <= ${int(s.maxPriceCents)}`);
  }
  if (s.isVintage !== null && except !== 'isVintage') clauses.push(`isVintage = ${s.isVintage ? 'true' : 'false'}`);
  if (s.materials.length && except !== 'materials') {
    clauses.push(`materials IN [${s.materials.map(quoteFilterValue).join(', ')}]`);
  }
  if (s.colours.length && except !== 'colours') {
    clauses.push(`colours IN [${s.colours.map(quoteFilterValue).join(', ')}]`);
  }
  return clauses;
}

export const meiliSort: Record<SearchSort, string[] | undefined> = {
  relevance: undefined,
  price_asc: ['priceCents:asc'],
  price_desc: ['priceCents:desc'],
  newest: ['createdAt:desc'],
  top_rated: ['ratingScore:desc', 'reviewCount:desc'],
};

export const MATERIAL_FACET_LIMIT = 30;
