import { describe, expect, test } from 'bun:test';
import { MADE_TO_ORDER_STOCK } from '../../../shared/variations';
import { rejection } from '../../test/expect-error';
import { createSeller, createUser, productInput } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { variantsOf } from '../inventory/variant-test-kit';

const table = {
  properties: [
    { name: 'Size', values: ['S', 'M'] },
    { name: 'Colour', values: ['Oat', 'Moss'] },
  ],
  combinations: [
    { values: ['S', 'Oat'], priceCents: 8900, quantity: 2, sku: 'S-OAT' },
    { values: ['M', 'Oat'], priceCents: 9400, quantity: 3 },
    { values: ['M', 'Moss'], priceCents: 7000, quantity: 4, enabled: false },
  ],
};

async function listingsOf(shopId: number) {
  return testDeps().db.selectFrom('products').select('id').where('shop_id', '=', shopId).execute();
}

describe('catalog.createProduct with variations (issue 16 item 6)', () => {
  test('a new listing is published with its combination table in one go', async () => {
    const seller = await createSeller();
    const created = await seller.caller.catalog.createProduct({
      ...productInput(seller.shopId, { priceCents: 100, quantity: 99 }),
      variations: table,
    });
    // Price and stock come from the enabled combinations, not the form's single fields.
    expect(created.priceCents).toBe(8900);
    expect(created.priceMaxCents).toBe(9400);
    expect(created.quantity).toBe(5);
    expect(created.variations?.properties).toEqual(table.properties);
    const saved = await seller.caller.catalog.variations({ productId: created.id });
    expect(saved.combinations.map((c) => [c.values, c.priceCents, c.quantity, c.sku, c.enabled])).toEqual([
      [['S', 'Oat'], 8900, 2, 'S-OAT', true],
      [['M', 'Oat'], 9400, 3, '', true],
      [['M', 'Moss'], 7000, 4, '', false],
    ]);
    // A buyer can add a chosen combination straight away.
    const buyer = await createUser();
    const combo = saved.combinations[1]!;
    const cart = await buyer.caller.cart.addItem({ productId: created.id, variantId: combo.id, quantity: 3 });
    expect(cart.shops[0]!.items[0]!.options).toEqual([
      { name: 'Size', value: 'M' },
      { name: 'Colour', value: 'Oat' },
    ]);
  });

  test('made to order: every combination carries the made-to-order stock', async () => {
    const seller = await createSeller();
    const created = await seller.caller.catalog.createProduct({
      ...productInput(seller.shopId, { madeToOrder: true, processing: { minDays: 10, maxDays: 15 } }),
      variations: {
        properties: [table.properties[0]!],
        combinations: [{ values: ['S'], priceCents: 5000, quantity: 0 }],
      },
    });
    const rows = (await variantsOf(created.id)).filter((v) => !v.is_default);
    expect(rows.map((v) => v.quantity)).toEqual([MADE_TO_ORDER_STOCK]);
    expect(created.processing).toEqual({ minDays: 10, maxDays: 15, madeToOrder: true, shopDefault: false });
  });

  test('a bad table names the field and writes nothing, not even the listing', async () => {
    const seller = await createSeller();
    const cases = [
      { ...table, combinations: [...table.combinations, table.combinations[0]!] },
      { ...table, combinations: [{ values: ['XL', 'Oat'], priceCents: 100, quantity: 1 }] },
      { ...table, combinations: [{ values: ['S', 'Oat'], priceCents: -5, quantity: 1 }] },
      { ...table, combinations: [{ values: ['S', 'Oat'], priceCents: 100, quantity: 10_001 }] },
      { ...table, properties: [...table.properties, { name: 'Metal', values: ['Gold'] }] },
      { ...table, combinations: [] },
      {
        properties: [{ name: 'Size\u0000', values: ['S'] }],
        combinations: [{ values: ['S'], priceCents: 1, quantity: 1 }],
      },
    ];
    const paths = [
      'variations.combinations.3',
      'variations.combinations.0.values.0',
      'variations.combinations.0.priceCents',
      'variations.combinations.0.quantity',
      'variations.properties',
      'variations.combinations',
      'variations.properties.0.name',
    ];
    for (const [i, variations] of cases.entries()) {
      const err = await rejection(
        seller.caller.catalog.createProduct({ ...productInput(seller.shopId), variations } as never),
      );
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.message).toContain(paths[i]!);
    }
    expect(await listingsOf(seller.shopId)).toEqual([]);
  });

  test('another seller’s shop is refused and nothing is written there', async () => {
    const owner = await createSeller();
    const intruder = await createSeller();
    const err = await rejection(
      intruder.caller.catalog.createProduct({ ...productInput(owner.shopId), variations: table }),
    );
    expect(err.code).toBe('FORBIDDEN');
    expect(await listingsOf(owner.shopId)).toEqual([]);
  });
});
