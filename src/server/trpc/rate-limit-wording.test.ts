// What a shopper reads when a limit stops them: minutes once the wait is a minute or more, seconds
// only under a minute; the exact wait stays in details.retryAfterSeconds for clients that count down.
import { describe, expect, test } from 'bun:test';
import { tooManyRequests } from './rate-limit';

describe('rate limit message', () => {
  test.each([
    [240_000, 'Too many attempts. Try again in 4 minutes.', 240],
    [60_000, 'Too many attempts. Try again in 1 minute.', 60],
    [61_000, 'Too many attempts. Try again in 2 minutes.', 61],
    [900_000, 'Too many attempts. Try again in 15 minutes.', 900],
    [59_000, 'Too many attempts. Try again in 59 seconds.', 59],
    [1_000, 'Too many attempts. Try again in 1 second.', 1],
    [200, 'Too many attempts. Try again in 1 second.', 1],
  ])('a wait of %d ms reads in words', (resetMs, message, seconds) => {
    const err = tooManyRequests(resetMs);
    expect(err.message).toBe(message);
    expect(err.details).toEqual({ retryAfterSeconds: seconds });
  });
});
