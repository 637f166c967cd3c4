import { describe, expect, test } from 'bun:test';
import { sql } from 'kysely';
import { REVIEW_TEXT_MAX } from '../../../shared/schemas/reviews';
import { rejection } from '../../test/expect-error';
import { anonymousCaller, createProduct, createSeller, createUser } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { createOrderFixture, type FixtureOrder } from './test-orders';

async function reviewCount(productId: number): Promise<number> {
  const rows = await testDeps().db.selectFrom('reviews').select('id').where('product_id', '=', productId).execute();
  return rows.length;
}

async function purchase(status: 'delivered' | 'shipped' | 'paid' = 'delivered') {
  const seller = await createSeller();
  const product = await createProduct(seller);
  const buyer = await createUser(testDeps(), 'Ada Lovelace');
  const [order] = await createOrderFixture(testDeps(), buyer.id, [{ productId: product.id }], { status });
  return { seller, product, buyer, orderId: order!.orderId };
}

describe('reviews', () => {
  test('a buyer reviews a delivered item once; the review is public with a short name', async () => {
    const { product, buyer, orderId } = await purchase();
    const review = await buyer.caller.reviews.create({
      orderId,
      productId: product.id,
      rating: 4,
      text: ' Lovely glaze. ',
    });
    expect(review).toMatchObject({ productId: product.id, rating: 4, text: 'Lovely glaze.', authorName: 'Ada L.' });
    const page = await anonymousCaller().caller.reviews.forProduct({ productId: product.id });
    expect(page.items.map((r) => r.id)).toEqual([review.id]);
    expect(page).toMatchObject({ rating: 4, reviewCount: 1 });

    const again = await rejection(
      buyer.caller.reviews.create({ orderId, productId: product.id, rating: 5, text: 'Again' }),
    );
    expect(again.code).toBe('CONFLICT');
    expect(await reviewCount(product.id)).toBe(1);
  });

  test('no review before delivery, without a purchase, or on someone else’s order', async () => {
    const shipped = await purchase('shipped');
    const early = await rejection(
      shipped.buyer.caller.reviews.create({
        orderId: shipped.orderId,
        productId: shipped.product.id,
        rating: 5,
        text: 'x',
      }),
    );
    expect(early.code).toBe('PRECONDITION_FAILED');
    expect(early.message).toContain('delivered');

    const delivered = await purchase();
    const stranger = await createUser();
    const notMine = await rejection(
      stranger.caller.reviews.create({
        orderId: delivered.orderId,
        productId: delivered.product.id,
        rating: 1,
        text: 'x',
      }),
    );
    expect(notMine.code).toBe('FORBIDDEN');

    const otherProduct = await createProduct(delivered.seller);
    const notOnOrder = await rejection(
      delivered.buyer.caller.reviews.create({
        orderId: delivered.orderId,
        productId: otherProduct.id,
        rating: 3,
        text: 'x',
      }),
    );
    expect(notOnOrder.code).toBe('BAD_REQUEST');

    const noOrder = await rejection(
      stranger.caller.reviews.create({ orderId: 2_000_000_000, productId: delivered.product.id, rating: 3, text: 'x' }),
    );
    expect(noOrder.code).toBe('NOT_FOUND');
    const signedOut = await rejection(
      anonymousCaller().caller.reviews.create({
        orderId: delivered.orderId,
        productId: delivered.product.id,
        rating: 3,
        text: 'x',
      }),
    );
    expect(signedOut.code).toBe('UNAUTHORIZED');

    for (const p of [shipped.product.id, delivered.product.id, otherProduct.id]) expect(await reviewCount(p)).toBe(0);
  });

  test('ratings outside 1–5, fractional ratings and over-long text are refused with nothing written', async () => {
    const { product, buyer, orderId } = await purchase();
    for (const rating of [0, 6, -1, 3.5]) {
      const err = await rejection(buyer.caller.reviews.create({ orderId, productId: product.id, rating, text: 'ok' }));
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.message).toContain('rating');
    }
    const long = await rejection(
      buyer.caller.reviews.create({ orderId, productId: product.id, rating: 5, text: 'a'.repeat(REVIEW_TEXT_MAX + 1) }),
    );
    expect(long.code).toBe('BAD_REQUEST');
    expect(long.message).toContain('text');
    const empty = await rejection(
      buyer.caller.reviews.create({ orderId, productId: product.id, rating: 5, text: '   ' }),
    );
    expect(empty.code).toBe('BAD_REQUEST');
    expect(await reviewCount(product.id)).toBe(0);
  });

  test('product and shop ratings and counts follow reviews, even when buyers review at once', async () => {
    const deps = testDeps();
    const seller = await createSeller();
    const product = await createProduct(seller);
    const second = await createProduct(seller);
    const ratings = [5, 4, 4, 3, 2, 5, 1, 4];
    const buyers = await Promise.all(ratings.map(() => createUser()));
    const orders: FixtureOrder[] = [];
    for (const b of buyers) orders.push((await createOrderFixture(deps, b.id, [{ productId: product.id }]))[0]!);
    const outboxBefore = await deps.db
      .selectFrom('search_outbox')
      .select('id')
      .where('product_id', '=', second.id)
      .execute();

    await Promise.all(
      buyers.map((b, i) =>
        b.caller.reviews.create({
          orderId: orders[i]!.orderId,
          productId: product.id,
          rating: ratings[i]!,
          text: 'Review',
        }),
      ),
    );
    const mean = Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100;
    const page = await seller.caller.catalog.product({ productId: product.id });
    expect(page.reviewCount).toBe(ratings.length);
    expect(page.rating).toBe(mean);
    const shop = await seller.caller.shops.bySlug({ slug: seller.shop.slug });
    expect(shop.reviewCount).toBe(ratings.length);
    expect(shop.rating).toBe(mean);

    // The shop's rating feeds search: its other listings were queued for re-indexing too.
    const outboxAfter = await deps.db
      .selectFrom('search_outbox')
      .select('id')
      .where('product_id', '=', second.id)
      .execute();
    expect(outboxAfter.length).toBeGreaterThan(outboxBefore.length);
  });

  test('reviews page with a cursor, newest first, per product and per shop', async () => {
    const deps = testDeps();
    const seller = await createSeller();
    const product = await createProduct(seller);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const b = await createUser();
      const [order] = await createOrderFixture(deps, b.id, [{ productId: product.id }]);
      ids.push(
        (await b.caller.reviews.create({ orderId: order!.orderId, productId: product.id, rating: 5, text: `#${i}` }))
          .id,
      );
    }
    const { caller } = anonymousCaller();
    const first = await caller.reviews.forProduct({ productId: product.id, limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual([ids[4], ids[3]]);
    const second = await caller.reviews.forProduct({ productId: product.id, limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    const third = await caller.reviews.forProduct({ productId: product.id, limit: 2, cursor: second.nextCursor! });
    expect(third.items.map((r) => r.id)).toEqual([ids[0]]);
    expect(third.nextCursor).toBeNull();
    const shopPage = await caller.reviews.forShop({ shopId: seller.shopId });
    expect(shopPage.items.length).toBe(5);
    expect(shopPage.reviewCount).toBe(5);
    expect((await rejection(caller.reviews.forProduct({ productId: 2_000_000_000 }))).code).toBe('NOT_FOUND');
  });

  test('newest reads by the review date, not the id, and pages on in that order per product and per shop', async () => {
    const deps = testDeps();
    const seller = await createSeller();
    const product = await createProduct(seller);
    const other = await createProduct(seller);
    // Ids are not a clock: dates deliberately out of id order (an import of older reviews, say).
    const days = [3, 10, 1, 7, 5];
    const ids: number[] = [];
    for (const [i, productId] of [product.id, product.id, product.id, other.id, product.id].entries()) {
      const b = await createUser();
      const [order] = await createOrderFixture(deps, b.id, [{ productId }]);
      const { id } = await b.caller.reviews.create({ orderId: order!.orderId, productId, rating: 4, text: `#${i}` });
      await sql`update reviews set created_at = ${new Date(Date.UTC(2026, 10, days[i]!, 12))} where id = ${id}`.execute(
        deps.db,
      );
      ids.push(id);
    }
    const byDate = (which: number[]) => which.sort((a, b) => days[b]! - days[a]!).map((i) => ids[i]);
    const { caller } = anonymousCaller();
    const seen: number[] = [];
    let cursor: number | undefined;
    for (;;) {
      const page = await caller.reviews.forProduct({ productId: product.id, sort: 'newest', limit: 2, cursor });
      seen.push(...page.items.map((r) => r.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(byDate([0, 1, 2, 4]));
    const shop = await caller.reviews.forShop({ shopId: seller.shopId, sort: 'newest' });
    expect(shop.items.map((r) => r.id)).toEqual(byDate([0, 1, 2, 3, 4]));
  });

  test('the seller replies once; nobody else can', async () => {
    const { seller, product, buyer, orderId } = await purchase();
    const review = await buyer.caller.reviews.create({ orderId, productId: product.id, rating: 2, text: 'Chipped' });
    const otherSeller = await createSeller();
    expect((await rejection(otherSeller.caller.reviews.reply({ reviewId: review.id, text: 'Hi' }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await rejection(buyer.caller.reviews.reply({ reviewId: review.id, text: 'Hi' }))).code).toBe('FORBIDDEN');
    const replied = await seller.caller.reviews.reply({ reviewId: review.id, text: 'Sorry! Replacement on its way.' });
    expect(replied.reply?.text).toBe('Sorry! Replacement on its way.');
    expect((await rejection(seller.caller.reviews.reply({ reviewId: review.id, text: 'Edit' }))).code).toBe('CONFLICT');
    const page = await anonymousCaller().caller.reviews.forProduct({ productId: product.id });
    expect(page.items[0]?.reply?.text).toBe('Sorry! Replacement on its way.');
  });

  test('the order tells buyer and seller which lines are reviewed, with the stars given', async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller);
    const bowl = await createProduct(seller);
    const buyer = await createUser();
    const [order] = await createOrderFixture(testDeps(), buyer.id, [{ productId: mug.id }, { productId: bowl.id }], {
      status: 'delivered',
    });
    const orderId = order!.orderId;
    const before = await buyer.caller.orders.byId({ orderId });
    expect(before.items.map((i) => i.review)).toEqual([null, null]);

    const review = await buyer.caller.reviews.create({ orderId, productId: bowl.id, rating: 3, text: 'Fine bowl' });
    for (const who of [buyer, seller]) {
      const after = await who.caller.orders.byId({ orderId });
      expect(after.items.map((i) => [i.productId, i.review])).toEqual([
        [mug.id, null],
        [bowl.id, { id: review.id, rating: 3 }],
      ]);
    }
    const list = await buyer.caller.orders.list({});
    expect(list.items.find((o) => o.orderId === orderId)?.items.find((i) => i.productId === bowl.id)?.review).toEqual({
      id: review.id,
      rating: 3,
    });
  });

  test('reviews page on in the chosen order, with a breakdown by stars', async () => {
    const seller = await createSeller();
    const product = await createProduct(seller);
    const ratings = [5, 1, 4, 5, 3, 2, 5, 4, 1, 5, 3, 5];
    const ids: number[] = [];
    for (const [i, rating] of ratings.entries()) {
      const buyer = await createUser(testDeps(), `Buyer ${i}`);
      const [order] = await createOrderFixture(testDeps(), buyer.id, [{ productId: product.id }]);
      ids.push(
        (await buyer.caller.reviews.create({ orderId: order!.orderId, productId: product.id, rating, text: `r${i}` }))
          .id,
      );
    }
    const caller = anonymousCaller().caller;
    const all = async (sort: 'newest' | 'highest' | 'lowest') => {
      const seen: { id: number; rating: number }[] = [];
      let cursor: number | undefined;
      for (;;) {
        const page = await caller.reviews.forProduct({ productId: product.id, sort, limit: 5, cursor });
        seen.push(...page.items.map((r) => ({ id: r.id, rating: r.rating })));
        if (page.nextCursor === null) return seen;
        cursor = page.nextCursor;
      }
    };
    const newest = await all('newest');
    expect(newest.map((r) => r.id)).toEqual([...ids].reverse());
    const highest = await all('highest');
    expect(highest).toHaveLength(ratings.length);
    expect(highest.map((r) => r.rating)).toEqual([...ratings].sort((a, b) => b - a));
    const lowest = await all('lowest');
    expect(lowest.map((r) => r.rating)).toEqual([...ratings].sort((a, b) => a - b));
    expect(new Set(lowest.map((r) => r.id)).size).toBe(ratings.length);

    const first = await caller.reviews.forProduct({ productId: product.id });
    expect(first.breakdown).toEqual([
      { stars: 5, count: 5 },
      { stars: 4, count: 2 },
      { stars: 3, count: 2 },
      { stars: 2, count: 1 },
      { stars: 1, count: 2 },
    ]);
    expect(first.reviewCount).toBe(12);
    const shopPage = await caller.reviews.forShop({ shopId: seller.shopId, sort: 'lowest' });
    expect(shopPage.items[0]!.rating).toBe(1);
    expect(shopPage.breakdown.reduce((n, b) => n + b.count, 0)).toBe(12);
    const bad = await rejection(caller.reviews.forProduct({ productId: product.id, sort: 'random' as 'newest' }));
    expect(bad.code).toBe('BAD_REQUEST');
  });
});
