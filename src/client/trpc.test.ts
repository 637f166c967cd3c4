import { describe, expect, test } from 'bun:test';
import { TRPCClientError } from '@trpc/client';
import { describeError } from './trpc';

describe('describeError', () => {
  test('a call the API never answered reads in a shopper’s words, not the browser’s', () => {
    const info = describeError(TRPCClientError.from(new TypeError('Failed to fetch')));
    expect(info.message).not.toContain('Failed to fetch');
    expect(info.message).toBe('We could not reach Hearth just now. Check your connection and try again.');
    expect(info.httpStatus).toBe(0);
  });

  test('an answered call keeps the server’s message, code and status', () => {
    const err = new TRPCClientError('That listing is sold out.', {
      result: {
        error: {
          code: -32009,
          message: 'That listing is sold out.',
          data: { code: 'CONFLICT', httpStatus: 409, domain: { code: 'SOLD_OUT', details: {} }, fieldErrors: {} },
        },
      },
    });
    const info = describeError(err);
    expect(info.message).toBe('That listing is sold out.');
    expect(info.httpStatus).toBe(409);
  });

  test('anything else is a plain apology', () => {
    expect(describeError(new Error('boom')).message).toBe('Something went wrong. Please try again.');
  });
});
