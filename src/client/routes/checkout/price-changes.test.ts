import { describe, expect, test } from 'bun:test';
import type { QuoteDto } from '../../../shared/schemas/checkout';
import { quoteChanges, quoteFromDetails } from './price-changes';

function quote(lines: [number, string, number, number][], shippingCents = 500): QuoteDto {
  const items = lines.map(([productId, title, quantity, unitPriceCents]) => ({
    productId,
    variantId: productId * 10,
    title,
    options: [],
    personalization: '',
    quantity,
    unitPriceCents,
  }));
  const subtotalCents = items.reduce((n, i) => n + i.quantity * i.unitPriceCents, 0);
  const totalCents = subtotalCents + shippingCents;
  return {
    version: 'v'.repeat(64),
    shops: [
      { shopId: 1, shopName: 'Kiln', items, subtotalCents, shippingCents, taxCents: 0, totalCents, itemCount: 1 },
    ],
    subtotalCents,
    shippingCents,
    taxCents: 0,
    totalCents,
    taxRateBps: 0,
    unavailableItems: [],
  };
}

describe('quote changes', () => {
  test('per line: old -> new price, quantity, removed and added; shop shipping', () => {
    const before = quote([
      [1, 'Mug', 2, 2400],
      [2, 'Bowl', 1, 3000],
      [3, 'Plate', 1, 1500],
    ]);
    const after = quote(
      [
        [1, 'Mug', 2, 2600],
        [2, 'Bowl', 3, 3000],
        [4, 'Vase', 1, 5000],
      ],
      800,
    );
    expect(quoteChanges(before, after)).toEqual([
      { kind: 'price', productId: 1, title: 'Mug', fromCents: 2400, toCents: 2600 },
      { kind: 'quantity', productId: 2, title: 'Bowl', from: 1, to: 3 },
      { kind: 'removed', productId: 3, title: 'Plate' },
      { kind: 'added', productId: 4, title: 'Vase', unitPriceCents: 5000 },
      { kind: 'shipping', shopId: 1, shopName: 'Kiln', fromCents: 500, toCents: 800 },
    ]);
    expect(quoteChanges(before, before)).toEqual([]);
  });

  test('error details are used only when they look like a quote', () => {
    expect(quoteFromDetails(quote([[1, 'Mug', 1, 100]]))?.totalCents).toBe(600);
    expect(quoteFromDetails({ version: 'x' })).toBeNull();
    expect(quoteFromDetails(undefined)).toBeNull();
  });
});
