// Step 1: the cart can be bought as priced: not empty, nothing from the buyer's own shop,
// every line available. Reads only; nothing to compensate.
import { DomainError } from '../../../../shared/errors';
import type { SessionUser } from '../../auth/auth.session';
import type { CartLineRow } from '../../cart/cart.repository';
import { insufficient } from '../checkout-errors';
import { type CheckoutPrice, unavailableLines } from '../checkout-pricing';
import { type Step, StepResponse } from '../workflow';

export interface CheckCartInput {
  user: SessionUser;
  lines: readonly CartLineRow[];
  price: CheckoutPrice;
}

export const checkCart: Step<CheckCartInput, void> = {
  name: 'checkCart',
  async invoke({ user, lines, price }) {
    if (lines.length === 0) throw new DomainError('BAD_REQUEST', 'Your cart is empty.');
    if (user.shopId !== null && lines.some((l) => l.shop_id === user.shopId))
      throw new DomainError('OWN_PRODUCT', 'You cannot buy listings from your own shop.');
    const unavailable = unavailableLines(price);
    if (unavailable.length) throw insufficient(unavailable);
    return new StepResponse(undefined);
  },
};
