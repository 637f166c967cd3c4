// The product page's confirmation agrees with the header's count and names the chosen combination's share.
import { expect, test } from 'bun:test';
import { inCartNotice } from './in-cart-notice';

test('a listing without variations, or with none chosen, counts all its units', () => {
  expect(inCartNotice(1, null, 'size')).toBe('1 item in your cart.');
  expect(inCartNotice(3, null, 'combination')).toBe('3 items in your cart.');
});

test('all of them the chosen combination: no second number', () => {
  expect(inCartNotice(2, 2, 'size')).toBe('2 items in your cart.');
});

test('some of them another combination: the total, as the header counts, and the chosen share', () => {
  expect(inCartNotice(2, 1, 'size')).toBe('2 items in your cart, 1 of them in this size.');
  expect(inCartNotice(5, 2, 'combination')).toBe('5 items in your cart, 2 of them in this combination.');
});

test('none of them the chosen combination says so', () => {
  expect(inCartNotice(1, 0, 'size')).toBe('1 item in your cart, none in this size.');
});
