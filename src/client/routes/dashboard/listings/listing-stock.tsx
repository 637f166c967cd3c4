// A listing's stock and availability as its row shows them: the combinations running low for a
// listing with variations, and the units free to buy (made to order has no limit).
import { LOW_STOCK_UNITS, type SellerListingDto } from '../../../../shared/schemas/seller';

/** A listing with variations: total stock, and the combinations running low (edited in the form). */
export function CombinationStock({ listing, onEdit }: { listing: SellerListingDto; onEdit: () => void }) {
  return (
    <div className="combo-stock">
      <span>
        {listing.quantity} in {listing.combinations} combinations
      </span>
      {listing.lowCombinations.length > 0 && (
        <ul className="combo-low" aria-label={`Low stock in ${listing.title}`}>
          {listing.lowCombinations.slice(0, 3).map((c) => (
            <li key={c.label}>
              {/* The count first, then the combination: a narrow Stock column cuts a long name
                  short after two lines ("…"; the whole of it is in the tooltip and is what screen
                  readers hear), never the count. */}
              <span
                className={c.available === 0 ? 'badge badge-danger' : 'badge badge-warn'}
                title={`${c.label}: ${c.available === 0 ? 'none left' : `${c.available} left`}`}
              >
                {c.available === 0 ? 'None left' : `${c.available} left`} · {c.label}
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

export function AvailableBadge({ listing }: { listing: SellerListingDto }) {
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
