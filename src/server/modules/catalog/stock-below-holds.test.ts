// A seller cannot set a listing's quantity below what shoppers' carts hold. The refusal is shown
// to the seller as written, so it must read as English: "1 is held", "2 are held", with the curly
// apostrophe the rest of the app uses (it used to say "1 are held in shoppers' carts").
import { describe, expect, test } from 'bun:test';
import { rejection } from '../../test/expect-error';
import { createProduct, createSeller, createUser } from '../../test/factories';
import { stockOf } from '../checkout/checkout-test-kit';

describe('quantity below what carts hold', () => {
  test('one unit held: "1 is held in shoppers’ carts", and the stock is unchanged', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 3 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 1 });
    const err = await rejection(seller.caller.catalog.updateProduct({ productId: product.id, quantity: 0 }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe('1 is held in shoppers’ carts; quantity cannot go below that.');
    expect(await stockOf(product.id)).toMatchObject({ quantity: 3, reserved: 1 });
  });

  test('several units held: "2 are held in shoppers’ carts"', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { quantity: 3 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 2 });
    const err = await rejection(seller.caller.catalog.updateProduct({ productId: product.id, quantity: 1 }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe('2 are held in shoppers’ carts; quantity cannot go below that.');
    expect(await stockOf(product.id)).toMatchObject({ quantity: 3, reserved: 2 });
  });
});
