// How many results the search page says it has: the count line and the phone's "Show …" button
// say it the same way, "1,000+" at the engines' cap (the sheet once said "Show 1,000 results"
// under a heading of "1,000+ results").
import { expect, test } from 'bun:test';
import { noResultsTip, resultCountText } from './search-filters';

test('results are counted plainly below the cap and as "1,000+" at it', () => {
  expect(resultCountText(0)).toBe('0 results');
  expect(resultCountText(1)).toBe('1 result');
  expect(resultCountText(999)).toBe('999 results');
  expect(resultCountText(1000)).toBe('1,000+ results');
});

// Found by a walk: /search?q=mug&colour=blue advised "Try fewer words, a more general term like
// “mug” or “necklace”, or remove some filters." to a shopper who had searched the one word "mug".
test('the no-results tip fits the search: filters on one word, fewer words, never the word searched', () => {
  expect(noResultsTip('mug', true)).toBe('Try removing some filters.');
  expect(noResultsTip('blue mug', true)).toBe('Try fewer words, or remove some filters.');
  expect(noResultsTip('speckled blue mug', false)).toBe(
    'Try fewer words, or a more general term like “necklace” or “blanket”.',
  );
  expect(noResultsTip('mugs', false)).toBe(
    'Check the spelling, or try a more general term like “necklace” or “blanket”.',
  );
  expect(noResultsTip('zzq', false)).toBe('Check the spelling, or try a more general term like “mug” or “necklace”.');
  expect(noResultsTip(undefined, true)).toBe('Try removing some filters.');
});
