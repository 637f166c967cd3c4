// Availability has one rule (src/shared/availability.ts): an archived listing offers nothing,
// wherever it is read. catalog.product used to report its stock as available.
import { describe, expect, test } from 'bun:test';
import { anonymousCaller, createProduct, createSeller } from '../../test/factories';
import { testDeps } from '../../test/test-services';

describe('archived listings report no stock', () => {
  test('catalog.product and catalog.availability say 0 available once archived, and again on restore', async () => {
    const deps = testDeps();
    const seller = await createSeller(deps);
    const product = await createProduct(seller, { quantity: 4 });
    const { caller } = anonymousCaller(deps);
    expect((await caller.catalog.product({ productId: product.id })).available).toBe(4);

    await seller.caller.catalog.archiveProduct({ productId: product.id });
    const archived = await caller.catalog.product({ productId: product.id });
    expect(archived.status).toBe('archived');
    expect(archived.quantity).toBe(4);
    expect(archived.available).toBe(0);
    expect((await caller.catalog.availability({ productId: product.id })).available).toBe(0);

    await seller.caller.catalog.restoreProduct({ productId: product.id });
    expect((await caller.catalog.product({ productId: product.id })).available).toBe(4);
  });
});
