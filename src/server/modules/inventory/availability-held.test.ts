// catalog.availability tells a held item from a sold-out one: a one-of-a-kind piece in another
// shopper's cart reads "held" with the time the hold runs out, never "sold out"; the seller is
// told it is their own listing.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, createUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';

test("an item in someone else's cart is 'held' until their hold runs out, not sold out", async () => {
  const seller = await createSeller();
  const vase = await createProduct(seller, { quantity: 1 });
  const holder = await createUser();
  const other = await createUser();
  const before = Date.now();
  await holder.caller.cart.addItem({ productId: vase.id, quantity: 1 });

  const seen = await other.caller.catalog.availability({ productId: vase.id });
  expect(seen).toMatchObject({ available: 0, status: 'held', heldByOthers: 1, canAddMore: false, ownListing: false });
  const releaseIn = new Date(seen.nextReleaseAt!).getTime() - before;
  expect(releaseIn).toBeGreaterThan((testDeps().config.holdMinutes - 1) * 60_000);
  expect(releaseIn).toBeLessThanOrEqual(testDeps().config.holdMinutes * 60_000 + 5_000);

  // The holder sees it in their own cart, not held by someone else.
  expect(await holder.caller.catalog.availability({ productId: vase.id })).toMatchObject({
    inCart: 1,
    heldByOthers: 0,
    status: 'sold_out',
    nextReleaseAt: null,
  });
  // The seller sees their own listing.
  expect(await seller.caller.catalog.availability({ productId: vase.id })).toMatchObject({ ownListing: true });
});

test("bought out is 'sold_out' with no release time; archived is 'unavailable'", async () => {
  const seller = await createSeller();
  const gone = await createProduct(seller, { quantity: 0 });
  const archived = await createProduct(seller, { quantity: 3 });
  await seller.caller.catalog.archiveProduct({ productId: archived.id });
  const shopper = await createUser();
  expect(await shopper.caller.catalog.availability({ productId: gone.id })).toMatchObject({
    status: 'sold_out',
    nextReleaseAt: null,
    heldByOthers: 0,
  });
  expect(await shopper.caller.catalog.availability({ productId: archived.id })).toMatchObject({
    status: 'unavailable',
    available: 0,
  });
});
