// What a shopper reads when a limit stops them: hours once the wait is an hour or more (rounded up),
// minutes from a minute, seconds only under a minute; the exact wait stays in details.retryAfterSeconds for clients that count down.
import { describe, expect, test } from 'bun:test';
import { tooManyRequests } from './rate-limit';

describe('rate limit message', () => {
  test.each([
    [240_000, 'Too many attempts. Try again in 4 minutes.', 240],
    [60_000, 'Too many attempts. Try again in 1 minute.', 60],
    [61_000, 'Too many attempts. Try again in 2 minutes.', 61],
    [900_000, 'Too many attempts. Try again in 15 minutes.', 900],
    [3_540_000, 'Too many attempts. Try again in 59 minutes.', 3540],
    [3_599_000, 'Too many attempts. Try again in 1 hour.', 3599],
    [3_600_000, 'Too many attempts. Try again in 1 hour.', 3600],
    [3_601_000, 'Too many attempts. Try again in 2 hours.', 3601],
    [86_400_000, 'Too many attempts. Try again in 24 hours.', 86400],
    [59_000, 'Too many attempts. Try again in 59 seconds.', 59],
    [1_000, 'Too many attempts. Try again in 1 second.', 1],
    [200, 'Too many attempts. Try again in 1 second.', 1],
  ])('a wait of %d ms reads in words', (resetMs, message, seconds) => {
    const err = tooManyRequests(resetMs);
    expect(err.message).toBe(message);
    expect(err.details).toEqual({ retryAfterSeconds: seconds });
  });
});
