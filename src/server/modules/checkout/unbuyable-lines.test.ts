// Lines that cannot be bought (a shop on vacation, a listing sold out or archived): cart, quote and
// place agree. They are in no total, the quote says why for each, and placing is refused in words a
// shopper understands ("… is on vacation", "… is sold out"), with nothing ordered or charged.
import { describe, expect, test } from 'bun:test';
import { domainOf, rejection } from '../../test/expect-error';
import { createProduct, createSeller, createUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { releaseExpiredHolds } from '../inventory/inventory.service';
import { address, expireHolds, ordersOf, quoteAndPlace } from './checkout-test-kit';

const noTax = address({ region: 'OR', city: 'Portland', postalCode: '97201' });

describe('unbuyable cart lines', () => {
  test('a shop on vacation: its line is in no total, named with its reason, and place orders nothing', async () => {
    const away = await createSeller(testDeps(), { flatRateCents: 500, freeOverCents: null, processingDays: 2 });
    const open = await createSeller(testDeps(), { flatRateCents: 700, freeOverCents: null, processingDays: 2 });
    const jug = await createProduct(away, { priceCents: 3000, quantity: 3 });
    const cup = await createProduct(open, { priceCents: 1200, quantity: 3 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: jug.id, quantity: 1 });
    await buyer.caller.cart.addItem({ productId: cup.id, quantity: 1 });
    await away.caller.shops.setVacation({ shopId: away.shopId, on: true, message: 'Away for a while' });

    const quote = await buyer.caller.checkout.quote({ shippingAddress: noTax });
    expect(quote.unavailableItems).toEqual([
      expect.objectContaining({ productId: jug.id, reason: 'shop_away', shopName: away.shop.name }),
    ]);
    expect({ subtotal: quote.subtotalCents, shipping: quote.shippingCents }).toEqual({ subtotal: 1200, shipping: 700 });

    const err = await rejection(quoteAndPlace(buyer, { shippingAddress: noTax }));
    expect(domainOf(err)?.code).toBe('INSUFFICIENT_INVENTORY');
    expect(err.message).toBe(
      `"${jug.title}" can't be bought while ${away.shop.name} is on vacation. Nothing was ordered or charged: update your cart and try again.`,
    );
    expect(await ordersOf(buyer.id)).toEqual([]);
  });

  test('a sold-out line (listing still active) is in no cart or quote total and place says it is sold out', async () => {
    const seller = await createSeller(testDeps(), { flatRateCents: 500, freeOverCents: null, processingDays: 2 });
    const vase = await createProduct(seller, { priceCents: 4000, quantity: 1 });
    const bowl = await createProduct(seller, { priceCents: 1500, quantity: 2 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: vase.id, quantity: 1 });
    await buyer.caller.cart.addItem({ productId: bowl.id, quantity: 1 });
    // The hold lapses and the last one goes elsewhere: the listing stays active with none left.
    await expireHolds([vase.id]);
    await releaseExpiredHolds(testDeps());
    await seller.caller.catalog.updateProduct({ productId: vase.id, quantity: 0 });

    const cart = await buyer.caller.cart.get();
    expect(cart.shops[0]?.items.find((i) => i.productId === vase.id)).toMatchObject({
      listingActive: true,
      available: 0,
    });
    expect({ items: cart.itemTotalCents, shipping: cart.shippingTotalCents }).toEqual({ items: 1500, shipping: 500 });

    const quote = await buyer.caller.checkout.quote({ shippingAddress: noTax });
    expect(quote.unavailableItems).toEqual([expect.objectContaining({ productId: vase.id, reason: 'sold_out' })]);
    expect(quote.subtotalCents).toBe(1500);

    const err = await rejection(quoteAndPlace(buyer, { shippingAddress: noTax }));
    expect(err.message).toStartWith(`"${vase.title}" is sold out.`);
    expect(await ordersOf(buyer.id)).toEqual([]);
  });
});
