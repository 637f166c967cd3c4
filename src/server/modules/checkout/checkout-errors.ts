// The refusals checkout answers with, worded once for every step that can raise them.
import { DomainError } from '../../../shared/errors';
import type { UnavailableItem } from '../../../shared/schemas/checkout';

export function insufficient(items: UnavailableItem[]): DomainError {
  const names = items.map((i) => `"${i.title}"`).join(', ');
  return new DomainError('INSUFFICIENT_INVENTORY', `Not enough stock for ${names}. Update your cart and try again.`, {
    unavailableItems: items,
  });
}

export function cartChanged(): DomainError {
  return new DomainError('CONFLICT', 'Your cart changed while checking out. Please review it and try again.', {
    reason: 'cart_changed',
  });
}
