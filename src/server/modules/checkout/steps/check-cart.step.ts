// Step 1: the cart can be bought as priced: not empty, nothing from the buyer's own shop,
// every line available. Reads only; nothing to compensate.
import { DomainError } from '../../../../shared/errors';
import type { CartLineRow } from '../../cart/cart.repository';
import { insufficient } from '../checkout-errors';
import { type CheckoutPrice, unavailableLines } from '../checkout-pricing';
import { type Step, StepResponse } from '../workflow';

export interface CheckCartInput {
  /** The buyer's shop as the database has it now (a session's cached shopId may be stale). */
  ownShopId: number | null;
  lines: readonly CartLineRow[];
  price: CheckoutPrice;
}

export const checkCart: Step<CheckCartInput, void> = {
  name: 'checkCart',
  async invoke({ ownShopId, lines, price }) {
    if (lines.length === 0) throw new DomainError('BAD_REQUEST', 'Your cart is empty.');
    if (ownShopId !== null && lines.some((l) => l.shop_id === ownShopId))
      throw new DomainError('OWN_PRODUCT', 'You cannot buy listings from your own shop.');
    const unavailable = unavailableLines(price);
    if (unavailable.length) throw insufficient(unavailable);
    return new StepResponse(undefined);
  },
};
