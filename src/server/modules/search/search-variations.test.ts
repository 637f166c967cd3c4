// Search sees variations (issue 16 item 3): a listing is found by its variation values, the
// Colour facet counts and filters by them, price sort and facet use the "from" price, and a
// listing is in stock while any combination is; both engines answer alike.
import { beforeAll, describe, expect, test } from 'bun:test';
import type { SearchProductsInput } from '../../../shared/schemas/search';
import { createProduct, createSeller, createUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { ensureSearchIndex } from './search-index';
import { depsWithUnreachableMeili, ids, search, syncSearch } from './search-test-fixtures';

let shopId = 0;
const listing = { jumper: 0, ring: 0, scarf: 0 };
let seller: Awaited<ReturnType<typeof createSeller>>;

beforeAll(async () => {
  await ensureSearchIndex(testDeps());
  seller = await createSeller();
  shopId = seller.shopId;
  const base = { description: 'Made in a small studio.', tags: [], materials: [], images: [] };
  const jumper = await createProduct(seller, {
    ...base,
    title: 'Lambswool jumper',
    categorySlug: 'sweaters',
    priceCents: 9000,
  });
  await seller.caller.catalog.setVariations({
    productId: jumper.id,
    properties: [
      { name: 'Size', values: ['S', 'M'] },
      { name: 'Colour', values: ['Mustard', 'Forest Green'] },
    ],
    combinations: [
      { values: ['S', 'Mustard'], priceCents: 2400, quantity: 1 },
      { values: ['M', 'Forest Green'], priceCents: 3100, quantity: 2 },
    ],
  });
  const ring = await createProduct(seller, {
    ...base,
    title: 'Stacking ring',
    categorySlug: 'rings',
    priceCents: 2600,
  });
  await seller.caller.catalog.setVariations({
    productId: ring.id,
    properties: [{ name: 'Metal', values: ['Rose gold', 'Silver'] }],
    combinations: [
      { values: ['Rose gold'], priceCents: 2600, quantity: 0 },
      { values: ['Silver'], priceCents: 2800, quantity: 1 },
    ],
  });
  const scarf = await createProduct(seller, {
    ...base,
    title: 'Mohair scarf',
    categorySlug: 'scarves',
    priceCents: 2500,
  });
  await seller.caller.catalog.setVariations({
    productId: scarf.id,
    properties: [{ name: 'Color', values: ['Mustard'] }],
    combinations: [{ values: ['Mustard'], priceCents: 2500, quantity: 3 }],
  });
  Object.assign(listing, { jumper: jumper.id, ring: ring.id, scarf: scarf.id });
  await syncSearch();
});

async function bothEngines(input: SearchProductsInput) {
  const down = await depsWithUnreachableMeili();
  const meili = await search({ ...input, shopId });
  const pg = await search({ ...input, shopId }, down);
  expect(meili.engine).toBe('meilisearch');
  expect(pg.engine).toBe('postgres');
  return { meili, pg };
}

describe('search with variations', () => {
  test('variation values are searchable and a Colour facet counts and filters them', async () => {
    for (const r of Object.values(await bothEngines({ q: 'rose gold' }))) expect(ids(r.hits)).toEqual([listing.ring]);
    for (const r of Object.values(await bothEngines({ q: 'forest green' })))
      expect(ids(r.hits)).toEqual([listing.jumper]);
    const all = await bothEngines({});
    for (const r of Object.values(all))
      expect(r.facets.colours).toEqual([
        { value: 'mustard', count: 2 },
        { value: 'forest green', count: 1 },
      ]);
    for (const r of Object.values(await bothEngines({ colours: ['forest green'], sort: 'price_asc' })))
      expect(ids(r.hits)).toEqual([listing.jumper]);
    for (const r of Object.values(await bothEngines({ colours: ['mustard'], sort: 'price_asc' })))
      expect(ids(r.hits)).toEqual([listing.jumper, listing.scarf]);
  });

  test('price sort and facet use the "from" price; cards say so', async () => {
    for (const r of Object.values(await bothEngines({ sort: 'price_asc' }))) {
      expect(ids(r.hits)).toEqual([listing.jumper, listing.scarf, listing.ring]);
      expect(r.hits[0]).toMatchObject({ priceCents: 2400 });
    }
    for (const r of Object.values(await bothEngines({ sort: 'price_asc' }))) {
      expect(r.hits[0]?.priceMaxCents).toBe(3100);
      expect(r.hits[1]).not.toHaveProperty('priceMaxCents');
    }
    for (const r of Object.values(await bothEngines({ maxPriceCents: 2499 })))
      expect(ids(r.hits)).toEqual([listing.jumper]);
  });

  test('a listing is in stock while any combination is', async () => {
    // The ring's rose gold is sold out, its silver not: in stock. Selling the silver takes it out.
    for (const r of Object.values(await bothEngines({ q: 'ring' }))) expect(ids(r.hits)).toEqual([listing.ring]);
    const buyer = await createUser();
    const silver = (await seller.caller.catalog.variations({ productId: listing.ring })).combinations.find(
      (c) => c.values[0] === 'Silver',
    )!;
    await buyer.caller.cart.addItem({ productId: listing.ring, variantId: silver.id, quantity: 1 });
    await syncSearch();
    for (const r of Object.values(await bothEngines({ q: 'ring' }))) expect(r.hits).toEqual([]);
    for (const r of Object.values(await bothEngines({ q: 'ring', inStockOnly: false })))
      expect(ids(r.hits)).toEqual([listing.ring]);
  });
});
