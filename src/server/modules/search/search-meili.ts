// The Meilisearch engine: one multi-search round trip per query. The first query returns the
// page of hits and the facets no filter touches; each facet with an active filter gets its own
// zero-hit query without that filter, so its counts show what choosing another value would give.
import type { Meilisearch, MultiSearchQuery, MultiSearchResult } from 'meilisearch';
import type { ProductCard } from '../../../shared/schemas/catalog';
import { cardAttributes } from './search-index';
import { activeFacetFilters, type FacetKey, meiliFilter, meiliSort, type ResolvedSearch } from './search-query';
import { type EngineResult, type FacetCounts, toFacets } from './search-results';

const facetAttribute: Record<FacetKey, string> = {
  categories: 'category',
  priceRanges: 'priceRange',
  isVintage: 'isVintage',
  materials: 'materials',
};
const allFacets: FacetKey[] = ['categories', 'priceRanges', 'isVintage', 'materials'];

type IndexedCard = Omit<ProductCard, 'available'> & { inStock: boolean };

function countsFrom(distribution: Record<string, Record<string, number>> | undefined, key: FacetKey) {
  return distribution?.[facetAttribute[key]] ?? {};
}

export async function searchMeili(
  meili: Meilisearch,
  indexUid: string,
  s: ResolvedSearch,
  timeoutMs: number,
): Promise<EngineResult> {
  const active = activeFacetFilters(s);
  const common = { indexUid, q: s.q, matchingStrategy: 'all' as const };
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
    hits: main.hits.map((h) => ({
      id: h.id,
      title: h.title,
      priceCents: h.priceCents,
      image: h.image ?? null,
      shopId: h.shopId,
      shopName: h.shopName,
      isVintage: h.isVintage,
      // The index knows only in/out of stock; search.service puts the live count in.
      available: h.inStock ? 1 : 0,
      rating: h.rating,
      reviewCount: h.reviewCount ?? 0,
    })),
    total: main.totalHits ?? 0,
    facets: toFacets(counts),
  };
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
