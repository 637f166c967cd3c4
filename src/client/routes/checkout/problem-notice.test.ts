// A declined card is said once, in words: the bank's code is never shown, and a code that tells
// the shopper something they can act on (no funds, expired) becomes a sentence.
import { describe, expect, test } from 'bun:test';
import { declineSentence } from './problem-notice';

describe('declined card wording', () => {
  test('a plain decline says so once, without the code', () => {
    expect(declineSentence('card_declined')).toBe('Your card was declined.');
    expect(declineSentence(null)).toBe('Your card was declined.');
    expect(declineSentence('generic_decline')).toBe('Your card was declined.');
  });
  test('a code that adds a reason reads as one', () => {
    expect(declineSentence('insufficient_funds')).toBe('Your card was declined: it does not have enough funds.');
    expect(declineSentence('expired_card')).toBe('Your card was declined: it has expired.');
  });
});
