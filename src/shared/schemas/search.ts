// Inputs and results of search.products / search.suggest, shared by client and server.
import { z } from 'zod';
import type { ProductCard } from './catalog';
import { centsSchema, idSchema } from './common';
import { tooLongMessage } from './issue-messages';
import { text } from './text';

/** Results stop here (Meilisearch `maxTotalHits`; the Postgres fallback caps `total` the same way). */
export const SEARCH_MAX_TOTAL_HITS = 1000;
export const SEARCH_MAX_PAGE_SIZE = 60;
export const SEARCH_MAX_QUERY_LENGTH = 200;

export const searchSorts = ['relevance', 'price_asc', 'price_desc', 'newest', 'top_rated'] as const;
export type SearchSort = (typeof searchSorts)[number];

/**
 * Price-range facet buckets. `fromCents` is inclusive and `toCents` exclusive, so every price is in
 * exactly one bucket: $25.00 is in "$25–$50", $49.99 too, $50.00 is in "$50–$100".
 * To filter by a bucket, send `minPriceCents = fromCents` and `maxPriceCents = toCents - 1`
 * (both filter bounds are inclusive); `priceRangeFilter(key)` does that.
 */
export const priceRanges = [
  { key: 'under-25', label: 'Under $25', fromCents: null, toCents: 2500 },
  { key: '25-50', label: '$25–$50', fromCents: 2500, toCents: 5000 },
  { key: '50-100', label: '$50–$100', fromCents: 5000, toCents: 10000 },
  { key: 'over-100', label: 'Over $100', fromCents: 10000, toCents: null },
] as const satisfies readonly { key: string; label: string; fromCents: number | null; toCents: number | null }[];
export type PriceRangeKey = (typeof priceRanges)[number]['key'];

export function priceRangeFilter(key: PriceRangeKey): { minPriceCents?: number; maxPriceCents?: number } {
  const range = priceRanges.find((r) => r.key === key);
  if (!range) return {};
  return {
    ...(range.fromCents !== null ? { minPriceCents: range.fromCents } : {}),
    ...(range.toCents !== null ? { maxPriceCents: range.toCents - 1 } : {}),
  };
}

/** Filter values are matched exactly, so they may only hold characters sellers' materials use. */
const materialSchema = text()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} &'.\-/]*$/u, "Use only letters, numbers, spaces and - & ' . / in materials.");

/** A colour of the Colour facet: lower-cased, the characters colour names use. */
const colourSchema = text()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} &'.\-/]*$/u, "Use only letters, numbers, spaces and - & ' . / in colours.");

export const searchProductsInput = z
  .object({
    q: text().max(SEARCH_MAX_QUERY_LENGTH, tooLongMessage('Search text', SEARCH_MAX_QUERY_LENGTH)).optional(),
    category: text()
      .toLowerCase()
      .max(60)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Unknown category.')
      .optional(),
    minPriceCents: centsSchema.optional(),
    maxPriceCents: centsSchema.optional(),
    isVintage: z.boolean().optional(),
    materials: z.array(materialSchema).max(10).optional(),
    /** Any of these colours (a listing's Colour variation values), issue 16 item 3. */
    colours: z.array(colourSchema).max(10).optional(),
    shopId: idSchema.optional(),
    inStockOnly: z.boolean().default(true),
    /** Shops on vacation are hidden from search by default (issue 18.5, decision 0091). */
    includeOnVacation: z.boolean().default(false),
    sort: z.enum(searchSorts).default('relevance'),
    page: z.number().int().positive().max(SEARCH_MAX_TOTAL_HITS).default(1),
    pageSize: z.number().int().positive().max(SEARCH_MAX_PAGE_SIZE).default(24),
  })
  .refine((v) => v.minPriceCents === undefined || v.maxPriceCents === undefined || v.minPriceCents <= v.maxPriceCents, {
    message: 'Minimum price must not be above the maximum price.',
    path: ['minPriceCents'],
  });
export type SearchProductsInput = z.input<typeof searchProductsInput>;
export type SearchProductsQuery = z.output<typeof searchProductsInput>;

/** A shopper opened a listing from the results of `q` (search analytics). */
export const searchClickInput = z.object({
  q: text().min(1).max(SEARCH_MAX_QUERY_LENGTH),
  productId: idSchema,
});
export type SearchClickInput = z.infer<typeof searchClickInput>;

/** The typeahead looks at no more than this much of the search box's text (SEARCH_MAX_QUERY_LENGTH). */
export const SEARCH_SUGGEST_MAX_LENGTH = 100;
export const searchSuggestInput = z.object({ q: text().min(1).max(SEARCH_SUGGEST_MAX_LENGTH) });
export type SearchSuggestInput = z.infer<typeof searchSuggestInput>;

export interface SearchFacets {
  categories: { value: string; label: string; count: number }[];
  priceRanges: { key: PriceRangeKey; label: string; fromCents: number | null; toCents: number | null; count: number }[];
  isVintage: { value: boolean; count: number }[];
  materials: { value: string; count: number }[];
  /** Values of listings' Colour property (variations). */
  colours: { value: string; count: number }[];
}

export type SearchEngine = 'meilisearch' | 'postgres';

/** Set when too few listings matched every word and listings matching some of them follow. */
export interface SearchPartial {
  /** The shopper's words (as typed, lowercase) that find listings on their own. */
  words: string[];
  /** How many listings matched every word; they come first. */
  fullMatches: number;
}

export interface SearchProductsResult {
  hits: ProductCard[];
  /** Exact number of matches, capped at SEARCH_MAX_TOTAL_HITS. */
  total: number;
  page: number;
  pageSize: number;
  facets: SearchFacets;
  engine: SearchEngine;
  /** Partial matching was used (see SearchPartial), else null. */
  partial: SearchPartial | null;
  /** "Did you mean": the query with misspelt words corrected from the catalogue's vocabulary, else null. */
  suggestion: string | null;
  tookMs: number;
}

/**
 * One typeahead option. `text` is what the shopper reads; `value` is what the link uses and is
 * always one the server accepts: the search text for a query, the category slug for a category
 * (`search.products({ category })`), the shop slug for a shop (`/shop/:slug`).
 */
export interface SearchSuggestion {
  text: string;
  kind: 'query' | 'category' | 'shop';
  value: string;
}

export interface SearchSuggestResult {
  suggestions: SearchSuggestion[];
}
