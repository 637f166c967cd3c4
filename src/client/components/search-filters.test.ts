// How many results the search page says it has: the count line and the phone's "Show …" button
// say it the same way, "1,000+" at the engines' cap (the sheet once said "Show 1,000 results"
// under a heading of "1,000+ results").
import { expect, test } from 'bun:test';
import { resultCountText } from './search-filters';

test('results are counted plainly below the cap and as "1,000+" at it', () => {
  expect(resultCountText(0)).toBe('0 results');
  expect(resultCountText(1)).toBe('1 result');
  expect(resultCountText(999)).toBe('999 results');
  expect(resultCountText(1000)).toBe('1,000+ results');
});
