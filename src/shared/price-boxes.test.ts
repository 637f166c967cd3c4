import { describe, expect, test } from 'bun:test';
import { readPriceBoxes } from './price-boxes';

describe('the search page price boxes', () => {
  test('dollars as typed become cents; empty boxes mean no bound', () => {
    expect(readPriceBoxes('12.5', '$1,000')).toEqual({ ok: true, min: 1250, max: 100_000 });
    expect(readPriceBoxes('', ' 20 ')).toEqual({ ok: true, min: null, max: 2000 });
    expect(readPriceBoxes('', '')).toEqual({ ok: true, min: null, max: null });
    expect(readPriceBoxes('20', '20')).toEqual({ ok: true, min: 2000, max: 2000 });
  });

  test('what cannot be a price is named, box by box, never dropped', () => {
    expect(readPriceBoxes('abc', '')).toEqual({
      ok: false,
      errors: { min: 'Minimum price: “abc” is not an amount. Type dollars, like 25 or 12.50.' },
    });
    expect(readPriceBoxes('-5', '-$2.50')).toEqual({
      ok: false,
      errors: { min: 'Minimum price can’t be negative.', max: 'Maximum price can’t be negative.' },
    });
    expect(readPriceBoxes('', '12.345')).toEqual({
      ok: false,
      errors: { max: 'Maximum price: “12.345” is not an amount. Type dollars, like 25 or 12.50.' },
    });
    expect(readPriceBoxes('', '2000000')).toEqual({
      ok: false,
      errors: { max: 'Maximum price can be at most $1,000,000.00.' },
    });
    expect(readPriceBoxes('x'.repeat(40), '')).toEqual({
      ok: false,
      errors: { min: `Minimum price: “${'x'.repeat(24)}…” is not an amount. Type dollars, like 25 or 12.50.` },
    });
  });

  test('control and invisible characters in what was typed show as “�”, never echoed unseen', () => {
    // A NUL from a hand-edited address (pmin=5%00), a right-to-left override, a zero-width space.
    expect(readPriceBoxes('5\u0000', '')).toEqual({
      ok: false,
      errors: { min: 'Minimum price: “5\ufffd” is not an amount. Type dollars, like 25 or 12.50.' },
    });
    const errors = (text: string) => {
      const read = readPriceBoxes('', text);
      return read.ok ? null : read.errors.max;
    };
    expect(errors('1\u202e2\u200b3')).toBe(
      'Maximum price: “1\ufffd2\ufffd3” is not an amount. Type dollars, like 25 or 12.50.',
    );
    // An emoji's joiner is part of what was typed, not hidden.
    expect(errors('👩\u200d🎨')).toBe('Maximum price: “👩\u200d🎨” is not an amount. Type dollars, like 25 or 12.50.');
  });

  test('a minimum above the maximum is refused, not swapped or dropped', () => {
    expect(readPriceBoxes('50', '20')).toEqual({
      ok: false,
      errors: { min: 'Minimum price ($50.00) is more than the maximum ($20.00).' },
    });
  });
});
