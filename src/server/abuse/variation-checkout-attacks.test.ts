// Attacks on checkout of listings with variations and personalisation: the seller changes the
// combination between the buyer's review and place, a buyer names a combination of another
// listing, and 1,000 parallel adds race for one combination's last unit. Each must be refused with
// a clear 4xx and change nothing.
import { describe, expect, test } from 'bun:test';
import { createApp } from '../app';
import { expireHolds, ordersOf, placeInput, stockOf } from '../modules/checkout/checkout-test-kit';
import { stockInvariantBreaks, variantIdOf, variantsOf } from '../modules/inventory/variant-test-kit';
import { domainOf, rejection } from '../test/expect-error';
import { anonymousCaller, createProduct, createSeller, createUser } from '../test/factories';
import { testDeps } from '../test/test-services';
import { callProcedure } from './http-client';

type Seller = Awaited<ReturnType<typeof createSeller>>;

async function ring(seller: Seller, quantity = 3) {
  const product = await createProduct(seller, { title: 'Signet ring', priceCents: 4000, quantity: 1 });
  const table = (sixCents: number, sixOn = true) => ({
    productId: product.id,
    properties: [{ name: 'Size', values: ['6', '7'] }],
    combinations: [
      { values: ['6'], priceCents: sixCents, quantity, enabled: sixOn },
      { values: ['7'], priceCents: 4600, quantity },
    ],
  });
  await seller.caller.catalog.setVariations(table(4200));
  return { product, table, six: await variantIdOf(product.id, '6'), seven: await variantIdOf(product.id, '7') };
}

describe('variation checkout attacks', () => {
  test('a combination repriced or switched off between review and place: refused, no order, stock as it was', async () => {
    const seller = await createSeller();
    const r = await ring(seller);
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: r.product.id, variantId: r.six, quantity: 1 });
    const reviewed = await placeInput(buyer);
    expect(reviewed.quote.totalCents).toBeGreaterThanOrEqual(4200);

    // Cheaper after review is still a different total than the buyer confirmed.
    for (const cents of [9900, 100]) {
      await seller.caller.catalog.setVariations(r.table(cents));
      const err = await rejection(buyer.caller.checkout.place({ ...reviewed, idempotencyKey: crypto.randomUUID() }));
      expect(domainOf(err)?.code).toBe('PRICE_CHANGED');
    }
    await seller.caller.catalog.setVariations(r.table(4200, false));
    const off = await rejection(buyer.caller.checkout.place({ ...reviewed, idempotencyKey: crypto.randomUUID() }));
    expect(off.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(await ordersOf(buyer.id)).toHaveLength(0);
    expect((await variantsOf(r.product.id)).map((v) => v.quantity - v.reserved)).toContain(3);
    expect(await stockInvariantBreaks([r.product.id])).toEqual([]);
  });

  test("another listing's combination, or a forged id, is a 4xx over HTTP in add and update, a no-op in remove", async () => {
    const seller = await createSeller();
    const a = await ring(seller);
    const b = await ring(seller);
    const app = createApp(testDeps());
    for (const path of ['cart.addItem', 'cart.updateQuantity', 'cart.removeItem'])
      for (const variantId of [b.six, 2_147_483_647]) {
        const out = await callProcedure(app, path, 'mutation', { productId: a.product.id, variantId, quantity: 1 }, {});
        // Removing a line the cart does not have is a harmless no-op (200); adding or changing one is refused.
        const refused = path === 'cart.removeItem' ? out.status < 500 : out.status >= 400 && out.status < 500;
        expect({ path, variantId, status: out.status, refused }).toEqual({
          path,
          variantId,
          status: out.status,
          refused: true,
        });
      }
    expect((await stockOf(a.product.id)).reserved).toBe(0);
    expect((await stockOf(b.product.id)).reserved).toBe(0);
  });

  test('1,000 parallel adds of the last unit of one combination: exactly one cart holds it', async () => {
    const seller = await createSeller();
    const r = await ring(seller, 1);
    const buyers = Array.from({ length: 1000 }, () => anonymousCaller().caller);
    const results = await Promise.allSettled(
      buyers.map((c) => c.cart.addItem({ productId: r.product.id, variantId: r.six, quantity: 1 })),
    );
    const failures = results.filter((x) => x.status === 'rejected') as PromiseRejectedResult[];
    expect(results.length - failures.length).toBe(1);
    expect(failures.filter((f) => (f.reason as { code?: string }).code === 'INTERNAL_SERVER_ERROR')).toEqual([]);
    const six = (await variantsOf(r.product.id)).find((v) => v.id === r.six)!;
    expect({ quantity: six.quantity, reserved: six.reserved }).toEqual({ quantity: 1, reserved: 1 });
    expect(await stockInvariantBreaks([r.product.id])).toEqual([]);
    await expireHolds([r.product.id]);
  }, 120_000);
});
