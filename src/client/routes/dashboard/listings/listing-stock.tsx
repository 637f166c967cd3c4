// A listing's stock and availability as its row shows them: the combinations running low for a
// listing with variations, and the units free to buy (made to order has no limit).
import { LOW_STOCK_UNITS, type SellerListingDto } from '../../../../shared/schemas/seller';

/** A low combination's units to buy, as its badge and list say them: "2 left", or "None left". */
const leftText = (available: number) => (available === 0 ? 'None left' : `${available} left`);

/** A listing with variations: total stock, and the combinations running low (edited in the form). */
export function CombinationStock({ listing, onEdit }: { listing: SellerListingDto; onEdit: () => void }) {
  const low = listing.lowCombinations;
  const tone = low.some((c) => c.available === 0) ? 'badge badge-danger' : 'badge badge-warn';
  return (
    <div className="combo-stock">
      <span>
        {listing.quantity} in {listing.combinations} combinations
      </span>
      {low.length === 1 && (
        // One combination low: its badge, count first, the name whole (wrapping in the column, never
        // cut to "Charcoal grey…"); the tooltip repeats it.
        <span
          className={`${tone} combo-low-one`}
          title={`${low[0].label}: ${leftText(low[0].available).toLowerCase()}`}
        >
          <strong>{leftText(low[0].available)}</strong> · {low[0].label}
        </span>
      )}
      {low.length > 1 && (
        // Several low: badges cut to the column's width all read "2 left · Charcoal grey…", so one
        // badge counts them and a disclosure lists each whole, one line of small text apiece.
        <details className="combo-low">
          <summary>
            <span className={tone}>Low stock: {low.length} combinations</span>
          </summary>
          <ul aria-label={`Low stock in ${listing.title}`}>
            {low.map((c) => (
              <li key={c.label}>
                <strong>{leftText(c.available)}</strong> · {c.label}
              </li>
            ))}
          </ul>
        </details>
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
