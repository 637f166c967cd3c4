// A search address typed or edited by hand: its own price range in cents is read strictly, and a
// range no search runs (minimum above maximum, above $1,000,000) is refused out loud like the
// price boxes' (decisions 0147, 0160, 0172): searched without a price, with the boxes' words.
import { describe, expect, test } from 'bun:test';
import {
  addressCentsAsDollars,
  addressPriceErrors,
  canonicalSearchQuery,
  priceBoxErrorsOf,
  readSearchUrl,
  searchFallback,
} from './search-url';

const read = (query: string) => readSearchUrl(new URLSearchParams(query));
const upsideDown = { min: 'Minimum price ($50.00) is more than the maximum ($20.00).' };

describe('a hand-edited search address', () => {
  test('a range the right way round (or one end) is searched as written', () => {
    expect(read('q=mug&min=2000&max=5000')).toMatchObject({
      ok: true,
      input: { q: 'mug', minPriceCents: 2000, maxPriceCents: 5000 },
      priceErrors: null,
    });
    expect(read('min=2000&max=2000')).toMatchObject({ ok: true, input: { minPriceCents: 2000, maxPriceCents: 2000 } });
    expect(read('max=100000000')).toMatchObject({ ok: true, input: { maxPriceCents: 100_000_000 }, priceErrors: null });
  });

  test('minimum above maximum: not swapped; the search runs without a price, other filters kept, and says why', () => {
    const r = read('q=mug&min=5000&max=2000&isVintage=true&material=wool');
    expect(r).toEqual({
      ok: true,
      input: { pageSize: 24, q: 'mug', isVintage: true, materials: ['wool'] },
      page: 1,
      priceErrors: upsideDown,
    });
    const params = new URLSearchParams('q=mug&min=5000&max=2000&isVintage=true');
    expect(addressPriceErrors(params)).toEqual(upsideDown);
    // The same words the boxes use, so the notice and the boxes read the same either way.
    expect(priceBoxErrorsOf(params)).toEqual(upsideDown);
    // What the boxes hold as typed speaks first (it is what they show).
    expect(priceBoxErrorsOf(new URLSearchParams('min=5000&max=2000&pmin=abc'))).toEqual({
      min: 'Minimum price: “abc” is not an amount. Type dollars, like 25 or 12.50.',
    });
    // Search engines are pointed at what is shown: the address without the refused range.
    expect(canonicalSearchQuery(params)).toBe('?q=mug&isVintage=true');
    expect(canonicalSearchQuery(new URLSearchParams('q=mug&min=2000&max=5000'))).toBe('?q=mug&min=2000&max=5000');
  });

  test('a price range with a typed end that crosses it is refused as a whole', () => {
    expect(read('price=under-25&min=5000')).toEqual({
      ok: true,
      input: { pageSize: 24 },
      page: 1,
      priceErrors: { min: 'Minimum price ($50.00) is more than the maximum ($24.99).' },
    });
  });

  test('absurd amounts: over $1,000,000 is refused with the boxes’ words, however many digits; not digits, a 400', () => {
    expect(read('min=999999999&max=5')).toEqual({
      ok: true,
      input: { pageSize: 24 },
      page: 1,
      priceErrors: { min: 'Minimum price can be at most $1,000,000.00.' },
    });
    expect(read('max=100000001')).toEqual({
      ok: true,
      input: { pageSize: 24 },
      page: 1,
      priceErrors: { max: 'Maximum price can be at most $1,000,000.00.' },
    });
    // Past 15 digits (a Number no longer exact) is still an amount, too large: the rest of the
    // search runs (decision 0172), not the 400 page it once was.
    expect(read('q=mug&max=9999999999999999&isVintage=true')).toEqual({
      ok: true,
      input: { pageSize: 24, q: 'mug', isVintage: true },
      page: 1,
      priceErrors: { max: 'Maximum price can be at most $1,000,000.00.' },
    });
    expect(read(`min=${'9'.repeat(5000)}&max=2000`)).toEqual({
      ok: true,
      input: { pageSize: 24 },
      page: 1,
      priceErrors: { min: 'Minimum price can be at most $1,000,000.00.' },
    });
    // Leading zeros are the same amount.
    expect(read(`max=${'0'.repeat(20)}2000`)).toMatchObject({
      ok: true,
      input: { maxPriceCents: 2000 },
      priceErrors: null,
    });
    expect(canonicalSearchQuery(new URLSearchParams('q=mug&max=9999999999999999'))).toBe('?q=mug');
    for (const q of ['min=-5', 'max=1e3', 'min=12.5', 'max=%00', 'min=5%000', 'max=０１']) {
      expect({ q, r: read(q) }).toEqual({
        q,
        r: {
          ok: false,
          status: 400,
          title: 'Price not understood',
          message: 'The price in this address isn’t an amount we can search for.',
        },
      });
    }
  });

  test('the boxes show an address’s cents in dollars as written, however large', () => {
    expect(addressCentsAsDollars('5000')).toBe('50.00');
    expect(addressCentsAsDollars('5')).toBe('0.05');
    expect(addressCentsAsDollars('0')).toBe('0.00');
    expect(addressCentsAsDollars('0012345')).toBe('123.45');
    expect(addressCentsAsDollars('9999999999999999')).toBe('99999999999999.99');
  });

  test('an address that cannot be read is titled by what in it could not be', () => {
    const titles = Object.fromEntries(
      [
        'min=abc',
        'price=free',
        'sort=cheapest',
        'page=0',
        'isVintage=maybe',
        'stock=some',
        `q=${'a'.repeat(201)}`,
        'category=BAD!!',
        'material=%00',
        'page=999999999',
      ].map((q) => {
        const r = read(q);
        return [q, r.ok ? null : [r.status, r.title]];
      }),
    );
    expect(titles).toEqual({
      'min=abc': [400, 'Price not understood'],
      'price=free': [400, 'Price range not understood'],
      'sort=cheapest': [400, 'Sort order not understood'],
      'page=0': [400, 'Page number not understood'],
      'isVintage=maybe': [400, 'Vintage filter not understood'],
      'stock=some': [400, 'Stock filter not understood'],
      [`q=${'a'.repeat(201)}`]: [400, 'Search text too long'],
      'category=BAD!!': [400, 'Category not understood'],
      'material=%00': [400, 'Material not understood'],
      'page=999999999': [404, 'No such page of results'],
    });
  });
});

test('search text too long for an address says so in the app’s wording of a length limit', () => {
  expect(read(`q=${'a'.repeat(201)}`)).toEqual({
    ok: false,
    status: 400,
    title: 'Search text too long',
    message: 'Search text must be 200 characters or fewer.',
  });
});

describe('the way on from a search address that could not be read', () => {
  test('keeps the words and category that read, drops the rest', () => {
    expect(searchFallback(new URLSearchParams('q=mug&sort=cheapest'))).toEqual({
      to: '/search?q=mug',
      label: 'Search for “mug”',
    });
    expect(searchFallback(new URLSearchParams('category=vases&page=x'))).toEqual({
      to: '/search?category=vases',
      label: 'Browse this category',
    });
  });

  test('words that are themselves the problem are not offered again', () => {
    expect(searchFallback(new URLSearchParams(`q=${'a'.repeat(500)}`))).toEqual({
      to: '/search',
      label: 'Browse everything',
    });
    expect(searchFallback(new URLSearchParams('sort=cheapest'))).toEqual({ to: '/search', label: 'Browse everything' });
  });
});
