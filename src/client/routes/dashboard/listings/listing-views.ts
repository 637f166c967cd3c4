// Which listings the page shows (the filter chips), read from and written to the URL
// (?stock=low, ?stock=soldout, ?status=archived, ?status=all), and the words that go with each.
import {
  type ListingStatusFilter,
  type ListingStockFilter,
  LOW_STOCK_UNITS,
  type SellerListingsPage,
} from '../../../../shared/schemas/seller';

/** The filter chips: a status, or active listings with a combination low or sold out (the overview's rule). */
export type ListingView = 'active' | ListingStockFilter | 'archived' | 'all';
export const VIEWS: readonly ListingView[] = ['active', 'low', 'soldout', 'archived', 'all'];
export const VIEW_LABELS: Record<ListingView, string> = {
  active: 'Active',
  low: 'Low stock',
  soldout: 'Sold out',
  archived: 'Archived',
  all: 'All',
};

/** The chip the address names; anything it does not know shows the default, Active. */
export function viewFrom(params: URLSearchParams): ListingView {
  const stock = params.get('stock');
  if (stock === 'low' || stock === 'soldout') return stock;
  const status = params.get('status');
  return status === 'archived' || status === 'all' ? status : 'active';
}

export function queryOf(view: ListingView): { status: ListingStatusFilter; stock?: ListingStockFilter } {
  return view === 'low' || view === 'soldout' ? { status: 'active', stock: view } : { status: view };
}

export function countOf(counts: SellerListingsPage['counts'], view: ListingView): number {
  if (view === 'all') return counts.active + counts.archived;
  if (view === 'soldout') return counts.soldOut;
  return counts[view];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Under Low stock and Sold out: the overview counts each variation apart ("View all 12 in
 * Listings"), so say that number, and how many listings hold it when that differs.
 */
export function stockSummary(counts: SellerListingsPage['counts'], view: 'low' | 'soldout'): string {
  const [items, listings] =
    view === 'low' ? [counts.lowCombinations, counts.low] : [counts.soldOutCombinations, counts.soldOut];
  const what = view === 'low' ? `running low (${LOW_STOCK_UNITS} or fewer free)` : 'sold out (none free)';
  const apart = items === listings ? '' : ', each variation counted on its own';
  return `${items} ${what} in ${plural(listings, 'listing')}${apart}.`;
}

export function emptyNote(view: ListingView, q: string): string {
  if (q) return `No ${view === 'all' ? '' : `${VIEW_LABELS[view].toLowerCase()} `}listings match “${q}”.`;
  switch (view) {
    case 'low':
      return `Nothing is running low: every active listing has more than ${LOW_STOCK_UNITS} free.`;
    case 'soldout':
      return 'Nothing is sold out: every active listing has stock free.';
    case 'archived':
      return 'Nothing archived. Listings you archive wait here until you restore them.';
    default:
      return 'No active listings. Restore one from “Archived” or create a new one.';
  }
}
