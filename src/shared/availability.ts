// The one availability rule: units a buyer could still add = on hand minus held in carts, never
// below zero, and nothing at all for a listing that is not for sale (archived). Server DTOs,
// search documents, live-stock events and the seller's tables all call this, so an archived
// listing can never again report stock in one place and none in another.
export type ListingStatus = 'active' | 'archived';

export interface StockLevels {
  quantity: number;
  reserved: number;
  status: ListingStatus;
}

export function availableUnits({ quantity, reserved, status }: StockLevels): number {
  return status === 'active' ? Math.max(0, quantity - reserved) : 0;
}

/** Why a cart line cannot be bought as it stands; null when it can. */
export type LineProblem = 'shop_away' | 'not_for_sale' | 'sold_out' | 'short';

/**
 * One rule for cart, checkout quote and the place refusal: a line of a shop on vacation, of a
 * listing no longer for sale, or with nothing left is left out of every total; a line with fewer
 * left than wanted stays in the totals but blocks checkout until its quantity is lowered.
 */
export function lineProblem(
  line: { listingActive: boolean; available: number; quantity: number },
  shopAway: boolean,
): LineProblem | null {
  if (shopAway) return 'shop_away';
  if (!line.listingActive) return 'not_for_sale';
  if (line.available <= 0) return 'sold_out';
  if (line.available < line.quantity) return 'short';
  return null;
}

/** The line counts in totals: something of it can be bought now. */
export function lineInTotals(line: { listingActive: boolean; available: number }): boolean {
  return line.listingActive && line.available > 0;
}
