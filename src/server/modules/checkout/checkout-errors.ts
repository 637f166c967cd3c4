// The refusals checkout answers with, worded once for every step that can raise them.
import { DomainError } from '../../../shared/errors';
import { formatCents } from '../../../shared/money';
import type { QuoteDto, UnavailableItem } from '../../../shared/schemas/checkout';

/** Why one line cannot be bought, as a shopper would say it. */
function unavailableReason(i: UnavailableItem): string {
  switch (i.reason) {
    case 'shop_away':
      return `"${i.title}" can't be bought while ${i.shopName} is on vacation`;
    case 'not_for_sale':
      return `"${i.title}" is no longer for sale`;
    case 'sold_out':
      return `"${i.title}" is sold out`;
    case 'short':
      return `only ${i.available} of "${i.title}" ${i.available === 1 ? 'is' : 'are'} left (you wanted ${i.requested})`;
  }
}

/** Some lines cannot be bought: nothing is ordered or charged until the cart is updated. */
export function insufficient(items: UnavailableItem[]): DomainError {
  const reasons = items.map(unavailableReason).join('; ');
  return new DomainError(
    'INSUFFICIENT_INVENTORY',
    `${reasons.charAt(0).toUpperCase()}${reasons.slice(1)}. Nothing was ordered or charged: update your cart and try again.`,
    { unavailableItems: items },
  );
}

export function cartChanged(): DomainError {
  return new DomainError('CONFLICT', 'Your cart changed while checking out. Please review it and try again.', {
    reason: 'cart_changed',
  });
}

/** The buyer confirmed other prices than the cart has now: nothing is charged, they confirm again. */
export function priceChanged(quote: QuoteDto): DomainError {
  return new DomainError(
    'PRICE_CHANGED',
    `Prices in your cart changed since you reviewed it. The new total is ${formatCents(quote.totalCents)}; please review and confirm it.`,
    { quote },
  );
}

/** More than the payment provider accepts in one charge: refused before anything is authorised. */
export function totalTooLarge(totalCents: number, maxCents: number): DomainError {
  return new DomainError(
    'TOTAL_TOO_LARGE',
    `Orders above ${formatCents(maxCents)} cannot be paid in one payment (this one is ${formatCents(totalCents)}). Remove some items and check out the rest separately.`,
    { totalCents, maxCents },
  );
}
