// Listings table: search, create/edit in a dialog, archive, and stock edited inline.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import type { ProductCard } from '../../../shared/schemas/catalog';
import { EmptyState, PageSkeleton, RouteErrorBoundary } from '../../components/states';
import { formatCents } from '../../lib/format';
import { describeError, trpc } from '../../trpc';
import { ListingForm } from './listing-form';
import { useMyShop } from './use-my-shop';

function StockCell({ product }: { product: ProductCard }) {
  const trpcUtils = trpc.useUtils();
  const [value, setValue] = useState(String(product.available));
  const full = trpc.catalog.product.useQuery({ productId: product.id }, { staleTime: 30_000 });
  useEffect(() => {
    if (full.data) setValue(String(full.data.quantity));
  }, [full.data]);
  const save = trpc.catalog.updateProduct.useMutation({
    onSuccess: () => {
      toast.success(`Stock updated for “${product.title}”`);
      void trpcUtils.catalog.product.invalidate({ productId: product.id });
      void trpcUtils.catalog.shopProducts.invalidate();
    },
    onError: (e) => {
      toast.error(describeError(e).message);
      if (full.data) setValue(String(full.data.quantity));
    },
  });
  const commit = () => {
    const q = Number.parseInt(value, 10);
    if (!Number.isInteger(q) || q < 0 || q > 10_000) {
      toast.error('Stock must be a whole number from 0 to 10,000');
      return;
    }
    if (full.data && q === full.data.quantity) return;
    save.mutate({ productId: product.id, quantity: q });
  };
  return (
    <input
      className="input stock-input"
      type="number"
      min={0}
      max={10000}
      aria-label={`Stock for ${product.title}`}
      value={value}
      disabled={save.isPending}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}

function EditDialog({
  shopId,
  productId,
  onClose,
}: {
  shopId: number;
  productId: number | 'new';
  onClose: () => void;
}) {
  const product = trpc.catalog.product.useQuery(
    { productId: productId === 'new' ? 0 : productId },
    { enabled: productId !== 'new' },
  );
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('input')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="listing-dialog-title" ref={ref}>
        <h2 id="listing-dialog-title">{productId === 'new' ? 'New listing' : 'Edit listing'}</h2>
        {productId !== 'new' && !product.data ? (
          <PageSkeleton />
        ) : (
          <ListingForm shopId={shopId} product={product.data ?? null} onDone={onClose} />
        )}
      </div>
    </div>
  );
}

export function Component() {
  const shop = useMyShop();
  const shopId = shop.data?.id ?? 0;
  const listings = trpc.catalog.shopProducts.useInfiniteQuery(
    { shopId, limit: 100 },
    { enabled: !!shop.data, getNextPageParam: (l) => l.nextCursor ?? undefined },
  );
  const trpcUtils = trpc.useUtils();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const archive = trpc.catalog.archiveProduct.useMutation({
    onSuccess: () => {
      toast.success('Listing archived');
      void trpcUtils.catalog.shopProducts.invalidate();
    },
    onError: (e) => toast.error(describeError(e).message),
  });

  if (shop.isPending || (shop.data && listings.isPending)) return <PageSkeleton />;
  if (!shop.data)
    return (
      <EmptyState
        title="Create your shop first"
        action={
          <Link to="/dashboard/shop" className="btn btn-primary">
            Create shop
          </Link>
        }
      />
    );
  const all = listings.data?.pages.flatMap((p) => p.items) ?? [];
  const shown = filter ? all.filter((p) => p.title.toLowerCase().includes(filter.toLowerCase())) : all;

  return (
    <div>
      <div className="section-head" style={{ marginTop: 0 }}>
        <h1 style={{ margin: 0 }}>Listings</h1>
        <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
          + New listing
        </button>
      </div>
      <div className="field" style={{ maxWidth: 360 }}>
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
      {all.length === 0 ? (
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
        <div className="card" style={{ padding: 0, overflowX: 'auto' }}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Photo</span>
                </th>
                <th scope="col">Title</th>
                <th scope="col">Price</th>
                <th scope="col">Stock</th>
                <th scope="col">Available</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.image ? <img className="table-thumb" src={p.image} alt="" /> : <div className="table-thumb" />}
                  </td>
                  <td>
                    <Link to={`/product/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>{formatCents(p.priceCents)}</td>
                  <td>
                    <StockCell product={p} />
                  </td>
                  <td>
                    <span
                      className={
                        p.available === 0
                          ? 'badge badge-danger'
                          : p.available <= 2
                            ? 'badge badge-warn'
                            : 'badge badge-sage'
                      }
                    >
                      {p.available}
                    </span>
                  </td>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    <button
                      type="button"
                      className="btn btn-sm"
                      onClick={() => setEditing(p.id)}
                      aria-label={`Edit ${p.title}`}
                    >
                      Edit
                    </button>{' '}
                    <button
                      type="button"
                      className="btn btn-sm btn-ghost btn-danger"
                      aria-label={`Archive ${p.title}`}
                      onClick={() => {
                        if (confirm(`Archive “${p.title}”? It will disappear from search and your shop.`))
                          archive.mutate({ productId: p.id });
                      }}
                    >
                      Archive
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 && (
            <p className="muted" style={{ padding: 16 }}>
              No listings match “{filter}”.
            </p>
          )}
        </div>
      )}
      {editing !== null && <EditDialog shopId={shop.data.id} productId={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
