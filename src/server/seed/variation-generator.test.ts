import { describe, expect, test } from 'bun:test';
import { setVariationsInput } from '../../shared/schemas/variations';
import { generateCatalogue } from './catalogue-generator';

describe('demo variations', () => {
  test('rings come in sizes, clothing in sizes and colours, jewellery can be engraved; every table is valid', () => {
    const cat = generateCatalogue({ seed: 7, shops: 40, products: 3000 });
    const withExtras = cat.products.filter((p) => p.extras);
    const rings = withExtras.filter((p) => p.leafSlug === 'rings' && p.extras?.variations);
    const clothes = withExtras.filter((p) => p.extras?.variations?.properties.some((x) => x.name === 'Colour'));
    expect(rings.length).toBeGreaterThan(0);
    expect(rings[0]!.extras!.variations!.properties[0]!.name).toBe('Size');
    expect(clothes.length).toBeGreaterThan(0);
    expect(withExtras.some((p) => p.extras?.personalization)).toBe(true);
    expect(withExtras.some((p) => p.extras?.madeToOrder)).toBe(true);
    // Each generated table passes the seller's own validation.
    for (const p of withExtras.filter((x) => x.extras?.variations)) {
      const parsed = setVariationsInput.safeParse({ productId: 1, ...p.extras!.variations! });
      expect(parsed.success).toBe(true);
    }
  });
});
