// Listings table (seller.listings, every status): filter Active / Low stock / Sold out / Archived /
// All (kept in the URL: ?stock=low, ?status=archived), search by title, create/edit in a dialog,
// archive and restore, and stock edited inline.
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useBlocker, useSearchParams } from 'react-router';
import { toast } from 'sonner';
import {
  type ListingStatusFilter,
  type ListingStockFilter,
  LOW_STOCK_UNITS,
  type SellerListingDto,
  type SellerListingsPage,
} from '../../../shared/schemas/seller';
import { EmptyState, PageSkeleton, RouteErrorBoundary } from '../../components/states';
import { ConfirmDialog, Dialog } from '../../components/ui/dialog';
import { formatCents, formatDate, formatShortDate } from '../../lib/format';
import { usePageMeta } from '../../lib/page-meta';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useFocusAfter } from '../../lib/use-focus-after';
import { describeError, trpc } from '../../trpc';
import { ListingForm, type UnsavedListing } from './listing-form';
import { NoShopYet } from './no-shop-yet';
import { useMyShop } from './use-my-shop';

function StockCell({ listing }: { listing: SellerListingDto }) {
  const trpcUtils = trpc.useUtils();
  const [value, setValue] = useState(String(listing.quantity));
  const [error, setError] = useState<string | null>(null);
  // The last value sent: Enter commits, then the input blurs while disabled; that blur must not
  // send (and toast) the same change a second time.
  const sent = useRef<number | null>(null);
  useEffect(() => setValue(String(listing.quantity)), [listing.quantity]);
  const save = trpc.catalog.updateProduct.useMutation({
    onSuccess: () => {
      toast.success(`Stock updated for “${listing.title}”`);
      void trpcUtils.catalog.product.invalidate({ productId: listing.id });
      void trpcUtils.catalog.shopProducts.invalidate();
      void trpcUtils.seller.listings.invalidate();
    },
    onError: (e) => {
      toast.error(describeError(e).message);
      sent.current = null;
      setValue(String(listing.quantity));
    },
  });
  const commit = () => {
    const text = value.trim();
    const q = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(q) || q > 10_000) {
      // Say why, and put the saved number back rather than leave a value that was not saved.
      setError('Stock must be a whole number from 0 to 10,000');
      setValue(String(listing.quantity));
      return;
    }
    setError(null);
    if (q === listing.quantity || q === sent.current || save.isPending) return;
    sent.current = q;
    save.mutate({ productId: listing.id, quantity: q });
  };
  const errorId = `stock-error-${listing.id}`;
  return (
    <div className="stock-cell">
      <input
        className="input stock-input"
        inputMode="numeric"
        aria-label={`Stock for ${listing.title}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={value}
        readOnly={save.isPending}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
          if (e.key === 'Escape') {
            setError(null);
            setValue(String(listing.quantity));
          }
        }}
      />
      {error && (
        <span id={errorId} className="error small" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function EditDialog({
  shopId,
  productId,
  onClose,
  returnFocusTo,
}: {
  shopId: number;
  productId: number | 'new';
  onClose: () => void;
  returnFocusTo?: RefObject<HTMLElement | null>;
}) {
  const product = trpc.catalog.product.useQuery(
    { productId: productId === 'new' ? 0 : productId },
    { enabled: productId !== 'new' },
  );
  // A link (e.g. "Edit listing" on the product page) may name any id: only this shop's open.
  const notOurs = product.isError || (product.data !== undefined && product.data.shop.id !== shopId);
  const changes = useRef<UnsavedListing>(null);
  // Set once the dialog closes on purpose (saved, discarded, nothing to lose): that navigation is not asked about.
  const closing = useRef(false);
  const unsaved = () => !closing.current && (changes.current?.changed() ?? false);
  const close = () => {
    closing.current = true;
    onClose();
  };
  // Cancel, Escape and the close button all come here: unsaved edits go only when the seller says so.
  const [askingToDiscard, setAskingToDiscard] = useState(false);
  const requestClose = () => (unsaved() ? setAskingToDiscard(true) : close());
  // The dialog is in the URL, so Back (or Alt+Left) leaves it too: the same question first.
  const leaving = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved() &&
      (nextLocation.pathname !== currentLocation.pathname ||
        new URLSearchParams(nextLocation.search).get('edit') !==
          new URLSearchParams(currentLocation.search).get('edit')),
  );
  // Reload, closing the tab, or Back to another site: only the browser can ask, and only while
  // something is unsaved (decision 0174).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (closing.current || !changes.current?.changed()) return;
      event.preventDefault();
      // Chromium before 119 asks only when returnValue is set.
      event.returnValue = true;
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
  return (
    <>
      <Dialog
        open
        onClose={requestClose}
        title={productId === 'new' ? 'New listing' : 'Edit listing'}
        size="lg"
        returnFocusTo={returnFocusTo}
      >
        {notOurs ? (
          <p className="notice notice-warn" role="alert">
            That listing is not in your shop, or it no longer exists.
          </p>
        ) : productId !== 'new' && !product.data ? (
          <div className="skeleton dialog-skeleton" role="status" aria-label="Loading listing" />
        ) : (
          <ListingForm
            shopId={shopId}
            product={product.data ?? null}
            onDone={close}
            onCancel={requestClose}
            changes={changes}
          />
        )}
      </Dialog>
      {/* A sibling, not a child: the question stacks above the form without nesting dialogs. */}
      <ConfirmDialog
        open={askingToDiscard || leaving.state === 'blocked'}
        title="Discard unsaved changes?"
        confirmLabel="Discard changes"
        cancelLabel="Keep editing"
        onConfirm={() => {
          if (leaving.state !== 'blocked') return close();
          closing.current = true;
          leaving.proceed();
        }}
        onClose={() => {
          setAskingToDiscard(false);
          leaving.reset?.();
        }}
      >
        {productId === 'new'
          ? 'This listing has not been published; what you entered will be lost.'
          : 'Your changes to this listing have not been saved.'}
      </ConfirmDialog>
    </>
  );
}

/** A listing with variations: total stock, and the combinations running low (edited in the form). */
function CombinationStock({ listing, onEdit }: { listing: SellerListingDto; onEdit: () => void }) {
  return (
    <div className="combo-stock">
      <span>
        {listing.quantity} in {listing.combinations} combinations
      </span>
      {listing.lowCombinations.length > 0 && (
        <ul className="combo-low" aria-label={`Low stock in ${listing.title}`}>
          {listing.lowCombinations.slice(0, 3).map((c) => (
            <li key={c.label}>
              <span className={c.available === 0 ? 'badge badge-danger' : 'badge badge-warn'}>
                {c.label}: {c.available === 0 ? 'none left' : `${c.available} left`}
              </span>
            </li>
          ))}
          {listing.lowCombinations.length > 3 && (
            <li className="small muted">and {listing.lowCombinations.length - 3} more low</li>
          )}
        </ul>
      )}
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        onClick={onEdit}
        aria-label={`Edit stock of ${listing.title}`}
      >
        Edit stock
      </button>
    </div>
  );
}

function editingFrom(value: string | null): number | 'new' | null {
  if (value === 'new') return 'new';
  const id = Number(value);
  return value && Number.isInteger(id) && id > 0 ? id : null;
}

/** The filter chips: a status, or active listings with a combination low or sold out (the overview's rule). */
type ListingView = 'active' | ListingStockFilter | 'archived' | 'all';
const VIEWS: readonly ListingView[] = ['active', 'low', 'soldout', 'archived', 'all'];
const VIEW_LABELS: Record<ListingView, string> = {
  active: 'Active',
  low: 'Low stock',
  soldout: 'Sold out',
  archived: 'Archived',
  all: 'All',
};

/** The chip the address names; anything it does not know shows the default, Active. */
function viewFrom(params: URLSearchParams): ListingView {
  const stock = params.get('stock');
  if (stock === 'low' || stock === 'soldout') return stock;
  const status = params.get('status');
  return status === 'archived' || status === 'all' ? status : 'active';
}

function queryOf(view: ListingView): { status: ListingStatusFilter; stock?: ListingStockFilter } {
  return view === 'low' || view === 'soldout' ? { status: 'active', stock: view } : { status: view };
}

function countOf(counts: SellerListingsPage['counts'], view: ListingView): number {
  if (view === 'all') return counts.active + counts.archived;
  if (view === 'soldout') return counts.soldOut;
  return counts[view];
}

/** How far in from a faded edge of the phone's chip row (dashboard.css: the 44 px mask) a focused chip is kept. */
const CHIP_FADE_PX = 48;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Under Low stock and Sold out: the overview counts each variation apart ("View all 12 in
 * Listings"), so say that number, and how many listings hold it when that differs.
 */
function stockSummary(counts: SellerListingsPage['counts'], view: 'low' | 'soldout'): string {
  const [items, listings] =
    view === 'low' ? [counts.lowCombinations, counts.low] : [counts.soldOutCombinations, counts.soldOut];
  const what = view === 'low' ? `running low (${LOW_STOCK_UNITS} or fewer free)` : 'sold out (none free)';
  const apart = items === listings ? '' : ', each variation counted on its own';
  return `${items} ${what} in ${plural(listings, 'listing')}${apart}.`;
}

function emptyNote(view: ListingView, q: string): string {
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

function AvailableBadge({ listing }: { listing: SellerListingDto }) {
  const tone =
    listing.available === 0
      ? 'badge badge-danger'
      : listing.available <= LOW_STOCK_UNITS
        ? 'badge badge-warn'
        : 'badge badge-sage';
  return (
    <>
      {listing.madeToOrder ? (
        <span className="muted">No limit</span>
      ) : (
        <span className={tone}>{listing.available}</span>
      )}
      {listing.reserved > 0 && <div className="small muted">{listing.reserved} in carts</div>}
    </>
  );
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
  const trpcUtils = trpc.useUtils();
  const editing = editingFrom(params.get('edit'));
  const setEditing = (value: number | 'new' | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null) next.delete('edit');
        else next.set('edit', String(value));
        return next;
      },
      { replace: value === null },
    );
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
  // Archive and Restore take the row (and the focused button) out of the list it was in. Focus goes
  // to the next row's action, else the previous row's, else the empty state or the heading. Under
  // "All" the row stays: its button, now the opposite action, keeps focus.
  const focusAfter = useFocusAfter();
  const actionOf = (id: number) =>
    document.querySelector<HTMLButtonElement>(`[data-listing-row="${id}"] [data-listing-action]`);
  const focusAfterLeaving = (id: number, status: SellerListingDto['status']) => {
    const order = listings.data?.pages.flatMap((p) => p.items.map((i) => i.id)) ?? [];
    const at = order.indexOf(id);
    const neighbours = [...order.slice(at + 1), ...order.slice(0, Math.max(at, 0)).reverse()];
    focusAfter(() => {
      const row = document.querySelector(`[data-listing-row="${id}"]`);
      // Still listed in its old state: the list has not refreshed yet.
      if (row) return row.getAttribute('data-listing-status') === status ? actionOf(id) : null;
      for (const other of neighbours) {
        const action = actionOf(other);
        if (action) return action;
      }
      return document.querySelector<HTMLElement>('.listings-empty button') ?? heading.current;
    }, actionOf(id));
  };
  const refresh = () => {
    void trpcUtils.seller.listings.invalidate();
    void trpcUtils.catalog.shopProducts.invalidate();
    void trpcUtils.catalog.product.invalidate();
  };
  const archive = trpc.catalog.archiveProduct.useMutation({
    onSuccess: (_r, vars) => {
      toast.success('Listing archived. Find it under “Archived” to restore it.');
      focusAfterLeaving(vars.productId, 'archived');
      setArchiving(null);
      refresh();
    },
    onError: (e) => {
      toast.error(describeError(e).message);
      setArchiving(null);
    },
  });
  const restore = trpc.catalog.restoreProduct.useMutation({
    onSuccess: (_r, vars) => {
      const title = listings.data?.pages.flatMap((p) => p.items).find((i) => i.id === vars.productId)?.title;
      toast.success(title ? `“${title}” is back on sale` : 'Listing restored');
      focusAfterLeaving(vars.productId, 'active');
      refresh();
    },
    onError: (e, vars) => {
      toast.error(describeError(e).message);
      // The button was disabled while it worked, which can drop focus: it is back, so is focus.
      focusAfter(() => actionOf(vars.productId));
    },
  });

  // On a phone the chips are one row that scrolls sideways (dashboard.css). The edge with more
  // chips beyond it fades out, so a chip cut there reads as "more this way"; the pressed chip (from
  // a link or a reload) and the one Tab lands on are brought into view, clear of the fade.
  const chips = useRef<HTMLDivElement | null>(null);
  const [chipsMore, setChipsMore] = useState({ start: false, end: false });
  const measureChips = useCallback(() => {
    const box = chips.current;
    if (!box) return;
    const start = box.scrollLeft > 1;
    const end = box.scrollLeft + box.clientWidth < box.scrollWidth - 1;
    setChipsMore((m) => (m.start === start && m.end === end ? m : { start, end }));
  }, []);
  const chipsRef = useCallback(
    (box: HTMLDivElement | null) => {
      chips.current = box;
      if (!box) return;
      const ro = new ResizeObserver(measureChips);
      ro.observe(box);
      return () => {
        ro.disconnect();
        chips.current = null;
      };
    },
    [measureChips],
  );
  const keepChipClear = (chip: Element) => {
    const box = chips.current;
    if (!box || chip === box) return;
    const b = box.getBoundingClientRect();
    const c = chip.getBoundingClientRect();
    if (c.right > b.right - CHIP_FADE_PX) box.scrollBy({ left: c.right - (b.right - CHIP_FADE_PX) });
    else if (c.left < b.left + CHIP_FADE_PX) box.scrollBy({ left: c.left - (b.left + CHIP_FADE_PX) });
  };
  const loaded = !listings.isPending;
  useEffect(() => {
    const box = chips.current;
    const chip = box?.querySelector<HTMLElement>(`[data-listing-view="${view}"]`);
    if (!box || !chip || !loaded || box.scrollWidth <= box.clientWidth) return;
    const b = box.getBoundingClientRect();
    const c = chip.getBoundingClientRect();
    if (c.left < b.left || c.right > b.right) box.scrollLeft += c.left - b.left - (b.width - c.width) / 2;
  }, [view, loaded]);

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
            {/* biome-ignore lint/a11y/useSemanticElements: a labelled group of toggle buttons, not a form fieldset */}
            <div
              className="category-chips listing-views"
              role="group"
              aria-label="Show listings"
              ref={chipsRef}
              data-more-start={chipsMore.start ? '' : undefined}
              data-more-end={chipsMore.end ? '' : undefined}
              onScroll={measureChips}
              onFocus={(e) => keepChipClear(e.target)}
            >
              {VIEWS.map((v) => (
                <button
                  key={v}
                  type="button"
                  className="chip"
                  aria-pressed={view === v}
                  data-listing-view={v}
                  onClick={() => setView(v)}
                >
                  {VIEW_LABELS[v]} <span className="chip-count">{countOf(counts, v)}</span>
                </button>
              ))}
            </div>
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
              <table className="table listings-table">
                <caption className="visually-hidden">
                  {VIEW_LABELS[view]} listings{q ? ` matching “${q}”` : ''}
                </caption>
                {/* Widths for the laptop's fixed layout (dashboard.css); the title takes the rest. */}
                <colgroup>
                  <col className="col-thumb" />
                  <col />
                  <col className="col-price" />
                  <col className="col-stock" />
                  <col className="col-available" />
                  <col className="col-status" />
                  <col className="col-updated" />
                  <col className="col-actions" />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">Photo</span>
                    </th>
                    <th scope="col">Title</th>
                    <th scope="col">Price</th>
                    <th scope="col">Stock</th>
                    <th scope="col">Available</th>
                    <th scope="col">Status</th>
                    <th scope="col">Updated</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((p) => (
                    <tr
                      key={p.id}
                      className={p.status === 'archived' ? 'row-archived' : undefined}
                      data-listing-row={p.id}
                      data-listing-status={p.status}
                    >
                      <td className="listing-thumb">
                        {p.image ? (
                          <img className="table-thumb" src={p.image} alt="" />
                        ) : (
                          <div className="table-thumb" />
                        )}
                      </td>
                      <td className="table-title">
                        <Link to={`/product/${p.id}`}>{p.title}</Link>
                      </td>
                      <td className="listing-price" data-label="Price">
                        {p.priceMaxCents !== null
                          ? `${formatCents(p.priceCents)}–${formatCents(p.priceMaxCents)}`
                          : formatCents(p.priceCents)}
                      </td>
                      <td className="listing-stock" data-label="Stock">
                        {p.madeToOrder ? (
                          <span className="badge">Made to order</span>
                        ) : p.combinations > 0 ? (
                          <CombinationStock listing={p} onEdit={() => setEditing(p.id)} />
                        ) : p.status === 'active' ? (
                          <StockCell listing={p} />
                        ) : (
                          p.quantity
                        )}
                      </td>
                      <td className="listing-available" data-label="Available">
                        {p.status === 'active' ? <AvailableBadge listing={p} /> : <span className="muted">—</span>}
                      </td>
                      <td className="listing-status" data-label="Status">
                        <span className={p.status === 'active' ? 'badge badge-sage' : 'badge'}>
                          {p.status === 'active' ? 'Active' : 'Archived'}
                        </span>
                      </td>
                      <td className="small muted nowrap listing-updated" data-label="Updated">
                        <time dateTime={p.updatedAt} title={formatDate(p.updatedAt)}>
                          {formatShortDate(p.updatedAt)}
                        </time>
                      </td>
                      <td className="table-actions">
                        <button
                          type="button"
                          className="btn btn-sm"
                          onClick={() => setEditing(p.id)}
                          aria-label={`Edit ${p.title}`}
                          data-edit-listing={p.id}
                        >
                          Edit
                        </button>{' '}
                        {p.status === 'archived' ? (
                          <button
                            type="button"
                            className="btn btn-sm btn-primary"
                            aria-label={`Restore ${p.title}`}
                            data-listing-action="restore"
                            disabled={restore.isPending && restore.variables?.productId === p.id}
                            onClick={() => restore.mutate({ productId: p.id })}
                          >
                            {restore.isPending && restore.variables?.productId === p.id ? 'Restoring…' : 'Restore'}
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="btn btn-sm btn-ghost btn-danger"
                            aria-label={`Archive ${p.title}`}
                            data-listing-action="archive"
                            disabled={archive.isPending && archive.variables?.productId === p.id}
                            onClick={() => setArchiving(p)}
                          >
                            Archive
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
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
        <EditDialog
          // One dialog per listing: when the URL goes straight from one ?edit= to another (Back or
          // Forward between two editors, a link), the form starts afresh from the listing it names.
          key={editing}
          shopId={shop.data.id}
          productId={editing}
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
