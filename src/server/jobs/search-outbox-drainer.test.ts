// What reaches the search outbox (issue 13): in/out-of-stock flips and edits at once, stock churn
// never, counters coalesced; and cards still show the live count without any re-index.
import { beforeAll, describe, expect, test } from 'bun:test';
import { sql } from 'kysely';
import { claimOutboxRows } from '../modules/search/search.repository';
import { ensureSearchIndex } from '../modules/search/search-index';
import { ids, search, shopWith, syncSearch } from '../modules/search/search-test-fixtures';
import { createUser } from '../test/factories';
import { testDeps } from '../test/test-services';
import { drainAll } from './search-outbox-drainer';
import { startJobs, stopJobs } from './start-jobs';

const plain = { description: 'Made in a small studio.', tags: [], materials: [], images: [] };

beforeAll(async () => {
  await ensureSearchIndex(testDeps());
  await syncSearch();
});

async function outboxRows(productId: number) {
  return testDeps()
    .db.selectFrom('search_outbox')
    .select(['id', sql<boolean>`available_at <= now()`.as('due')])
    .where('product_id', '=', productId)
    .execute();
}

describe('search outbox: only what search shows', () => {
  test('holds that leave a listing in stock write no row; taking the last unit does, and search drops it', async () => {
    const { shopId, products } = await shopWith([{ ...plain, title: 'Churn teapot', quantity: 3 }]);
    const productId = products[0]!.id;
    await syncSearch();
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId, quantity: 1 });
    await buyer.caller.cart.updateQuantity({ productId, quantity: 2 });
    await buyer.caller.cart.removeItem({ productId });
    await buyer.caller.cart.addItem({ productId, quantity: 2 });
    expect(await outboxRows(productId)).toEqual([]);

    const other = await createUser();
    await other.caller.cart.addItem({ productId, quantity: 1 }); // the last one: now out of stock
    const rows = await outboxRows(productId);
    expect(rows.length).toBe(1);
    expect(rows[0]!.due).toBe(true);
    await syncSearch();
    expect((await search({ shopId })).total).toBe(0); // in-stock only by default
    expect(ids((await search({ shopId, inStockOnly: false })).hits)).toEqual([productId]);
  });

  test('cards show the live count from PostgreSQL, cached or not, with nothing re-indexed', async () => {
    const deps = testDeps();
    const cached = { ...deps, config: { ...deps.config, searchCacheTtlSeconds: 60 } };
    const { shopId, products } = await shopWith([{ ...plain, title: 'Live count jug', quantity: 5 }]);
    const productId = products[0]!.id;
    await syncSearch();
    expect((await search({ shopId }, cached)).hits[0]!.available).toBe(5); // now in the cache
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId, quantity: 4 });
    expect(await outboxRows(productId)).toEqual([]);
    expect((await search({ shopId }, cached)).hits[0]!.available).toBe(1);
    expect((await search({ shopId })).hits[0]!.available).toBe(1);
  });

  test('sales queue nothing; rating changes coalesce into one delayed row per listing', async () => {
    const { db } = testDeps();
    const { shopId, products } = await shopWith([{ ...plain, title: 'Coalesced ladle' }]);
    const productId = products[0]!.id;
    await syncSearch();
    // The index has no sales count (decision 0142): a sale that leaves the listing in stock is not a search change.
    for (let i = 0; i < 5; i++)
      await db.updateTable('products').set({ sales_count: sql`sales_count + 1` }).where('id', '=', productId).execute();
    expect(await outboxRows(productId)).toEqual([]);
    await db.updateTable('products').set({ rating: 4.5, review_count: 2 }).where('id', '=', productId).execute();
    await db.updateTable('products').set({ rating: 4.0, review_count: 3 }).where('id', '=', productId).execute();
    const rows = await outboxRows(productId);
    expect(rows.length).toBe(1);
    expect(rows[0]!.due).toBe(false);
    // A real edit does not wait for the coalescing window.
    await db.updateTable('products').set({ price_cents: 3456 }).where('id', '=', productId).execute();
    expect((await outboxRows(productId)).filter((r) => r.due).length).toBe(1);
    await drainAll(testDeps());
    const hit = (await search({ shopId, sort: 'top_rated' })).hits[0]!;
    expect(hit.priceCents).toBe(3456);
    expect(hit.rating).toBe(4);
  });

  test("a shop's boost moving queues its listings coalesced, a rename at once, each listing once", async () => {
    const { db } = testDeps();
    const { shopId, products } = await shopWith([
      { ...plain, title: 'Boosted bowl' },
      { ...plain, title: 'Boosted cup' },
    ]);
    await syncSearch();
    // Sales folded in by the shop sales job move the shop boost: every listing re-syncs, but later.
    await db.updateTable('shops').set({ sales_count: 1000 }).where('id', '=', shopId).execute();
    await db.updateTable('shops').set({ sales_count: 5000 }).where('id', '=', shopId).execute();
    for (const p of products) expect((await outboxRows(p.id)).map((r) => r.due)).toEqual([false]);
    const productIds = products.map((p) => p.id);
    await db.deleteFrom('search_outbox').where('product_id', 'in', productIds).execute();
    // The boost moves once per doubling of sales: 5000 -> 8000 queues nothing, 8200 (over 2^13) does.
    await db.updateTable('shops').set({ sales_count: 8000 }).where('id', '=', shopId).execute();
    for (const p of products) expect(await outboxRows(p.id)).toEqual([]);
    await db.updateTable('shops').set({ sales_count: 8200 }).where('id', '=', shopId).execute();
    for (const p of products) expect((await outboxRows(p.id)).map((r) => r.due)).toEqual([false]);
    // A rename is shown in search: due now, once per listing however often it happens.
    await db.updateTable('shops').set({ name: 'Boost Renamed' }).where('id', '=', shopId).execute();
    await db.updateTable('shops').set({ name: 'Boost Renamed Again' }).where('id', '=', shopId).execute();
    for (const p of products) expect((await outboxRows(p.id)).map((r) => r.due).sort()).toEqual([false, true]);
    await drainAll(testDeps());
    for (const p of products) expect(await outboxRows(p.id)).toEqual([]);
    expect(ids((await search({ q: 'boost renamed again', shopId })).hits).sort()).toEqual(
      products.map((p) => p.id).sort(),
    );
  });

  test('a pass with an edit in it leaves counter rows for the next pass unless they are long overdue', async () => {
    const { db } = testDeps();
    const { products } = await shopWith([
      { ...plain, title: 'Counted spoon' },
      { ...plain, title: 'Edited fork' },
    ]);
    const [counted, edited] = products.map((p) => p.id) as [number, number];
    await syncSearch();
    await db.updateTable('products').set({ review_count: sql`review_count + 1` }).where('id', '=', counted).execute();
    await db.updateTable('products').set({ title: 'Edited knife' }).where('id', '=', edited).execute();
    const claimed = async (counterOverdue: string) => {
      // The counter row's window has passed (by counterOverdue); claimed in a transaction rolled back.
      await sql`update search_outbox set created_at = now() - interval '1 minute',
        available_at = now() - ${counterOverdue}::interval where product_id = ${counted}`.execute(db);
      let got: number[] = [];
      await db
        .transaction()
        .execute(async (tx) => {
          got = (await claimOutboxRows(tx, 500)).map((r) => r.product_id);
          throw new Error('roll back');
        })
        .catch(() => {});
      return got.filter((id) => id === counted || id === edited).sort((a, b) => a - b);
    };
    expect(await claimed('1 second')).toEqual([edited]);
    expect(await claimed('11 seconds')).toEqual([counted, edited].sort((a, b) => a - b));
    await drainAll(testDeps());
  });

  test('a change made while a drainer holds the listing row is queued again, not swallowed', async () => {
    const deps = testDeps();
    const { shopId, products } = await shopWith([{ ...plain, title: 'Racing sieve' }]);
    const productId = products[0]!.id;
    // A drainer has claimed the listing's pending row (and may already have read the listing).
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    let claimed!: () => void;
    const isClaimed = new Promise<void>((r) => {
      claimed = r;
    });
    const drainer = deps.db.transaction().execute(async (tx) => {
      await sql`select id from search_outbox where product_id = ${productId} for update`.execute(tx);
      claimed();
      await released;
    });
    await isClaimed;
    await deps.db.updateTable('products').set({ title: 'Racing colander' }).where('id', '=', productId).execute();
    expect((await outboxRows(productId)).length).toBe(2);
    release();
    await drainer;
    await syncSearch();
    expect(ids((await search({ shopId, q: 'colander' })).hits)).toEqual([productId]);
  });
});

describe('without Meilisearch', () => {
  test('the drainer still runs, so a PostgreSQL-only deployment searches an edited title', async () => {
    const jobs = startJobs({ ...testDeps(), meili: null });
    await stopJobs(jobs);
    expect(jobs.map((j) => j.name)).toContain('search-outbox-drainer');
  });
});
