// A partial choice (Size M of Size × Colour) read as one offer on the product page.
import { expect, test } from 'bun:test';
import { summariseOpenChoice } from './open-choice';

const combo = (id: number, priceCents: number, available: number, inCarts = 0) => ({
  id,
  values: ['M', `colour-${id}`],
  priceCents,
  available,
  inCarts,
  enabled: true,
});
const unitsOf = (c: { available: number }) => c.available;

test('units add up across the open combinations, one price when they all cost the same', () => {
  const s = summariseOpenChoice([combo(1, 3200, 2), combo(2, 3200, 3)], unitsOf, []);
  expect(s).toEqual({ units: 5, maxUnits: 3, ownInCart: 0, othersHold: 0, price: '$32.00' });
});

test('differing prices read "From" the lowest', () => {
  expect(summariseOpenChoice([combo(1, 3500, 1), combo(2, 3000, 1)], unitsOf, []).price).toBe('From $30.00');
});

test("the shopper's own lines of the open combinations are theirs, not someone else's cart", () => {
  // Combination 1: 2 units held, both by this shopper; combination 2: 1 held by someone else.
  // A line of another listing's combination (id 9) does not count.
  const cart = [
    { variantId: 1, quantity: 2, held: 2 },
    { variantId: 9, quantity: 4, held: 4 },
  ];
  const s = summariseOpenChoice([combo(1, 3200, 0, 2), combo(2, 3200, 0, 1)], unitsOf, cart);
  expect(s.ownInCart).toBe(2);
  expect(s.othersHold).toBe(1);
  expect(s.units).toBe(0);
});

test('live counts from the page win over the data it loaded with', () => {
  const live: Record<number, number> = { 1: 0 };
  const s = summariseOpenChoice([combo(1, 3200, 4), combo(2, 3200, 3)], (c) => live[c.id] ?? c.available, []);
  expect(s.units).toBe(3);
});

test('no open combination: nothing to add and no price of its own', () => {
  expect(summariseOpenChoice([], unitsOf, [])).toEqual({
    units: 0,
    maxUnits: 0,
    ownInCart: 0,
    othersHold: 0,
    price: null,
  });
});

test('the price is what can still be bought: a sold-out cheaper combination does not make it "From"', () => {
  // Size 8: Sterling silver $88.99 sold out, 9ct gold $213.99 with 1 left.
  expect(summariseOpenChoice([combo(1, 8899, 0), combo(2, 21399, 1)], unitsOf, []).price).toBe('$213.99');
  // All sold out: the prices they had, as before.
  expect(summariseOpenChoice([combo(1, 8899, 0), combo(2, 21399, 0)], unitsOf, []).price).toBe('From $88.99');
});
