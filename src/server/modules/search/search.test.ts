import { beforeAll, describe, expect, test } from 'bun:test';
import { sql } from 'kysely';
import { priceRangeFilter, searchProductsInput } from '../../../shared/schemas/search';
import { rejection } from '../../test/expect-error';
import { testDeps } from '../../test/test-services';
import { waitUntil } from '../../test/wait-until';
import { readCached, searchCacheKey } from './search-cache';
import { ensureSearchIndex } from './search-index';
import { meiliFilter, resolveSearch } from './search-query';
import { ids, search, shopWith, syncSearch } from './search-test-fixtures';

const plain = { description: 'Made in a small studio.', tags: [], materials: [], images: [] };

beforeAll(async () => {
  await ensureSearchIndex(testDeps());
  // Idempotent: applying the settings twice changes nothing and does not fail.
  await ensureSearchIndex(testDeps());
});

describe('search.products on Meilisearch', () => {
  test('synonyms work both ways for two-way groups and one way for narrower terms', async () => {
    const { shopId, products } = await shopWith([
      { ...plain, title: 'Chunky cable sweater', categorySlug: 'scarves' },
      { ...plain, title: 'Fair isle jumper', categorySlug: 'scarves' },
      { ...plain, title: 'Vintage enamel mug', categorySlug: 'mugs' },
      { ...plain, title: 'Retro print mug', categorySlug: 'mugs' },
    ]);
    await syncSearch();
    const [sweater, jumper, vintage, retro] = products.map((p) => p.id);

    const byJumper = await search({ q: 'jumper', shopId });
    expect(byJumper.engine).toBe('meilisearch');
    expect(ids(byJumper.hits).sort()).toEqual([sweater!, jumper!].sort());
    const bySweater = await search({ q: 'sweater', shopId });
    expect(ids(bySweater.hits).sort()).toEqual([sweater!, jumper!].sort());
    expect(ids((await search({ q: 'pullover', shopId })).hits).sort()).toEqual([sweater!, jumper!].sort());

    // "retro" finds vintage listings; "vintage" does not find retro reproductions.
    expect(ids((await search({ q: 'retro', shopId })).hits).sort()).toEqual([vintage!, retro!].sort());
    expect(ids((await search({ q: 'vintage', shopId })).hits)).toEqual([vintage!]);
  });

  test('typos: "neckless" finds necklaces, "sweter" finds sweaters', async () => {
    const { shopId, products } = await shopWith([
      { ...plain, title: 'Silver necklace with moonstone', categorySlug: 'rings' },
      { ...plain, title: 'Lambswool sweater', categorySlug: 'scarves' },
      { ...plain, title: 'Oak chopping board', categorySlug: 'cutting-boards' },
    ]);
    await syncSearch();
    expect(ids((await search({ q: 'neckless', shopId })).hits)).toEqual([products[0]!.id]);
    expect(ids((await search({ q: 'sweter', shopId })).hits)).toEqual([products[1]!.id]);
    // Prefix while typing
    expect(ids((await search({ q: 'neckl', shopId })).hits)).toEqual([products[0]!.id]);
  });

  test('listings matching every word come first; with few of them, partial matches follow and say so', async () => {
    const { shopId, products } = await shopWith([
      { ...plain, title: 'Blue speckled mug', categorySlug: 'plates', tags: ['stoneware'] },
      { ...plain, title: 'Blue linen napkin', categorySlug: 'tea-towels' },
      { ...plain, title: 'Speckled stoneware cup', categorySlug: 'plates' },
    ]);
    await syncSearch();
    const [blueMug, napkin, cup] = products.map((p) => p.id);
    const blueMugs = await search({ q: 'blue mug', shopId });
    expect(ids(blueMugs.hits)[0]).toBe(blueMug!);
    expect(blueMugs.partial).toEqual({ words: ['blue', 'mug'], fullMatches: 1 });
    expect(ids(blueMugs.hits).sort()).toEqual([blueMug!, napkin!, cup!].sort());
    expect(
      ids((await search({ q: 'speckled cup', shopId })).hits)
        .slice(0, 2)
        .sort(),
    ).toEqual([blueMug!, cup!].sort());
    expect(ids((await search({ q: 'blue serviette', shopId })).hits)[0]).toBe(napkin!);
    // No listing has a teapot: the words that find something are shown, and said.
    const teapot = await search({ q: 'blue teapot', shopId });
    expect(teapot.partial).toEqual({ words: ['blue'], fullMatches: 0 });
    expect(ids(teapot.hits).sort()).toEqual([blueMug!, napkin!].sort());
    // Enough full matches: no partial ones.
    expect((await search({ q: 'blue', shopId })).partial).toBeNull();
  });

  test('facet counts equal SQL counts of the same filters, and reflect the other filters', async () => {
    const { shopId } = await shopWith([
      { ...plain, title: 'Garnet ring', categorySlug: 'rings', priceCents: 1500, materials: ['silver'] },
      { ...plain, title: 'Opal ring', categorySlug: 'rings', priceCents: 3000, materials: ['gold'], isVintage: true },
      { ...plain, title: 'Pearl earrings', categorySlug: 'earrings', priceCents: 4500, materials: ['silver'] },
      {
        ...plain,
        title: 'Jet brooch',
        categorySlug: 'brooches',
        priceCents: 12000,
        materials: ['jet'],
        isVintage: true,
      },
      { ...plain, title: 'Wool scarf', categorySlug: 'scarves', priceCents: 2000, materials: ['wool'] },
      { ...plain, title: 'Linen dress', categorySlug: 'dresses', priceCents: 8000, materials: ['linen', 'silver'] },
    ]);
    await syncSearch();
    const db = testDeps().db;
    const sqlCount = async (where: ReturnType<typeof sql>) => {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from products p join categories c on c.id = p.category_id
        left join categories d on d.id = c.parent_id
        where p.shop_id = ${shopId} and p.status = 'active' and p.quantity > p.reserved and ${where}`.execute(db);
      return rows[0]!.n;
    };

    const r = await search({ shopId, category: 'jewelry', materials: ['silver'] });
    expect(r.total).toBe(await sqlCount(sql`d.slug = 'jewelry' and 'silver' = any(p.materials)`));
    expect(r.total).toBe(2);
    // Category counts ignore the category filter but keep the materials filter.
    const cats = Object.fromEntries(r.facets.categories.map((c) => [c.value, c.count]));
    expect(cats).toEqual({
      rings: await sqlCount(sql`c.slug = 'rings' and 'silver' = any(p.materials)`),
      earrings: await sqlCount(sql`c.slug = 'earrings' and 'silver' = any(p.materials)`),
      dresses: await sqlCount(sql`c.slug = 'dresses' and 'silver' = any(p.materials)`),
    });
    expect(r.facets.categories.find((c) => c.value === 'rings')?.label).toBe('Rings');
    // Material counts ignore the materials filter but keep the category filter.
    const mats = Object.fromEntries(r.facets.materials.map((m) => [m.value, m.count]));
    expect(mats).toEqual({
      silver: await sqlCount(sql`d.slug = 'jewelry' and 'silver' = any(p.materials)`),
      gold: await sqlCount(sql`d.slug = 'jewelry' and 'gold' = any(p.materials)`),
      jet: await sqlCount(sql`d.slug = 'jewelry' and 'jet' = any(p.materials)`),
    });
    expect(r.facets.isVintage).toEqual([
      { value: true, count: await sqlCount(sql`d.slug = 'jewelry' and 'silver' = any(p.materials) and p.is_vintage`) },
      {
        value: false,
        count: await sqlCount(sql`d.slug = 'jewelry' and 'silver' = any(p.materials) and not p.is_vintage`),
      },
    ]);

    // Filters combine: vintage jewellery in gold or jet.
    const vintage = await search({ shopId, category: 'jewelry', isVintage: true, materials: ['gold', 'jet'] });
    expect(vintage.total).toBe(2);
    expect(vintage.facets.isVintage).toEqual([
      { value: true, count: 2 },
      { value: false, count: 0 },
    ]);
  });

  test('price-range buckets: from inclusive, to exclusive; the filter bounds are inclusive', async () => {
    const prices = [1, 2499, 2500, 4999, 5000, 9999, 10000];
    const { shopId, products } = await shopWith(
      prices.map((priceCents) => ({ ...plain, title: `Priced item ${priceCents}`, priceCents })),
    );
    await syncSearch();
    const r = await search({ shopId });
    expect(r.facets.priceRanges.map((p) => [p.key, p.fromCents, p.toCents, p.count])).toEqual([
      ['under-25', null, 2500, 2],
      ['25-50', 2500, 5000, 2],
      ['50-100', 5000, 10000, 2],
      ['over-100', 10000, null, 1],
    ]);
    const mid = await search({ shopId, ...priceRangeFilter('25-50'), sort: 'price_asc' });
    expect(mid.hits.map((h) => h.priceCents)).toEqual([2500, 4999]);
    // The price facet ignores the price filter, so other ranges still show their counts.
    expect(mid.facets.priceRanges.map((p) => p.count)).toEqual([2, 2, 2, 1]);
    const exact = await search({ shopId, minPriceCents: 5000, maxPriceCents: 5000 });
    expect(ids(exact.hits)).toEqual([products[4]!.id]);
    const over = await search({ shopId, ...priceRangeFilter('over-100') });
    expect(ids(over.hits)).toEqual([products[6]!.id]);
  });

  test('sorts: price both ways, newest, top rated', async () => {
    const { shopId, products } = await shopWith([
      { ...plain, title: 'Sorted one', priceCents: 3000 },
      { ...plain, title: 'Sorted two', priceCents: 1000 },
      { ...plain, title: 'Sorted three', priceCents: 2000 },
    ]);
    const db = testDeps().db;
    const [a, b, c] = products.map((p) => p.id);
    await db
      .updateTable('products')
      .set({ created_at: sql`now() - interval '3 days'`, rating: 4.7, review_count: 40 })
      .where('id', '=', a!)
      .execute();
    await db
      .updateTable('products')
      .set({ created_at: sql`now() - interval '1 day'`, rating: 3.1, review_count: 10 })
      .where('id', '=', b!)
      .execute();
    await db
      .updateTable('products')
      .set({ created_at: sql`now() - interval '2 days'`, rating: 5, review_count: 1 })
      .where('id', '=', c!)
      .execute();
    await syncSearch();
    expect(ids((await search({ shopId, sort: 'price_asc' })).hits)).toEqual([b!, c!, a!]);
    expect(ids((await search({ shopId, sort: 'price_desc' })).hits)).toEqual([a!, c!, b!]);
    expect(ids((await search({ shopId, sort: 'newest' })).hits)).toEqual([b!, c!, a!]);
    // Top rated is a Bayesian average: forty reviews at 4.7 outrank a single 5.0.
    expect(ids((await search({ shopId, sort: 'top_rated' })).hits)).toEqual([a!, c!, b!]);
    // An explicit sort is strict even with a query.
    expect(ids((await search({ shopId, q: 'sorted', sort: 'price_asc' })).hits)).toEqual([b!, c!, a!]);
  });

  test('pagination: pages are disjoint, cover everything, total is exact', async () => {
    const { shopId, products } = await shopWith(
      Array.from({ length: 7 }, (_, i) => ({ ...plain, title: `Paged listing ${i}`, priceCents: 1000 + i })),
    );
    await syncSearch();
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) => search({ shopId, page, pageSize: 3, sort: 'price_asc' })),
    );
    expect(pages.map((p) => p.hits.length)).toEqual([3, 3, 1, 0]);
    expect(pages.every((p) => p.total === 7 && p.pageSize === 3)).toBe(true);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    expect(pages.flatMap((p) => ids(p.hits))).toEqual(products.map((p) => p.id));
  });

  test('out-of-stock listings are hidden by default; archived ones are never shown', async () => {
    const { seller, shopId, products } = await shopWith([
      { ...plain, title: 'Sold out teapot', quantity: 0 },
      { ...plain, title: 'Archived teapot', quantity: 3 },
      { ...plain, title: 'Available teapot', quantity: 1 },
    ]);
    await seller.caller.catalog.archiveProduct({ productId: products[1]!.id });
    await syncSearch();
    expect(ids((await search({ shopId })).hits)).toEqual([products[2]!.id]);
    const all = await search({ shopId, inStockOnly: false, sort: 'price_asc' });
    expect(ids(all.hits).sort()).toEqual([products[0]!.id, products[2]!.id].sort());
    expect(all.hits.find((h) => h.id === products[0]!.id)?.available).toBe(0);
    const archived = await search({ q: 'archived teapot', shopId, inStockOnly: false });
    expect(ids(archived.hits)).not.toContain(products[1]!.id);
    expect(archived.partial?.fullMatches).toBe(0);
  });

  test('hits are ProductCards', async () => {
    const { shopId, seller, products } = await shopWith([
      { ...plain, title: 'Card shaped', priceCents: 4321, quantity: 4, isVintage: true, images: ['/uploads/a.webp'] },
    ]);
    await syncSearch();
    const r = await search({ shopId });
    expect(r.hits).toEqual([
      {
        id: products[0]!.id,
        title: 'Card shaped',
        priceCents: 4321,
        image: '/uploads/a.webp',
        shopId,
        shopName: seller.shop.name,
        isVintage: true,
        available: 4,
        rating: 0,
        reviewCount: 0,
      },
    ]);
    expect(typeof r.tookMs).toBe('number');
  });

  test('a cached answer is replaced as soon as the drainer syncs a change', async () => {
    const { seller, shopId, products } = await shopWith([{ ...plain, title: 'Cached candle', priceCents: 1200 }]);
    await syncSearch();
    const deps = testDeps();
    const request = resolveSearch(searchProductsInput.parse({ shopId }));
    const inCache = async () => {
      const key = searchCacheKey(deps.store, deps.config.productsIndex, 'p', request);
      return key !== null && (await readCached(deps.store, key)) !== null;
    };
    // This process learns the cache generation on its first searches: search until the answer is cached.
    await waitUntil(async () => (await search({ shopId })).hits[0]?.priceCents === 1200 && (await inCache()), {
      what: 'the answer in the search cache',
    });
    await seller.caller.catalog.updateProduct({ productId: products[0]!.id, priceCents: 1500 });
    await syncSearch();
    expect((await search({ shopId })).hits[0]?.priceCents).toBe(1500);
  });
});

describe('search.products bad input', () => {
  test('clear BAD_REQUEST for every kind of bad input, never a 500', async () => {
    const cases = [
      { q: 'x'.repeat(201) },
      { minPriceCents: -1 },
      { minPriceCents: 5000, maxPriceCents: 4000 },
      { category: 'no-such-category' },
      { category: 'DROP TABLE products' },
      { sort: 'cheapest' },
      { page: 50, pageSize: 24 },
      { pageSize: 1000 },
      { materials: ['wool" OR shopId != 0 OR materials = "x'] },
      { shopId: -3 },
    ];
    for (const input of cases) {
      // biome-ignore lint/suspicious/noExplicitAny: bad input on purpose
      const err = await rejection(search(input as any));
      expect({ input, code: err.code }).toEqual({ input, code: 'BAD_REQUEST' });
    }
    expect((await rejection(search({ q: 'x'.repeat(201) }))).message).toContain('200');
    expect((await rejection(search({ category: 'no-such-category' }))).message).toContain('no-such-category');
    // The last page inside the cap is fine.
    expect((await search({ q: 'zzqxnothing', page: 41, pageSize: 24 })).hits).toEqual([]);
  });

  test('filter injection: quoted values cannot escape their string', async () => {
    const mine = await shopWith([{ ...plain, title: 'Injection target', materials: ['wool'] }]);
    await shopWith([{ ...plain, title: 'Someone else', materials: ['silk'] }]);
    await syncSearch();
    const deps = testDeps();
    // Bypass the input schema on purpose: even a hostile value only ever compares as a string.
    const hostile = resolveSearch({
      shopId: mine.shopId,
      materials: ['wool" OR shopId != 0 OR materials = "x', 'a\\" OR isVintage = false OR "'],
      inStockOnly: true,
      includeOnVacation: false,
      sort: 'relevance',
      page: 1,
      pageSize: 24,
    });
    const res = await deps.meili!.index(deps.config.productsIndex).search('', { filter: meiliFilter(hostile) });
    expect(res.hits).toEqual([]);
    // Text that looks like a filter is just text.
    const r = await search({ q: '" OR shopId > 0 OR "', shopId: mine.shopId });
    expect(r.hits.every((h) => h.shopId === mine.shopId)).toBe(true);
  });
});

describe('search.suggest', () => {
  test('completes tags, categories and shops for a prefix, at most 8', async () => {
    const { seller } = await shopWith([
      { ...plain, title: 'Beaded necklace', categorySlug: 'necklaces', tags: ['necklace', 'beaded necklace'] },
    ]);
    await syncSearch();
    const { caller } = (await import('../../test/factories')).anonymousCaller();
    const { suggestions } = await caller.search.suggest({ q: 'neckl' });
    expect(suggestions.length).toBeLessThanOrEqual(8);
    expect(suggestions).toContainEqual({ text: 'necklace', kind: 'query', value: 'necklace' });
    expect(suggestions).toContainEqual({ text: 'Necklaces & Pendants', kind: 'category', value: 'necklaces' });
    const shopPrefix = seller.shop.name.slice(0, -2);
    const byShop = await caller.search.suggest({ q: shopPrefix });
    expect(byShop.suggestions).toContainEqual({ text: seller.shop.name, kind: 'shop', value: seller.shop.slug });
    expect((await rejection(caller.search.suggest({ q: '' }))).code).toBe('BAD_REQUEST');
  });
});
