// Step 1: the cart can be bought as the buyer confirmed it: not empty, nothing from the buyer's
// own shop, every line available, payable in one charge, priced exactly as the quote they
// confirmed. Reads only; nothing to compensate. (The price is checked again under the row locks
// in commitOrders; this early check just avoids authorising a card for a refused checkout.)
import { DomainError } from '../../../../shared/errors';
import type { ConfirmedQuote } from '../../../../shared/schemas/checkout';
import type { CartLineRow } from '../../cart/cart.repository';
import { insufficient, priceChanged, totalTooLarge } from '../checkout-errors';
import { type CheckoutPrice, quoteVersion, toQuoteDto, unavailableLines } from '../checkout-pricing';
import { type Step, StepResponse } from '../workflow';

export interface CheckCartInput {
  buyerId: number;
  /** Read from the database in this request, with each line's shop owner: a session's cached
   * shopId may be stale, the owner on the line is not (and costs no extra round trip). */
  lines: readonly CartLineRow[];
  price: CheckoutPrice;
  taxRateBps: number;
  confirmed: ConfirmedQuote;
  maxAmountCents: number;
}

export const checkCart: Step<CheckCartInput, void> = {
  name: 'checkCart',
  async invoke({ buyerId, lines, price, taxRateBps, confirmed, maxAmountCents }) {
    if (lines.length === 0) throw new DomainError('BAD_REQUEST', 'Your cart is empty.');
    if (lines.some((l) => l.owner_id === buyerId))
      throw new DomainError('OWN_PRODUCT', 'You cannot buy listings from your own shop.');
    // Stock first: a line that cannot be bought at all is the change the buyer must act on.
    const unavailable = unavailableLines(price);
    if (unavailable.length) throw insufficient(unavailable);
    if (price.totalCents > maxAmountCents) throw totalTooLarge(price.totalCents, maxAmountCents);
    assertConfirmedPrice(price, taxRateBps, confirmed);
    return new StepResponse(undefined);
  },
};

/** Refuses with PRICE_CHANGED (and the new quote) unless `price` is what the buyer confirmed. */
export function assertConfirmedPrice(price: CheckoutPrice, taxRateBps: number, confirmed: ConfirmedQuote) {
  if (quoteVersion(price) !== confirmed.version || price.totalCents !== confirmed.totalCents)
    throw priceChanged(toQuoteDto(price, taxRateBps));
}
