// The dispatch and delivery estimate beside a listing's buy box and in a cart's shop header. When
// one can be given, and from which day it counts, is src/shared/dispatch.ts purchaseEstimate's
// rule (decision 0180); this file only words it.
import { type Processing, type PurchaseEstimate, purchaseEstimate, shipsIn } from '../../shared/dispatch';

/** "Ships in 3 business days", "… after the shop returns on Sun, Dec 20", "… once the shop is back". */
export function shipsLine(processing: Processing, estimate: PurchaseEstimate): string {
  const ships = shipsIn(processing);
  if (estimate.kind === 'none') return `${ships} once the shop is back`;
  return estimate.afterReturn ? `${ships} after the shop returns on ${estimate.afterReturn}` : ships;
}

export function ListingEstimate({
  processing,
  estimate,
}: {
  processing: Processing & { madeToOrder: boolean };
  estimate: PurchaseEstimate;
}) {
  // Sold out, or a combination not offered: no promise about something that cannot be bought.
  if (estimate.kind === 'none' && estimate.why === 'not-for-sale') return null;
  const line = shipsLine(processing, estimate);
  return (
    <p className="dispatch" data-testid="dispatch">
      {processing.madeToOrder ? `Made to order: ${line.charAt(0).toLowerCase()}${line.slice(1)}` : line}
      {estimate.kind === 'dated' ? (
        <>
          {processing.maxDays > 0 ? ` — estimated dispatch ${estimate.dispatch}` : ''}
          <br />
          <span data-testid="delivery">Estimated delivery {estimate.delivery}</span>
        </>
      ) : (
        // On vacation with no return date: a plain line, no dates that could not be kept.
        '; no delivery estimate until it says when.'
      )}
    </p>
  );
}

/** A cart shop's header line: "Ships in 3 business days · arrives Fri, Dec 11 – Wed, Dec 16". */
export function CartShopEstimate({
  processing,
  vacation,
  now,
}: {
  processing: Processing;
  vacation: { returnsOn: string | null } | null;
  now: number;
}) {
  const estimate = purchaseEstimate(processing, { now: new Date(now), vacation });
  return (
    <span className="small muted" data-testid="cart-dispatch">
      {shipsLine(processing, estimate)}
      {estimate.kind === 'dated' ? ` · arrives ${estimate.delivery}` : ''}
    </span>
  );
}
