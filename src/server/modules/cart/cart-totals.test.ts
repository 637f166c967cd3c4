// Cart totals count only what can be bought: a listing archived after it was added stays in the
// cart (flagged) but leaves the subtotal, and a shop with nothing buyable charges no shipping.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, createUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';

test('an archived listing stays in the cart but not in its totals or shipping', async () => {
  const a = await createSeller(testDeps(), { flatRateCents: 500, freeOverCents: null, processingDays: 2 });
  const b = await createSeller(testDeps(), { flatRateCents: 700, freeOverCents: null, processingDays: 1 });
  const mug = await createProduct(a, { priceCents: 2800, quantity: 5 });
  const bowl = await createProduct(a, { priceCents: 1500, quantity: 3 });
  const vase = await createProduct(b, { priceCents: 4000, quantity: 1 });
  const buyer = await createUser();
  await buyer.caller.cart.addItem({ productId: mug.id, quantity: 1 });
  await buyer.caller.cart.addItem({ productId: bowl.id, quantity: 2 });
  await buyer.caller.cart.addItem({ productId: vase.id, quantity: 1 });

  await a.caller.catalog.archiveProduct({ productId: bowl.id });
  await b.caller.catalog.archiveProduct({ productId: vase.id });
  const cart = await buyer.caller.cart.get();

  const shopA = cart.shops.find((s) => s.shopId === a.shopId)!;
  const shopB = cart.shops.find((s) => s.shopId === b.shopId)!;
  expect(shopA.items.find((i) => i.productId === bowl.id)).toMatchObject({ listingActive: false, quantity: 2 });
  expect(shopA.subtotalCents).toBe(2800);
  expect(shopA.shippingCents).toBe(500);
  expect(shopB.items).toHaveLength(1);
  expect(shopB.subtotalCents).toBe(0);
  expect(shopB.shippingCents).toBe(0);
  expect(cart.itemTotalCents).toBe(2800);
  expect(cart.shippingTotalCents).toBe(500);
});
