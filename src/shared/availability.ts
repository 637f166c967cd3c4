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
