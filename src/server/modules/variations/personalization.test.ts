import { describe, expect, test } from 'bun:test';
import { domainOf, rejection } from '../../test/expect-error';
import { createProduct, createSeller, createUser } from '../../test/factories';
import { address, quoteAndPlace, stockOf } from '../checkout/checkout-test-kit';

const engraving = { prompt: 'Name to engrave, max 12 letters', maxChars: 12, required: true };

describe('personalisation', () => {
  test('the buyer’s text is checked, kept per line, and reaches the order on both sides', async () => {
    const seller = await createSeller();
    const pendant = await createProduct(seller, { title: 'Stamped pendant', quantity: 5, personalization: engraving });
    const plain = await createProduct(seller, { quantity: 5 });
    const buyer = await createUser();
    const product = await buyer.caller.catalog.product({ productId: pendant.id });
    expect(product.personalization).toEqual(engraving);
    expect((await buyer.caller.catalog.product({ productId: plain.id })).personalization).toBeNull();

    const missing = await rejection(buyer.caller.cart.addItem({ productId: pendant.id, quantity: 1 }));
    expect(missing.code).toBe('BAD_REQUEST');
    expect(domainOf(missing)?.details).toEqual({ field: 'personalization', reason: 'required' });
    const long = await rejection(
      buyer.caller.cart.addItem({ productId: pendant.id, quantity: 1, personalization: 'Bartholomew J.' }),
    );
    expect(domainOf(long)?.details).toEqual({ field: 'personalization', reason: 'too_long' });
    const nul = await rejection(
      buyer.caller.cart.addItem({ productId: pendant.id, quantity: 1, personalization: 'An\u0000na' }),
    );
    expect(nul.code).toBe('BAD_REQUEST');
    expect(nul.message).toContain('personalization');
    const unasked = await rejection(
      buyer.caller.cart.addItem({ productId: plain.id, quantity: 1, personalization: 'Hi' }),
    );
    expect(domainOf(unasked)?.details).toEqual({ field: 'personalization' });
    expect((await buyer.caller.cart.get()).shops).toEqual([]);
    expect(await stockOf(pendant.id)).toMatchObject({ reserved: 0 });

    // Twelve letters fit (counted as characters, not bytes); two texts are two lines, the same text one.
    await buyer.caller.cart.addItem({ productId: pendant.id, quantity: 1, personalization: 'Zoë Åsa Ñora' });
    await buyer.caller.cart.addItem({ productId: pendant.id, quantity: 1, personalization: 'Ben' });
    const cart = await buyer.caller.cart.addItem({ productId: pendant.id, quantity: 1, personalization: ' Ben ' });
    expect(cart.shops[0]!.items.map((i) => [i.personalization, i.quantity])).toEqual([
      ['Zoë Åsa Ñora', 1],
      ['Ben', 2],
    ]);
    expect(await stockOf(pendant.id)).toMatchObject({ reserved: 3 });
    // Changing one line leaves the other alone.
    await buyer.caller.cart.updateQuantity({ productId: pendant.id, personalization: 'Ben', quantity: 1 });
    const after = await buyer.caller.cart.removeItem({ productId: pendant.id, personalization: 'Zoë Åsa Ñora' });
    expect(after.shops[0]!.items.map((i) => [i.personalization, i.quantity])).toEqual([['Ben', 1]]);
    await buyer.caller.cart.addItem({ productId: pendant.id, quantity: 1, personalization: 'Ada' });

    const quote = await buyer.caller.checkout.quote({ shippingAddress: address() });
    expect(quote.shops[0]!.items.map((i) => i.personalization)).toEqual(['Ben', 'Ada']);
    const placed = await quoteAndPlace(buyer);
    const orderId = placed.orders[0]!.orderId;
    const mine = await buyer.caller.orders.byId({ orderId });
    expect(mine.items.map((i) => [i.personalization, i.quantity]).sort()).toEqual([
      ['Ada', 1],
      ['Ben', 1],
    ]);
    const theirs = await seller.caller.orders.forSeller({ orderId });
    expect(theirs.items.map((i) => i.personalization).sort()).toEqual(['Ada', 'Ben']);
    expect(await stockOf(pendant.id)).toMatchObject({ quantity: 3, reserved: 0 });
  });

  test('processing time and made to order: the listing’s own, else the shop’s; bad values name the field', async () => {
    const seller = await createSeller(undefined, { flatRateCents: 500, freeOverCents: null, processingDays: 3 });
    const mug = await createProduct(seller);
    const anyone = await createUser();
    expect((await anyone.caller.catalog.product({ productId: mug.id })).processing).toEqual({
      minDays: 3,
      maxDays: 3,
      madeToOrder: false,
      shopDefault: true,
    });
    await seller.caller.catalog.updateProduct({ productId: mug.id, processing: { minDays: 5, maxDays: 10 } });
    expect((await anyone.caller.catalog.product({ productId: mug.id })).processing).toEqual({
      minDays: 5,
      maxDays: 10,
      madeToOrder: false,
      shopDefault: false,
    });
    const backwards = await rejection(
      seller.caller.catalog.updateProduct({ productId: mug.id, processing: { minDays: 6, maxDays: 2 } }),
    );
    expect(backwards.code).toBe('BAD_REQUEST');
    expect(backwards.message).toContain('processing.maxDays');
    // null: back to the shop's default, which then follows the shop.
    await seller.caller.catalog.updateProduct({ productId: mug.id, processing: null });
    await seller.caller.shops.update({
      shopId: seller.shop.id,
      shippingPolicy: { flatRateCents: 500, freeOverCents: null, processingDays: 4 },
    });
    expect((await anyone.caller.catalog.product({ productId: mug.id })).processing).toEqual({
      minDays: 4,
      maxDays: 4,
      madeToOrder: false,
      shopDefault: true,
    });

    const quilt = await createProduct(seller, {
      title: 'Made-to-measure quilt',
      quantity: 0,
      madeToOrder: true,
      processing: { minDays: 15, maxDays: 25 },
    });
    const seen = await anyone.caller.catalog.product({ productId: quilt.id });
    expect(seen.processing).toEqual({ minDays: 15, maxDays: 25, madeToOrder: true, shopDefault: false });
    // No stock limit: as many as anyone wants (within the cart's own caps).
    await anyone.caller.cart.addItem({ productId: quilt.id, quantity: 40 });
    const cart = await anyone.caller.cart.get();
    expect(cart.shops[0]!.items[0]!.processing).toEqual({ minDays: 15, maxDays: 25, madeToOrder: true });
  });
});
