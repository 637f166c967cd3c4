import { describe, expect, test } from 'bun:test';
import type { FeedHomeDto } from '../../../shared/schemas/feed';
import { refreshTrending } from '../../jobs/trending-refresh';
import { rejection } from '../../test/expect-error';
import { anonymousCaller, createProduct, createSeller, createUser, unique } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { waitUntil } from '../../test/wait-until';
import { createOrderFixture } from '../reviews/test-orders';
import { HOME_FEED_TTL_SECONDS, writeHomeFeed } from './feed-cache';
import { VIEW_HISTORY_PER_USER } from './product-views.repository';
import { tryTrendingLock } from './trending.repository';

const allIds = (feed: FeedHomeDto) => feed.sections.flatMap((s) => s.products.map((p) => p.id));

// Teapots: a category no other test file lists in, so look-alikes from elsewhere cannot crowd these out.
const ceramic = { categorySlug: 'teapots', materials: ['ceramic', 'stoneware'], tags: ['teapot', 'handmade'] };
const jewellery = {
  categorySlug: 'necklaces',
  materials: ['silver'],
  tags: ['pendant'],
  description: 'Sterling silver pendant',
};

describe('feed.home', () => {
  test('a shopper who favourites ceramics sees ceramics, saying why, and not the favourite itself', async () => {
    const potter = await createSeller();
    const jeweller = await createSeller();
    const favourite = await createProduct(potter, { ...ceramic, title: `Speckled teapot ${unique()}` });
    const similar = await Promise.all(
      [2400, 3000, 3600].map((priceCents) => createProduct(potter, { ...ceramic, priceCents })),
    );
    const necklaces = await Promise.all([1, 2].map(() => createProduct(jeweller, { ...jewellery, priceCents: 2800 })));

    const shopper = await createUser();
    await shopper.caller.favorites.toggleProduct({ productId: favourite.id });
    const feed = await shopper.caller.feed.home();

    expect(feed.personal).toBe(true);
    const because = feed.sections.find((s) => s.key === `because-favorited:${favourite.id}`);
    expect(because?.title).toBe(`Because you favourited ${favourite.title}`);
    expect(because?.reason.length).toBeGreaterThan(10);
    const shown = because?.products.map((p) => p.id) ?? [];
    for (const p of similar) expect(shown).toContain(p.id);
    expect(shown).not.toContain(favourite.id);
    for (const n of necklaces) expect(shown).not.toContain(n.id);
    expect(allIds(feed)).not.toContain(favourite.id);
    for (const section of feed.sections) expect(section.reason).toBeTruthy();
  });

  test('cold start: a new shopper and a signed-out visitor get "Trending now", most popular first', async () => {
    const seller = await createSeller();
    const hot = await createProduct(seller, { title: `Hot item ${unique()}` });
    const warm = await createProduct(seller, { title: `Warm item ${unique()}` });
    const cold = await createProduct(seller, { title: `Cold item ${unique()}` });
    const fans = await Promise.all(Array.from({ length: 6 }, () => createUser()));
    for (const fan of fans.slice(0, 5)) await fan.caller.favorites.toggleProduct({ productId: hot.id });
    await createOrderFixture(testDeps(), fans[5]!.id, [{ productId: hot.id, quantity: 1 }], { status: 'paid' });
    await fans[0]!.caller.favorites.toggleProduct({ productId: warm.id });
    // A signed-out visit before the refresh caches the shared anonymous feed; the refresh must drop it.
    await anonymousCaller().caller.feed.home();
    const refreshed = await refreshTrending(testDeps(), { minAgeMs: 0 });
    expect(refreshed.status).toBe('refreshed');

    const newcomer = await createUser();
    const feed = await newcomer.caller.feed.home();
    expect(feed.personal).toBe(false);
    expect(feed.sections.map((s) => s.key)).toEqual(['trending']);
    const ids = feed.sections[0]!.products.map((p) => p.id);
    expect(ids).not.toContain(cold.id);
    // Most popular first, whatever other test files made popular in this run: the first card is
    // the top-scored listing that can be shown (active, in stock; other files sell theirs out), and
    // this test's own listings rank by their signals.
    const top = await testDeps()
      .db.selectFrom('trending_products as t')
      .innerJoin('products as p', 'p.id', 't.product_id')
      .select('t.score')
      .where('p.status', '=', 'active')
      .whereRef('p.quantity', '>', 'p.reserved')
      .orderBy('t.score', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const rows = await testDeps()
      .db.selectFrom('trending_products')
      .select(['product_id', 'score'])
      .where('product_id', 'in', [...ids, hot.id, warm.id, cold.id])
      .execute();
    const score = new Map(rows.map((r) => [r.product_id, r.score]));
    expect(score.get(ids[0]!)).toBe(top.score);
    for (let i = 1; i < ids.length; i++) expect(score.get(ids[i - 1]!)!).toBeGreaterThanOrEqual(score.get(ids[i]!)!);
    expect(score.get(hot.id)!).toBeGreaterThan(score.get(warm.id)!);
    expect(score.get(warm.id)!).toBeGreaterThan(0);
    expect(score.has(cold.id)).toBe(false);

    const anonymous = await anonymousCaller().caller.feed.home();
    expect(anonymous.personal).toBe(false);
    expect(anonymous.sections[0]?.title).toBe('Trending now');
  });

  test('sections never repeat a product and skip what the shopper owns or favourited', async () => {
    const potter = await createSeller();
    const ceramicsMany = await Promise.all(
      Array.from({ length: 24 }, (_, i) => createProduct(potter, { ...ceramic, priceCents: 2000 + i * 100 })),
    );
    const shopper = await createUser();
    const [fav1, fav2, bought] = ceramicsMany;
    await shopper.caller.favorites.toggleProduct({ productId: fav1!.id });
    await shopper.caller.favorites.toggleProduct({ productId: fav2!.id });
    await shopper.caller.favorites.toggleShop({ shopId: potter.shopId });
    await createOrderFixture(testDeps(), shopper.id, [{ productId: bought!.id }]);
    for (const p of ceramicsMany.slice(3, 7)) await shopper.caller.feed.recordView({ productId: p.id });
    await refreshTrending(testDeps(), { minAgeMs: 0 });
    await shopper.caller.favorites.toggleProduct({ productId: fav2!.id, favorited: true }); // drops the cached feed

    const feed = await shopper.caller.feed.home();
    expect(feed.personal).toBe(true);
    expect(feed.sections.length).toBeGreaterThanOrEqual(3);
    const kinds = feed.sections.map((s) => s.kind);
    expect(kinds).toContain('because-favorited');
    expect(kinds).toContain('more-in-category');
    const ids = allIds(feed);
    expect(new Set(ids).size).toBe(ids.length);
    const personalIds = feed.sections.filter((s) => s.kind !== 'trending').flatMap((s) => s.products.map((p) => p.id));
    for (const hidden of [fav1!.id, fav2!.id, bought!.id]) expect(personalIds).not.toContain(hidden);
  });

  test('new listings from a favourite shop get their own section', async () => {
    const shop = await createSeller();
    const listing = await createProduct(shop, { categorySlug: 'candles', materials: ['soy wax'], tags: ['candle'] });
    const shopper = await createUser();
    await shopper.caller.favorites.toggleShop({ shopId: shop.shopId });
    const other = await createSeller();
    const liked = await createProduct(other, { ...jewellery });
    await shopper.caller.favorites.toggleProduct({ productId: liked.id });
    const feed = await shopper.caller.feed.home();
    const section = feed.sections.find((s) => s.kind === 'new-from-shops');
    expect(section?.title).toBe('New from your favourite shops');
    expect(section?.products.map((p) => p.id)).toContain(listing.id);
  });

  test('the feed is cached briefly per shopper', async () => {
    const deps = testDeps();
    const shopper = await createUser();
    const first = await shopper.caller.feed.home();
    expect(await deps.store.get(`feed:home:v1:${shopper.id}`)).not.toBeNull();
    // Served from the cache: an entry planted there comes back as it is, where a fresh
    // computation could never produce it.
    const planted: FeedHomeDto = {
      ...first,
      sections: [
        { key: 'planted', kind: 'fresh', title: 'Planted', reason: 'read from the cache', products: [], seeMore: null },
      ],
    };
    await writeHomeFeed(deps, shopper.id, planted);
    expect(await shopper.caller.feed.home()).toEqual(planted);
    // Per shopper: someone else's feed is their own.
    const other = await createUser();
    expect((await other.caller.feed.home()).sections.map((s) => s.key)).not.toContain('planted');
    // Briefly: a favourite drops it at once, and otherwise it ages out within a minute.
    const seller = await createSeller();
    const product = await createProduct(seller);
    await shopper.caller.favorites.toggleProduct({ productId: product.id });
    expect((await shopper.caller.feed.home()).sections.map((s) => s.key)).not.toContain('planted');
    expect(HOME_FEED_TTL_SECONDS).toBeLessThanOrEqual(60);
  });

  test('"More in" names a usual range in whole dollars, and a habit only after three listings', async () => {
    const potter = await createSeller();
    const looked = await Promise.all(
      [2367, 3129, 4003].map((priceCents) => createProduct(potter, { ...ceramic, priceCents })),
    );
    // More than "Because you favourited" shows, so "More in" has listings of its own in either band.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => createProduct(potter, { ...ceramic, priceCents: 1800 + i * 100 })),
    );
    const reasonFor = async (shopper: Awaited<ReturnType<typeof createUser>>) => {
      const feed = await shopper.caller.feed.home();
      const more = feed.sections.find((s) => s.kind === 'more-in-category');
      return { reason: more?.reason, category: more?.title.replace(/^More in /, '') };
    };

    // Minutes old: one saved listing is reason enough for a personal feed, not for "often" or "usual".
    const newcomer = await createUser();
    await newcomer.caller.favorites.toggleProduct({ productId: looked[0]!.id, favorited: true });
    const first = await reasonFor(newcomer);
    expect(first.reason).toBe(
      `Because you looked at ${first.category}: more from $14–$40, near the prices you looked at.`,
    );

    // Three listings looked at in the category: a habit, and a range a shopper would say.
    const regular = await createUser();
    for (const p of looked) await regular.caller.feed.recordView({ productId: p.id });
    const often = await reasonFor(regular);
    expect(often.reason).toBe(`You often look at ${often.category}; these are in your usual $14–$65 range.`);
  });

  test('"More in" claims "near the prices you looked at" only for a narrow band', async () => {
    const potter = await createSeller();
    const [cheap, dear] = await Promise.all(
      [2000, 20000].map((priceCents) => createProduct(potter, { ...ceramic, priceCents })),
    );
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => createProduct(potter, { ...ceramic, priceCents: 2500 + i * 1500 })),
    );
    // A minutes-old account saved a $20 teapot and a $200 one: the band is the whole shelf.
    const newcomer = await createUser();
    for (const p of [cheap!, dear!])
      await newcomer.caller.favorites.toggleProduct({ productId: p.id, favorited: true });
    const more = (await newcomer.caller.feed.home()).sections.find((s) => s.kind === 'more-in-category');
    const category = more?.title.replace(/^More in /, '');
    expect(more?.reason).toBe(`Because you looked at ${category}: more from $12–$320.`);
    // Every card is still in the band the sentence names.
    expect(more?.products.length).toBeGreaterThan(0);
    for (const p of more?.products ?? []) expect(p.priceCents >= 1200 && p.priceCents <= 32000).toBe(true);
  });
});

describe('view signals', () => {
  test('views are one row per product, counted, and history is bounded per shopper', async () => {
    const deps = testDeps();
    const seller = await createSeller();
    const category = await deps.db
      .selectFrom('categories')
      .select('id')
      .where('slug', '=', 'mugs')
      .executeTakeFirstOrThrow();
    const rows = await deps.db
      .insertInto('products')
      .values(
        Array.from({ length: VIEW_HISTORY_PER_USER + 10 }, (_, i) => ({
          shop_id: seller.shopId,
          title: `Bulk mug ${i}`,
          price_cents: 1000,
          quantity: 1,
          category_id: category.id,
        })),
      )
      .returning('id')
      .execute();
    const shopper = await createUser();
    for (const row of rows) await shopper.caller.feed.recordView({ productId: row.id });
    const first = rows[0]!.id;
    const last = rows.at(-1)!.id;
    // A repeat view inside a minute is absorbed by the store: no extra write.
    expect(await shopper.caller.feed.recordView({ productId: last })).toEqual({ recorded: false });

    const kept = await deps.db
      .selectFrom('product_views')
      .select(['product_id', 'view_count'])
      .where('user_id', '=', shopper.id)
      .execute();
    expect(kept.length).toBeLessThanOrEqual(VIEW_HISTORY_PER_USER);
    expect(kept.length).toBeGreaterThanOrEqual(VIEW_HISTORY_PER_USER - 5);
    const keptIds = kept.map((k) => k.product_id);
    expect(keptIds).toContain(last);
    expect(keptIds).not.toContain(first);
  });

  test('opening a product page while signed in records a view; signed out records nothing', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller);
    const shopper = await createUser();
    await shopper.caller.catalog.product({ productId: product.id });
    let row: { view_count: number } | undefined;
    await waitUntil(
      async () => {
        row = await testDeps()
          .db.selectFrom('product_views')
          .select('view_count')
          .where('user_id', '=', shopper.id)
          .where('product_id', '=', product.id)
          .executeTakeFirst();
        return row !== undefined;
      },
      { what: 'the product view recorded' },
    );
    expect(row?.view_count).toBe(1);
    expect(await anonymousCaller().caller.feed.recordView({ productId: product.id })).toEqual({ recorded: false });
  });

  test('recording a view of an unknown product is NOT_FOUND', async () => {
    const shopper = await createUser();
    expect((await rejection(shopper.caller.feed.recordView({ productId: 2_000_000_000 }))).code).toBe('NOT_FOUND');
  });
});

describe('feed.alsoBought', () => {
  test('ranks products by how many other buyers bought them with this one', async () => {
    const deps = testDeps();
    const seller = await createSeller();
    const other = await createSeller();
    const anchor = await createProduct(seller, { categorySlug: 'candles', materials: ['wax'], tags: [] });
    const often = await createProduct(other, { ...jewellery });
    const sometimes = await createProduct(seller, { categorySlug: 'rugs', materials: ['wool'], tags: [] });
    const once = await createProduct(other, { categorySlug: 'prints', materials: ['paper'], tags: [] });
    const buyers = await Promise.all(Array.from({ length: 4 }, () => createUser()));
    for (const b of buyers.slice(0, 3))
      await createOrderFixture(deps, b.id, [{ productId: anchor.id }, { productId: often.id }]);
    await createOrderFixture(deps, buyers[3]!.id, [{ productId: anchor.id }]);
    await createOrderFixture(deps, buyers[3]!.id, [{ productId: sometimes.id }], { status: 'shipped' });
    await createOrderFixture(deps, buyers[0]!.id, [{ productId: sometimes.id }]);
    await createOrderFixture(deps, buyers[1]!.id, [{ productId: once.id }]);
    // A cancelled order does not count.
    await createOrderFixture(deps, buyers[2]!.id, [{ productId: once.id }, { productId: anchor.id }], {
      status: 'cancelled',
    });

    const { products } = await anonymousCaller().caller.feed.alsoBought({ productId: anchor.id });
    expect(products.slice(0, 2).map((p) => p.id)).toEqual([often.id, sometimes.id]);
    // One shared buyer in another department is a coincidence, not a signal.
    expect(products.map((p) => p.id)).not.toContain(once.id);
    expect(products.map((p) => p.id)).not.toContain(anchor.id);
  });

  test('a weak co-purchase from another department gives way to similar items from the same one', async () => {
    const deps = testDeps();
    const seller = await createSeller();
    const platter = await createProduct(seller, { ...ceramic });
    const bowl = await createProduct(seller, { ...ceramic });
    const catToy = await createProduct(seller, { categorySlug: 'prints', materials: ['paper'], tags: [] });
    const buyer = await createUser();
    await createOrderFixture(deps, buyer.id, [{ productId: platter.id }, { productId: catToy.id }]);
    const result = await anonymousCaller().caller.feed.alsoBought({ productId: platter.id });
    const ids = result.products.map((p) => p.id);
    expect(ids).not.toContain(catToy.id);
    expect(ids).toContain(bowl.id);
    expect(result.source).toBe('similar');
  });

  test('falls back to similar items when nobody bought it yet', async () => {
    const potter = await createSeller();
    const anchor = await createProduct(potter, { ...ceramic });
    const lookalike = await createProduct(potter, { ...ceramic });
    const result = await anonymousCaller().caller.feed.alsoBought({ productId: anchor.id });
    expect(result.source).toBe('similar');
    expect(result.products.map((p) => p.id)).toContain(lookalike.id);
    expect(result.products.map((p) => p.id)).not.toContain(anchor.id);
    expect((await rejection(anonymousCaller().caller.feed.alsoBought({ productId: 2_000_000_000 }))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('trending refresh job', () => {
  test('while another instance holds the lock a refresh skips; a fresh table is not rebuilt again', async () => {
    const deps = testDeps();
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked: (v: boolean) => void = () => {};
    const lockTaken = new Promise<boolean>((r) => {
      locked = r;
    });
    const other = deps.db.transaction().execute(async (tx) => {
      locked(await tryTrendingLock(tx));
      await held;
    });
    expect(await lockTaken).toBe(true);
    expect(await refreshTrending(deps, { minAgeMs: 0 })).toEqual({
      status: 'skipped',
      why: 'another instance is refreshing',
    });
    release();
    await other;
    expect((await refreshTrending(deps, { minAgeMs: 0 })).status).toBe('refreshed');
    expect(await refreshTrending(deps, { minAgeMs: 60_000 })).toEqual({ status: 'skipped', why: 'fresh enough' });
  });
});
