// The engine-neutral result both engines produce, and the facet shape the API returns.
import type { ProductCard } from '../../../shared/schemas/catalog';
import { priceRanges, type SearchFacets } from '../../../shared/schemas/search';
import { categoryLabel } from './search-categories';
import type { FacetKey } from './search-query';
import { MATERIAL_FACET_LIMIT } from './search-query';

export interface EngineResult {
  hits: ProductCard[];
  total: number;
  facets: SearchFacets;
  /** Partial matching only: listings each text unit finds on its own (same filters). */
  unitCounts?: number[];
}

/** Raw value -> count per facet, as an engine counted them. */
export type FacetCounts = Record<FacetKey, Record<string, number>>;

function byCountThenValue(a: [string, number], b: [string, number]) {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

export function toFacets(counts: FacetCounts): SearchFacets {
  return {
    categories: Object.entries(counts.categories)
      .filter(([, n]) => n > 0)
      .sort(byCountThenValue)
      .map(([value, count]) => ({ value, label: categoryLabel(value), count })),
    priceRanges: priceRanges.map((r) => ({
      key: r.key,
      label: r.label,
      fromCents: r.fromCents,
      toCents: r.toCents,
      count: counts.priceRanges[r.key] ?? 0,
    })),
    isVintage: [
      { value: true, count: counts.isVintage.true ?? 0 },
      { value: false, count: counts.isVintage.false ?? 0 },
    ],
    materials: Object.entries(counts.materials)
      .filter(([, n]) => n > 0)
      .sort(byCountThenValue)
      .slice(0, MATERIAL_FACET_LIMIT)
      .map(([value, count]) => ({ value, count })),
    colours: Object.entries(counts.colours ?? {})
      .filter(([, n]) => n > 0)
      .sort(byCountThenValue)
      .slice(0, MATERIAL_FACET_LIMIT)
      .map(([value, count]) => ({ value, count })),
  };
}
