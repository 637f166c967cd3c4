// Hold times as the cart and the listing page show them. Counted from the `now` given: useNow
// (use-now.ts) reads the clock at every render, so a hold renewed since its last tick reads its
// real length.
import { expect, test } from 'bun:test';
import { minutesUntil } from './format';

const now = Date.UTC(2026, 11, 4, 12, 0, 0);
const at = (ms: number) => new Date(now + ms).toISOString();

test('a hold counts whole minutes up from now, never a minute more than it has', () => {
  expect(minutesUntil(at(30 * 60_000), now)).toBe('30 minutes');
  expect(minutesUntil(at(29 * 60_000 + 1_000), now)).toBe('30 minutes');
  expect(minutesUntil(at(29 * 60_000), now)).toBe('29 minutes');
});

test('the last minute and after', () => {
  expect(minutesUntil(at(50_000), now)).toBe('1 minute');
  expect(minutesUntil(at(-1_000), now)).toBe('less than a minute');
});
