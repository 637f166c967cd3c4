import { describe, expect, test } from 'bun:test';
import type { SetVariationsInputRaw } from '../../../shared/schemas/variations';
import { domainOf, rejection } from '../../test/expect-error';
import { createProduct, createSeller, createUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { stockOf } from '../checkout/checkout-test-kit';
import { releaseExpiredHolds } from '../inventory/inventory.service';
import { stockInvariantBreaks, variantsOf } from '../inventory/variant-test-kit';

const jumper = (productId: number): SetVariationsInputRaw => ({
  productId,
  properties: [
    { name: 'Size', values: ['S', 'M', 'L'] },
    { name: 'Colour', values: ['Oat', 'Moss'] },
  ],
  combinations: [
    { values: ['S', 'Oat'], priceCents: 8900, quantity: 2, sku: 'JMP-S-OAT' },
    { values: ['M', 'Oat'], priceCents: 8900, quantity: 3 },
    { values: ['L', 'Moss'], priceCents: 9400, quantity: 1, enabled: false },
  ],
});

async function snapshot(productId: number) {
  const product = await testDeps()
    .db.selectFrom('products')
    .select(['variation_properties', 'price_cents', 'price_max_cents', 'quantity', 'reserved'])
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
  return { product, variants: await variantsOf(productId) };
}

describe('catalog.setVariations', () => {
  test('the seller sets properties and a combination table; the listing reads it back and prices from the cheapest', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { priceCents: 5000, quantity: 4 });
    const saved = await seller.caller.catalog.setVariations(jumper(product.id));
    expect(saved.properties).toEqual(jumper(product.id).properties);
    expect(saved.combinations.map((c) => [c.values, c.priceCents, c.quantity, c.sku, c.enabled])).toEqual([
      [['S', 'Oat'], 8900, 2, 'JMP-S-OAT', true],
      [['M', 'Oat'], 8900, 3, '', true],
      [['L', 'Moss'], 9400, 1, '', false],
    ]);
    expect(await seller.caller.catalog.variations({ productId: product.id })).toEqual(saved);
    // Enabled combinations only: 2 + 3 units from $89; the switched-off one neither counts nor prices.
    expect((await snapshot(product.id)).product).toMatchObject({
      quantity: 5,
      price_cents: 8900,
      price_max_cents: null,
    });

    // Bulk edit: all to $95 and 6 each; one value renamed (Oat -> Oatmeal) replaces its rows.
    const next = jumper(product.id);
    next.properties[1]!.values = ['Oatmeal', 'Moss'];
    next.combinations = next.combinations.map((c) => ({
      ...c,
      values: [c.values[0]!, c.values[1] === 'Oat' ? 'Oatmeal' : c.values[1]!],
      priceCents: 9500,
      quantity: 6,
      enabled: true,
    }));
    const again = await seller.caller.catalog.setVariations(next);
    expect(again.combinations.map((c) => c.values.join('/'))).toEqual(['S/Oatmeal', 'M/Oatmeal', 'L/Moss']);
    expect((await snapshot(product.id)).product).toMatchObject({ quantity: 18, price_cents: 9500 });

    // The plain price and quantity cannot be edited any more: they are per combination.
    const plain = await rejection(seller.caller.catalog.updateProduct({ productId: product.id, quantity: 3 }));
    expect(plain.code).toBe('BAD_REQUEST');
    expect(domainOf(plain)?.details).toEqual({ field: 'quantity' });

    // Variations off: the listing's own combination sells again, with its old price and stock.
    await seller.caller.catalog.setVariations({ productId: product.id, properties: [], combinations: [] });
    expect((await snapshot(product.id)).product).toMatchObject({ quantity: 4, price_cents: 5000, reserved: 0 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 1 });
    expect(await stockInvariantBreaks([product.id])).toEqual([]);
  });

  test('bad tables are refused naming the field, and nothing is written', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller);
    await seller.caller.catalog.setVariations(jumper(product.id));
    const before = await snapshot(product.id);
    const base = jumper(product.id);
    const cases: [string, SetVariationsInputRaw, string][] = [
      [
        'unknown value',
        { ...base, combinations: [{ values: ['XL', 'Oat'], priceCents: 100, quantity: 1 }] },
        'combinations.0.values.0: “XL” is not one of the values of Size.',
      ],
      [
        'duplicate combination',
        {
          ...base,
          combinations: [
            { values: ['S', 'Oat'], priceCents: 100, quantity: 1 },
            { values: ['S', 'Oat'], priceCents: 200, quantity: 1 },
          ],
        },
        'combinations.1: Duplicate combination Size: S · Colour: Oat.',
      ],
      [
        'three properties',
        { ...base, properties: [...base.properties, { name: 'Metal', values: ['Gold'] }] },
        'properties: A listing can vary on at most 2 properties.',
      ],
      [
        'over 70 combinations',
        {
          ...base,
          properties: [
            { name: 'Size', values: Array.from({ length: 9 }, (_, i) => `${i + 4}`) },
            { name: 'Metal', values: Array.from({ length: 8 }, (_, i) => `Metal ${i}`) },
          ],
          combinations: Array.from({ length: 72 }, (_, i) => ({
            values: [`${(i % 9) + 4}`, `Metal ${Math.floor(i / 9)}`],
            priceCents: 100,
            quantity: 1,
          })),
        },
        'combinations: A listing can have at most 70 combinations.',
      ],
      [
        'negative price',
        { ...base, combinations: [{ values: ['S', 'Oat'], priceCents: -1, quantity: 1 }] },
        'combinations.0.priceCents',
      ],
      [
        'absurd price',
        { ...base, combinations: [{ values: ['S', 'Oat'], priceCents: 1e12, quantity: 1 }] },
        'combinations.0.priceCents',
      ],
      [
        'absurd quantity',
        { ...base, combinations: [{ values: ['S', 'Oat'], priceCents: 100, quantity: 1e9 }] },
        'combinations.0.quantity: Quantity must be at most 10,000',
      ],
      [
        'fractional quantity',
        { ...base, combinations: [{ values: ['S', 'Oat'], priceCents: 100, quantity: 1.5 }] },
        'combinations.0.quantity: Quantity must be a whole number',
      ],
      [
        'one value for two properties',
        { ...base, combinations: [{ values: ['S'], priceCents: 100, quantity: 1 }] },
        'combinations.0.values: Give one value for each of Size and Colour.',
      ],
      [
        'a value named twice',
        { ...base, properties: [{ name: 'Size', values: ['S', 's'] }], combinations: [] },
        'properties.0.values.1: “s” is listed twice.',
      ],
      [
        'NUL byte in a value',
        {
          ...base,
          properties: [{ name: 'Size', values: ['S\u0000'] }],
          combinations: [{ values: ['S\u0000'], priceCents: 1, quantity: 1 }],
        },
        'properties.0.values.0',
      ],
      [
        'combinations without properties',
        { ...base, properties: [] },
        'combinations: Combinations need at least one property',
      ],
    ];
    for (const [what, input, message] of cases) {
      const err = await rejection(seller.caller.catalog.setVariations(input));
      expect({ what, code: err.code }).toEqual({ what, code: 'BAD_REQUEST' });
      expect({ what, message: err.message }).toEqual({ what, message: expect.stringContaining(message) });
    }
    expect(await snapshot(product.id)).toEqual(before);
  });

  test('a quantity below what carts hold is refused; another seller cannot touch the table', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller);
    const saved = await seller.caller.catalog.setVariations(jumper(product.id));
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: product.id, variantId: saved.combinations[1]!.id, quantity: 2 });
    let before = await snapshot(product.id);

    const input = jumper(product.id);
    input.combinations[1]!.quantity = 1;
    const low = await rejection(seller.caller.catalog.setVariations(input));
    expect(low.code).toBe('CONFLICT');
    expect(domainOf(low)?.details).toEqual({ field: 'combinations.1.quantity', reserved: 2 });
    expect(low.message).toBe('2 of this combination are held in shoppers’ carts; its quantity cannot go below that.');
    expect(await snapshot(product.id)).toEqual(before);

    // One unit held reads in the singular.
    await buyer.caller.cart.addItem({ productId: product.id, variantId: saved.combinations[0]!.id, quantity: 1 });
    before = await snapshot(product.id);
    const single = jumper(product.id);
    single.combinations[0]!.quantity = 0;
    const one = await rejection(seller.caller.catalog.setVariations(single));
    expect(one.message).toBe('1 of this combination is held in shoppers’ carts; its quantity cannot go below that.');

    const other = await createSeller();
    const stolen = await rejection(other.caller.catalog.setVariations(jumper(product.id)));
    expect(stolen.code).toBe('FORBIDDEN');
    expect((await rejection(other.caller.catalog.variations({ productId: product.id }))).code).toBe('FORBIDDEN');
    expect(await snapshot(product.id)).toEqual(before);
    expect(await stockOf(product.id)).toMatchObject({ reserved: 3 });
  });
});

describe('a property removed from the table (decision 0196)', () => {
  // The editor starts "S" with what "S / Red" and "S / Blue" had (3 + 2) instead of 0. The units a
  // cart held of "S / Red" are among those 5 on the shelf; its line names a combination no longer
  // offered, so it cannot be bought, and the listing never sells more than the 5 there are.
  test('the merged combination sells the stock carried over, and a hold on a merged one sells nothing more', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { priceCents: 2000, quantity: 1 });
    const saved = await seller.caller.catalog.setVariations({
      productId: product.id,
      properties: [
        { name: 'Size', values: ['S', 'M'] },
        { name: 'Colour', values: ['Red', 'Blue'] },
      ],
      combinations: [
        { values: ['S', 'Red'], priceCents: 2000, quantity: 3 },
        { values: ['S', 'Blue'], priceCents: 2000, quantity: 2 },
        { values: ['M', 'Red'], priceCents: 2000, quantity: 1 },
        { values: ['M', 'Blue'], priceCents: 2000, quantity: 0 },
      ],
    });
    const early = await createUser();
    await early.caller.cart.addItem({ productId: product.id, variantId: saved.combinations[0]!.id, quantity: 1 });

    const merged = await seller.caller.catalog.setVariations({
      productId: product.id,
      properties: [{ name: 'Size', values: ['S', 'M'] }],
      combinations: [
        { values: ['S'], priceCents: 2000, quantity: 5 },
        { values: ['M'], priceCents: 2000, quantity: 1 },
      ],
    });
    expect(merged.combinations.map((c) => [c.values, c.quantity, c.reserved, c.enabled])).toEqual([
      [['S'], 5, 0, true],
      [['M'], 1, 0, true],
    ]);
    const s = merged.combinations[0]!.id;
    expect(await stockInvariantBreaks([product.id])).toEqual([]);

    // Another shopper can take all five S, and not a sixth.
    const late = await createUser();
    await late.caller.cart.addItem({ productId: product.id, variantId: s, quantity: 5 });
    const sixth = await rejection(late.caller.cart.addItem({ productId: product.id, variantId: s, quantity: 1 }));
    expect(domainOf(sixth)?.code).toBe('INSUFFICIENT_INVENTORY');
    // The early shopper's "S / Red" is in no total and cannot be ordered.
    const cart = await early.caller.cart.get();
    expect(cart.shops[0]?.items[0]).toMatchObject({ listingActive: false, available: 0 });
    expect(cart.itemTotalCents).toBe(0);
    const again = await rejection(
      early.caller.cart.addItem({ productId: product.id, variantId: saved.combinations[0]!.id, quantity: 1 }),
    );
    expect(again.code).toBe('BAD_REQUEST');

    // Its hold lapses: the unit goes back to "S / Red", off sale, and still no sixth S can be had.
    await testDeps()
      .db.updateTable('cart_items')
      .set({ hold_expires_at: new Date(Date.now() - 60_000) })
      .where('variant_id', '=', saved.combinations[0]!.id)
      .execute();
    await releaseExpiredHolds(testDeps());
    expect(await stockOf(product.id)).toMatchObject({ quantity: 6, reserved: 5 });
    const stillNot = await rejection(late.caller.cart.addItem({ productId: product.id, variantId: s, quantity: 1 }));
    expect(domainOf(stillNot)?.code).toBe('INSUFFICIENT_INVENTORY');
    expect(await stockInvariantBreaks([product.id])).toEqual([]);
  });
});

describe('seller tables with variations', () => {
  test('the listings table shows total stock and low combinations; the low-stock alert is per combination', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: 'Stacking ring' });
    await seller.caller.catalog.setVariations({
      productId: product.id,
      properties: [
        { name: 'Size', values: ['6', '7'] },
        { name: 'Metal', values: ['Silver', 'Gold'] },
      ],
      combinations: [
        { values: ['6', 'Silver'], priceCents: 3000, quantity: 1 },
        { values: ['7', 'Silver'], priceCents: 3000, quantity: 10 },
        { values: ['6', 'Gold'], priceCents: 7000, quantity: 0 },
        { values: ['7', 'Gold'], priceCents: 7000, quantity: 0, enabled: false },
      ],
    });
    const row = (await seller.caller.seller.listings({ shopId: seller.shopId })).items.find(
      (i) => i.id === product.id,
    )!;
    expect(row).toMatchObject({
      quantity: 11,
      available: 11,
      priceCents: 3000,
      priceMaxCents: 7000,
      combinations: 3,
      lowCombinations: [
        { label: '6 / Gold', available: 0 },
        { label: '6 / Silver', available: 1 },
      ],
    });
    const dashboard = await seller.caller.seller.dashboard({ shopId: seller.shopId });
    expect(dashboard.lowStock.filter((l) => l.productId === product.id).map((l) => [l.options, l.available])).toEqual([
      [
        [
          { name: 'Size', value: '6' },
          { name: 'Metal', value: 'Gold' },
        ],
        0,
      ],
      [
        [
          { name: 'Size', value: '6' },
          { name: 'Metal', value: 'Silver' },
        ],
        1,
      ],
    ]);
  });
});
