// The cart Summary's reason when nothing in it can be bought. Found by a walk: with the only line
// archived by its seller it said "Its listings are no longer for sale." (plural, for one item).
import { expect, test } from 'bun:test';
import type { CartDto, CartItemDto, CartShopDto } from '../../../shared/schemas/cart';
import { whyNothing } from './cart-summary';

function item(title: string, over: Partial<CartItemDto> = {}): CartItemDto {
  return {
    cartItemId: 1,
    productId: 1,
    variantId: 1,
    options: [],
    personalization: '',
    title,
    priceCents: 1200,
    priceWhenAddedCents: 1200,
    quantity: 1,
    available: 0,
    image: null,
    reservedUntil: null,
    held: 0,
    processing: { minDays: 1, maxDays: 3, madeToOrder: false },
    personalizationSpec: null,
    listingActive: false,
    ...over,
  };
}

function shop(name: string, items: CartItemDto[]): CartShopDto {
  return {
    shopId: 1,
    shopName: name,
    shopSlug: name.toLowerCase(),
    shippingPolicy: { kind: 'free' } as unknown as CartShopDto['shippingPolicy'],
    vacation: null,
    items,
    subtotalCents: 0,
    shippingCents: 0,
  };
}

const cart = (shops: CartShopDto[]): CartDto => ({ shops, itemTotalCents: 0, shippingTotalCents: 0, itemCount: 0 });

test('one line no longer for sale: its listing, singular (even for 3 units of it)', () => {
  expect(whyNothing(cart([shop('Copper & Clay', [item('Mug', { quantity: 3 })])]))).toBe(
    'Its listing is no longer for sale.',
  );
});

test('several lines no longer for sale: its listings, plural (one shop or two)', () => {
  expect(whyNothing(cart([shop('Copper & Clay', [item('Mug'), item('Bowl')])]))).toBe(
    'Its listings are no longer for sale.',
  );
  expect(whyNothing(cart([shop('Copper & Clay', [item('Mug')]), shop('Loom', [item('Scarf')])]))).toBe(
    'Its listings are no longer for sale.',
  );
});
