// Listings page (seller.listings, every status): filter Active / Low stock / Sold out / Archived /
// All (kept in the URL: ?stock=low, ?status=archived), search by title, create/edit in a dialog
// (?edit=<id>, ?edit=new), archive and restore, and stock edited inline.
import { type RefObject, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { SellerListingDto } from '../../../../shared/schemas/seller';
import { EmptyState, PageSkeleton, RouteErrorBoundary } from '../../../components/states';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { usePageMeta } from '../../../lib/page-meta';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { trpc } from '../../../trpc';
import type { ListingFormStart } from '../listing-form';
import { NoShopYet } from '../no-shop-yet';
import { useMyShop } from '../use-my-shop';
import { EditListingDialog } from './edit-listing-dialog';
import { ListingViewChips } from './listing-view-chips';
import { countOf, emptyNote, type ListingView, queryOf, stockSummary, viewFrom } from './listing-views';
import { ListingsTable } from './listings-table';
import { useListingArchive } from './use-listing-archive';

function editingFrom(value: string | null): number | 'new' | null {
  if (value === 'new') return 'new';
  const id = Number(value);
  return value && Number.isInteger(id) && id > 0 ? id : null;
}

export function Component() {
  usePageMeta('Listings');
  const shop = useMyShop();
  const shopId = shop.data?.id ?? 0;
  // The open editor (?edit=<id> or ?edit=new) and the filter (?stock=low, ?status=archived) live
  // in the URL: links open them (the overview's "View all N in Listings"), Back closes the editor.
  const [params, setParams] = useSearchParams();
  const view = viewFrom(params);
  const setView = (next: ListingView) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        p.delete('stock');
        p.delete('status');
        if (next === 'low' || next === 'soldout') p.set('stock', next);
        else if (next !== 'active') p.set('status', next);
        return p;
      },
      { replace: true },
    );
  const [filter, setFilter] = useState('');
  const q = useDebouncedValue(filter.trim(), 250);
  const listings = trpc.seller.listings.useInfiniteQuery(
    { shopId, ...queryOf(view), q: q || undefined, limit: 50 },
    {
      enabled: !!shop.data,
      getNextPageParam: (l) => l.nextCursor ?? undefined,
      placeholderData: (prev) => prev,
    },
  );
  const editing = editingFrom(params.get('edit'));
  // Where the open editor puts focus first: Title, or the stock ("Edit stock" in the Stock column).
  const [editStart, setEditStart] = useState<ListingFormStart>('title');
  const setEditing = (value: number | 'new' | null, start: ListingFormStart = 'title') => {
    setEditStart(start);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null) next.delete('edit');
        else next.set('edit', String(value));
        return next;
      },
      { replace: value === null },
    );
  };
  const [archiving, setArchiving] = useState<SellerListingDto | null>(null);
  const newListing = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // An editor reached by Back/Forward or a link has no opener to give focus back to: its
  // listing's Edit button takes it, or the page heading when that row is not shown.
  const editorOpener: RefObject<HTMLElement | null> = {
    get current() {
      if (editing === 'new') return newListing.current;
      return document.querySelector<HTMLElement>(`[data-edit-listing="${editing}"]`) ?? heading.current;
    },
  };
  const { archive, restore } = useListingArchive({
    listed: () => listings.data?.pages.flatMap((p) => p.items) ?? [],
    heading,
    onArchiveSettled: () => setArchiving(null),
  });

  if (shop.isPending || (shop.data && listings.isPending)) return <PageSkeleton />;
  if (!shop.data) return <NoShopYet title="Create your shop first" actionLabel="Create shop" />;
  const first = listings.data?.pages[0];
  const counts = first?.counts ?? {
    active: 0,
    archived: 0,
    low: 0,
    soldOut: 0,
    lowCombinations: 0,
    soldOutCombinations: 0,
  };
  const shown = listings.data?.pages.flatMap((p) => p.items) ?? [];
  const noListingsAtAll = counts.active + counts.archived === 0;

  return (
    <div>
      <div className="section-head dash-head">
        <h1 ref={heading} tabIndex={-1}>
          Listings
        </h1>
        <button type="button" className="btn btn-primary" ref={newListing} onClick={() => setEditing('new')}>
          + New listing
        </button>
      </div>
      {noListingsAtAll ? (
        <EmptyState
          art="🏷️"
          title="No listings yet"
          action={
            <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
              Create your first listing
            </button>
          }
        >
          Good photos and honest descriptions sell. Add materials so shoppers can find you by them.
        </EmptyState>
      ) : (
        <>
          <div className="listings-toolbar">
            <ListingViewChips view={view} counts={counts} loaded={!listings.isPending} onChange={setView} />
            <div className="field listing-filter">
              <label htmlFor="listing-filter" className="visually-hidden">
                Search your listings
              </label>
              <input
                id="listing-filter"
                className="input"
                type="search"
                placeholder="Search your listings…"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
              />
            </div>
          </div>
          {(view === 'low' || view === 'soldout') && countOf(counts, view) > 0 && (
            <p className="small muted listings-summary">{stockSummary(counts, view)}</p>
          )}
          <div className="card table-card" aria-busy={listings.isFetching}>
            {shown.length > 0 && (
              <ListingsTable
                listings={shown}
                view={view}
                q={q}
                archivingId={archive.isPending ? (archive.variables?.productId ?? null) : null}
                restoringId={restore.isPending ? (restore.variables?.productId ?? null) : null}
                onEdit={(productId) => setEditing(productId)}
                onEditStock={(productId) => setEditing(productId, 'stock')}
                onArchive={setArchiving}
                onRestore={(productId) => restore.mutate({ productId })}
              />
            )}
            {shown.length === 0 && (
              <div className="table-note listings-empty" role="status">
                <p className="muted">{emptyNote(view, q)}</p>
                {view !== 'all' && (
                  <button
                    type="button"
                    className="btn btn-sm"
                    onClick={() => {
                      // This button goes with the empty state: focus moves to the chip it pressed.
                      document.querySelector<HTMLElement>('[data-listing-view="all"]')?.focus();
                      setView('all');
                    }}
                  >
                    Show all listings
                  </button>
                )}
              </div>
            )}
            {listings.hasNextPage && (
              <div className="table-more">
                <button
                  type="button"
                  className="btn btn-sm"
                  disabled={listings.isFetchingNextPage}
                  onClick={() => void listings.fetchNextPage()}
                >
                  {listings.isFetchingNextPage ? 'Loading…' : 'Show more'}
                </button>
              </div>
            )}
          </div>
        </>
      )}
      {editing !== null && (
        <EditListingDialog
          // One dialog per listing: when the URL goes straight from one ?edit= to another (Back or
          // Forward between two editors, a link), the form starts afresh from the listing it names.
          key={editing}
          shopId={shop.data.id}
          productId={editing}
          startAt={editStart}
          onClose={() => setEditing(null)}
          // Focus goes back to what opened the dialog; "Create your first listing" is gone once one is.
          returnFocusTo={editorOpener}
        />
      )}
      <ConfirmDialog
        open={archiving !== null}
        title={`Archive “${archiving?.title ?? ''}”?`}
        confirmLabel="Archive listing"
        cancelLabel="Keep it on sale"
        pending={archive.isPending}
        onClose={() => setArchiving(null)}
        onConfirm={() => archiving && archive.mutate({ productId: archiving.id })}
      >
        It disappears from search and your shop. You can restore it from “Archived” at any time.
      </ConfirmDialog>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
