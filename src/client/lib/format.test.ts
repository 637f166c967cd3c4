// Hold times as the cart shows them.
import { expect, test } from 'bun:test';
import { minutesUntil } from './format';

test('a hold renewed after the page clock last ticked reads its real length, never a minute more', () => {
  const renewedUntil = new Date(Date.now() + 30 * 60_000).toISOString();
  const clockTickedAgo = Date.now() - 25_000;
  expect(minutesUntil(renewedUntil, clockTickedAgo)).toBe('30 minutes');
});

test('the last minute and after', () => {
  expect(minutesUntil(new Date(Date.now() + 50_000).toISOString())).toBe('1 minute');
  expect(minutesUntil(new Date(Date.now() - 1_000).toISOString())).toBe('less than a minute');
});
