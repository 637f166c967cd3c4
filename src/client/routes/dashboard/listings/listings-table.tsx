// The seller's listings as a table (on a phone each row is a card, dashboard.css): photo, title,
// price, stock (edited inline), available, status, last update, and the row's actions.
import { Link } from 'react-router';
import type { SellerListingDto } from '../../../../shared/schemas/seller';
import { formatCents, formatDate, formatShortDate } from '../../../lib/format';
import { ListingRowActions } from './listing-row-actions';
import { AvailableBadge, CombinationStock } from './listing-stock';
import { type ListingView, VIEW_LABELS } from './listing-views';
import { StockCell } from './stock-cell';

export function ListingsTable({
  listings,
  view,
  q,
  archivingId,
  restoringId,
  onEdit,
  onEditStock,
  onArchive,
  onRestore,
}: {
  listings: SellerListingDto[];
  view: ListingView;
  q: string;
  /** The listing whose archive or restore request is under way, if any. */
  archivingId: number | null;
  restoringId: number | null;
  onEdit: (productId: number) => void;
  /** "Edit stock" of a listing with variations: the editor opens on its stock. */
  onEditStock: (productId: number) => void;
  onArchive: (listing: SellerListingDto) => void;
  onRestore: (productId: number) => void;
}) {
  return (
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
        {listings.map((p) => (
          <tr
            key={p.id}
            className={p.status === 'archived' ? 'row-archived' : undefined}
            data-listing-row={p.id}
            data-listing-status={p.status}
          >
            <td className="listing-thumb">
              {p.image ? <img className="table-thumb" src={p.image} alt="" /> : <div className="table-thumb" />}
            </td>
            <td className="table-title">
              <Link to={`/product/${p.id}`}>{p.title}</Link>
            </td>
            <td className="listing-price" data-label="Price">
              {p.priceCents <= 0 ? (
                // A $0.00 row from before prices were required: off sale until it has one (decision 0199).
                <span className="listing-no-price">No price. Set one in Edit to sell it.</span>
              ) : p.priceMaxCents !== null ? (
                `${formatCents(p.priceCents)}–${formatCents(p.priceMaxCents)}`
              ) : (
                formatCents(p.priceCents)
              )}
            </td>
            <td className="listing-stock" data-label="Stock">
              {p.madeToOrder ? (
                <span className="badge">Made to order</span>
              ) : p.combinations > 0 ? (
                <CombinationStock listing={p} onEdit={() => onEditStock(p.id)} />
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
              <ListingRowActions
                listing={p}
                archiving={archivingId === p.id}
                restoring={restoringId === p.id}
                onEdit={() => onEdit(p.id)}
                onArchive={() => onArchive(p)}
                onRestore={() => onRestore(p.id)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
