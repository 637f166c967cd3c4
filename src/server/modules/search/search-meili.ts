// The Meilisearch engine: one multi-search round trip per search. The first query returns the
// page of hits and the facets no filter touches; each facet with an active filter gets its own
// zero-hit query without that filter, so its counts show what choosing another value would give.
import type {
  FederatedMultiSearchParams,
  Meilisearch,
  MultiSearchQuery,
  MultiSearchResult,
  SearchResponse,
} from 'meilisearch';
import type { ProductCard } from '../../../shared/schemas/catalog';
import { SEARCH_MAX_TOTAL_HITS } from '../../../shared/schemas/search';
import { cardAttributes } from './search-index';
import { activeFacetFilters, type FacetKey, meiliFilter, meiliSort, type ResolvedSearch } from './search-query';
import { type EngineResult, type FacetCounts, toFacets } from './search-results';

const facetAttribute: Record<FacetKey, string> = {
  categories: 'category',
  priceRanges: 'priceRange',
  isVintage: 'isVintage',
  materials: 'materials',
  colours: 'colours',
};
const allFacets: FacetKey[] = ['categories', 'priceRanges', 'isVintage', 'materials', 'colours'];

type IndexedCard = Omit<ProductCard, 'available'> & { inStock: boolean };

function countsFrom(distribution: Record<string, Record<string, number>> | undefined, key: FacetKey) {
  return distribution?.[facetAttribute[key]] ?? {};
}

function toCard(h: IndexedCard): ProductCard {
  return {
    id: h.id,
    title: h.title,
    priceCents: h.priceCents,
    // Only on listings priced as a range, so other cards keep their shape.
    ...(h.priceMaxCents ? { priceMaxCents: h.priceMaxCents } : {}),
    image: h.image ?? null,
    shopId: h.shopId,
    shopName: h.shopName,
    isVintage: h.isVintage,
    // The index knows only in/out of stock; search.service puts the live count in.
    available: h.inStock ? 1 : 0,
    rating: h.rating,
    reviewCount: h.reviewCount ?? 0,
  };
}

export async function searchMeili(
  meili: Meilisearch,
  indexUid: string,
  s: ResolvedSearch,
  timeoutMs: number,
): Promise<EngineResult> {
  const active = activeFacetFilters(s);
  const common = { indexUid, q: s.terms.join(' '), matchingStrategy: 'all' as const };
  const queries: MultiSearchQuery[] = [
    {
      ...common,
      filter: meiliFilter(s),
      sort: meiliSort[s.sort],
      page: s.page,
      hitsPerPage: s.pageSize,
      attributesToRetrieve: [...cardAttributes],
      facets: allFacets.filter((f) => !active.includes(f)).map((f) => facetAttribute[f]),
    },
    ...active.map((f) => ({
      ...common,
      filter: meiliFilter(s, f),
      page: 1,
      hitsPerPage: 0,
      attributesToRetrieve: [],
      facets: [facetAttribute[f]],
    })),
  ];
  const { results } = await meili.multiSearch<{ queries: MultiSearchQuery[] }, IndexedCard>(
    { queries },
    { signal: AbortSignal.timeout(timeoutMs) },
  );
  const main = results[0] as MultiSearchResult<IndexedCard>;
  const counts = {} as FacetCounts;
  for (const f of allFacets) {
    const i = active.indexOf(f);
    counts[f] = countsFrom((i === -1 ? main : results[i + 1])?.facetDistribution, f);
  }
  return {
    hits: main.hits.map(toCard),
    total: main.totalHits ?? 0,
    facets: toFacets(counts),
  };
}

/**
 * How many listings each normalised unit finds on its own (same filters), in one round trip.
 * Asked only when all the words together find few listings (partial matching), so the common
 * search costs Meilisearch exactly one query per facet pass and nothing more.
 */
export async function meiliUnitCounts(
  meili: Meilisearch,
  indexUid: string,
  s: ResolvedSearch,
  units: string[],
  timeoutMs: number,
): Promise<number[]> {
  const filter = meiliFilter(s);
  const { results } = await meili.multiSearch<{ queries: MultiSearchQuery[] }, IndexedCard>(
    {
      queries: units.map((unit) => ({
        indexUid,
        q: unit,
        matchingStrategy: 'all' as const,
        filter,
        page: 1,
        hitsPerPage: 0,
        attributesToRetrieve: [],
      })),
    },
    { signal: AbortSignal.timeout(timeoutMs) },
  );
  return results.map((r) => r.totalHits ?? 0);
}

/** Typeahead from Meilisearch facet search: tag completions and shops, prefix and typo tolerant. */
export async function suggestMeili(
  meili: Meilisearch,
  indexUid: string,
  q: string,
  timeoutMs: number,
): Promise<{ queries: string[]; shops: string[] }> {
  const index = meili.index(indexUid);
  const signal = AbortSignal.timeout(timeoutMs);
  const filter = 'inStock = true';
  const [tags, shops] = await Promise.all([
    index.searchForFacetValues({ facetName: 'tags', facetQuery: q, filter }, { signal }),
    index.searchForFacetValues({ facetName: 'shopName', facetQuery: q, filter }, { signal }),
  ]);
  return {
    queries: tags.facetHits.map((h) => h.value),
    shops: shops.facetHits.map((h) => h.value),
  };
}

/** One text query of a partial-match search and how much its matches weigh. */
export interface WeightedText {
  q: string;
  weight: number;
}

/**
 * Partial matching as one federated multi-search: every query (all the words, then subsets of
 * them, then single words, heavier for rarer words) runs with the same filters and Meilisearch
 * merges them into one ranked, de-duplicated list with merged facets, so a listing matching
 * more (and rarer) words comes first and a listing matching any of them is found. Facets with an
 * active filter get their own federated count without that filter, as in `searchMeili`.
 */
export async function searchMeiliPartial(
  meili: Meilisearch,
  indexUid: string,
  s: ResolvedSearch,
  texts: WeightedText[],
  timeoutMs: number,
): Promise<EngineResult> {
  const active = activeFacetFilters(s);
  const signal = AbortSignal.timeout(timeoutMs);
  const federated = (except: FacetKey | undefined, facets: FacetKey[], offset: number, limit: number) =>
    meili.multiSearch<FederatedMultiSearchParams, IndexedCard>(
      {
        federation: {
          offset,
          limit,
          facetsByIndex: { [indexUid]: facets.map((f) => facetAttribute[f]) },
          mergeFacets: {},
        },
        queries: texts.map((t) => ({
          indexUid,
          q: t.q,
          matchingStrategy: 'all' as const,
          filter: meiliFilter(s, except),
          attributesToRetrieve: [...cardAttributes],
          federationOptions: { weight: t.weight },
        })),
      },
      { signal },
    ) as Promise<SearchResponse<IndexedCard>>;
  const [main, ...perFacet] = await Promise.all([
    federated(
      undefined,
      allFacets.filter((f) => !active.includes(f)),
      (s.page - 1) * s.pageSize,
      s.pageSize,
    ),
    ...active.map((f) => federated(f, [f], 0, 0)),
  ]);
  const counts = {} as FacetCounts;
  for (const f of allFacets) {
    const i = active.indexOf(f);
    counts[f] = countsFrom((i === -1 ? main : perFacet[i])?.facetDistribution, f);
  }
  return {
    hits: main.hits.map(toCard),
    total: Math.min(main.estimatedTotalHits ?? main.hits.length, SEARCH_MAX_TOTAL_HITS),
    facets: toFacets(counts),
  };
}
