// The Meilisearch products index: its document shape and settings, applied idempotently at
// startup, by `bun run search:setup`, and to every fresh index a reindex builds.
import { type Meilisearch, MeilisearchApiError, MeilisearchTaskTimeOutError, type Settings } from 'meilisearch';
import { priceRanges, SEARCH_MAX_TOTAL_HITS } from '../../../shared/schemas/search';
import type { AppDeps } from '../../deps';
import { knownTerms, meiliSynonyms } from './search-synonyms';

/** One listing as Meilisearch stores it. Card fields are stored so hits need no SQL. */
export interface ProductDocument {
  id: number;
  title: string;
  /** Searchable: the normalised terms of each field (see search-listing-terms.ts). */
  titleTerms: string;
  attributeTerms: string;
  tagTerms: string;
  categoryTerms: string;
  descriptionTerms: string;
  shopTerms: string;
  tags: string[];
  materials: string[];
  /** Leaf category slug (facet) and its department, both filterable through `categories`. */
  category: string;
  categoryName: string;
  department: string;
  departmentName: string;
  categories: string[];
  shopId: number;
  shopName: string;
  /** search_shop_boost(shop rating, shop sales): ranks well-rated, well-selling shops first on ties. */
  shopBoost: number;
  /** The shop is on vacation: left out of search unless asked for (decision 0091). */
  shopOnVacation: boolean;
  /** The lowest price of a listing with variations ("from"); sort and price facet use it. */
  priceCents: number;
  /** The highest, when it differs (cards say "from"). */
  priceMaxCents: number | null;
  priceRange: string;
  /** Values of the listing's Colour property, lower-cased (the Colour facet). */
  colours: string[];
  isVintage: boolean;
  /** quantity > reserved. The live count is not indexed: it changes with every cart hold, and
   *  cards read it from PostgreSQL per page (search.service), so holds cost no re-index. */
  inStock: boolean;
  rating: number;
  reviewCount: number;
  /** Bayesian average of the rating (products.rating_score): what "Top rated" sorts by. */
  ratingScore: number;
  /** Unix milliseconds (fine enough that "newest" rarely ties). */
  createdAt: number;
  image: string | null;
}

export const cardAttributes = [
  'id',
  'title',
  'priceCents',
  'priceMaxCents',
  'image',
  'shopId',
  'shopName',
  'isVintage',
  'inStock',
  'rating',
  'reviewCount',
] as const satisfies readonly (keyof ProductDocument)[];

export const MAX_VALUES_PER_FACET = 100;

export function priceRangeKey(priceCents: number): string {
  for (const r of priceRanges) {
    if ((r.fromCents === null || priceCents >= r.fromCents) && (r.toCents === null || priceCents < r.toCents)) {
      return r.key;
    }
  }
  return priceRanges[priceRanges.length - 1]!.key;
}

export const productIndexSettings: Settings = {
  // Only normalised terms are searched (queries arrive normalised too). Priority order: a word
  // in the title beats the same word in a material, a tag, the category, and so on down.
  searchableAttributes: ['titleTerms', 'attributeTerms', 'tagTerms', 'categoryTerms', 'descriptionTerms', 'shopTerms'],
  // Each attribute gets only the filter features it is used with (decision 0142): every feature is
  // a structure Meilisearch keeps current on each document update. Facet search (the typeahead)
  // only on tags and shop names; range comparisons only on the price; the rest are equality
  // filters (`=`, `!=`, `IN`) and facet counts.
  filterableAttributes: [
    {
      attributePatterns: ['tags', 'shopName'],
      features: { facetSearch: true, filter: { equality: true, comparison: false } },
    },
    {
      attributePatterns: ['priceCents'],
      features: { facetSearch: false, filter: { equality: true, comparison: true } },
    },
    {
      attributePatterns: [
        'categories',
        'category',
        'priceRange',
        'isVintage',
        'inStock',
        'materials',
        'colours',
        'shopId',
        'shopOnVacation',
      ],
      features: { facetSearch: false, filter: { equality: true, comparison: false } },
    },
  ],
  // What meiliSort (search-query.ts) sorts by, nothing more.
  sortableAttributes: ['priceCents', 'createdAt', 'ratingScore', 'reviewCount'],
  // `sort` first: an explicit sort (price, newest, top rated) is strict, text relevance breaks
  // its ties; with no sort, textual relevance decides and the shop boost breaks the ties.
  // `words` before everything textual: with a partial-match query (matchingStrategy
  // 'frequency') listings that match every word come first. `attribute` before `proximity`: a
  // match in the title or the material outranks words scattered over description and shop name.
  rankingRules: ['sort', 'words', 'typo', 'attribute', 'proximity', 'exactness', 'shopBoost:desc'],
  displayedAttributes: ['*'],
  // The normaliser drops stop words on both sides; none reach Meilisearch.
  stopWords: [],
  synonyms: meiliSynonyms(),
  // Numbers are exact: "925" must not match "924", nor "14k" "18k". Terms are stems, so short
  // ones get no typos: "lamps" (stem "lamp") must not reach "lambswool", "candles" ("candl")
  // not "handle" ("handl").
  // Words the synonym list knows are taken as typed (see knownTerms).
  typoTolerance: {
    enabled: true,
    disableOnNumbers: true,
    minWordSizeForTypos: { oneTypo: 6, twoTypos: 10 },
    disableOnWords: knownTerms(),
  },
  pagination: { maxTotalHits: SEARCH_MAX_TOTAL_HITS },
  faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET, sortFacetValuesBy: { '*': 'count' } },
};

/** Creates the index with primary key `id` when it does not exist yet. */
export async function createIndexIfMissing(meili: Meilisearch, indexUid: string): Promise<void> {
  const existing = await meili.getRawIndex(indexUid).catch((err: unknown) => {
    if (err instanceof MeilisearchApiError && err.cause?.code === 'index_not_found') return null;
    throw err;
  });
  if (!existing) await meili.createIndex(indexUid, { primaryKey: 'id' }).waitTask({ timeout: 30_000 });
}

/** Creates the index when missing and applies the settings; waits for both (up to `waitMs`). */
export async function applyIndexSettings(meili: Meilisearch, indexUid: string, waitMs = 120_000): Promise<void> {
  await createIndexIfMissing(meili, indexUid);
  const task = await meili.index(indexUid).updateSettings(productIndexSettings).waitTask({ timeout: waitMs });
  if (task.status !== 'succeeded') {
    throw new Error(`Meilisearch settings for ${indexUid} ${task.status}: ${task.error?.message ?? 'unknown error'}`);
  }
}

/**
 * Startup: applies the settings idempotently (unchanged settings finish in milliseconds). When a
 * changed setting makes Meilisearch re-index a large index, boot does not wait for it: searches
 * keep working on the old settings meanwhile.
 */
export async function ensureSearchIndex(deps: AppDeps, waitMs = 15_000): Promise<void> {
  if (!deps.meili) return;
  try {
    await applyIndexSettings(deps.meili, deps.config.productsIndex, waitMs);
  } catch (err) {
    if (!(err instanceof MeilisearchTaskTimeOutError)) throw err;
    deps.log.warn({ index: deps.config.productsIndex }, 'search index settings still applying in the background');
  }
}
