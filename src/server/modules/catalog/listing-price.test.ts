// A listing, and each of its combinations, costs at least a cent: $0.00 is refused when a listing is
// created, edited, published with variations or given a new combination table, with a message a
// seller understands and nothing written. A cent, the smallest price, is accepted.
import { describe, expect, test } from 'bun:test';
import type { TRPCError } from '@trpc/server';
import { rejection } from '../../test/expect-error';
import { createProduct, createSeller, productInput } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { errorData } from '../../trpc/error-mapper';
import { variantsOf } from '../inventory/variant-test-kit';

const ZERO = 'Enter a price above $0.00.';

/** The field errors the form reads from a refusal. */
const fieldErrorsOf = (err: TRPCError) => errorData(err).fieldErrors ?? {};

async function listingRow(productId: number) {
  return testDeps()
    .db.selectFrom('products')
    .select(['price_cents', 'quantity', 'updated_at'])
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
}

async function listingCount(shopId: number) {
  return (await testDeps().db.selectFrom('products').select('id').where('shop_id', '=', shopId).execute()).length;
}

describe('a listing costs at least $0.01', () => {
  test('createProduct at $0.00, alone or with a $0.00 combination, is refused and creates nothing', async () => {
    const seller = await createSeller();
    const free = await rejection(seller.caller.catalog.createProduct(productInput(seller.shopId, { priceCents: 0 })));
    expect(free.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(free)).toEqual({ priceCents: [ZERO] });

    const freeCombination = await rejection(
      seller.caller.catalog.createProduct({
        ...productInput(seller.shopId, { priceCents: 4000 }),
        variations: {
          properties: [{ name: 'Size', values: ['S', 'M'] }],
          combinations: [
            { values: ['S'], priceCents: 4000, quantity: 1 },
            { values: ['M'], priceCents: 0, quantity: 1 },
          ],
        },
      }),
    );
    expect(freeCombination.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(freeCombination)).toEqual({ 'variations.combinations.1.priceCents': [ZERO] });
    expect(await listingCount(seller.shopId)).toBe(0);

    // The smallest price there is sells.
    const penny = await createProduct(seller, { priceCents: 1 });
    expect(penny.priceCents).toBe(1);
  });

  test('updateProduct to $0.00 is refused and leaves the listing, its price and its date alone', async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { priceCents: 2400, quantity: 3 });
    const before = await listingRow(mug.id);
    const err = await rejection(seller.caller.catalog.updateProduct({ productId: mug.id, priceCents: 0, quantity: 5 }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(err)).toEqual({ priceCents: [ZERO] });
    expect(await listingRow(mug.id)).toEqual(before);
    expect((await seller.caller.catalog.product({ productId: mug.id })).priceCents).toBe(2400);
  });

  test('setVariations with a $0.00 combination is refused and keeps the saved table', async () => {
    const seller = await createSeller();
    const apron = await createProduct(seller, { priceCents: 4000, quantity: 3 });
    const table = {
      productId: apron.id,
      properties: [{ name: 'Size', values: ['S', 'M'] }],
      combinations: [
        { values: ['S'], priceCents: 4000, quantity: 2 },
        { values: ['M'], priceCents: 4200, quantity: 1 },
      ],
    };
    await seller.caller.catalog.setVariations(table);
    const variants = await variantsOf(apron.id);
    const listing = await listingRow(apron.id);

    const err = await rejection(
      seller.caller.catalog.setVariations({
        ...table,
        combinations: [table.combinations[0]!, { values: ['M'], priceCents: 0, quantity: 1 }],
      }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(err)).toEqual({ 'combinations.1.priceCents': [ZERO] });
    expect(await variantsOf(apron.id)).toEqual(variants);
    expect(await listingRow(apron.id)).toEqual(listing);
    const shown = await seller.caller.catalog.product({ productId: apron.id });
    expect([shown.priceCents, shown.priceMaxCents]).toEqual([4000, 4200]);
  });
});
