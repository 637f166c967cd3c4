import { beforeAll, describe, expect, test } from 'bun:test';
import { sql } from 'kysely';
import type { AppDeps } from '../../deps';
import { drainAll, drainOnce, startSearchOutboxDrainer } from '../../jobs/search-outbox-drainer';
import { unique } from '../../test/factories';
import { testDeps } from '../../test/test-services';
import { waitUntil } from '../../test/wait-until';
import { reindexProducts } from './search.reindex';
import { ensureSearchIndex } from './search-index';
import { ids, search, shopWith, syncSearch } from './search-test-fixtures';

const plain = { description: 'Made in a small studio.', tags: [], materials: [], images: [] };

beforeAll(async () => {
  await ensureSearchIndex(testDeps());
  await syncSearch();
});

describe('search outbox sync', () => {
  test('create, edit, price, sell-out and archive reach search with the drainer running', async () => {
    // Each change becomes visible with nothing but the drainer running. The 1 s freshness target
    // is a speed figure: `bun run bench` measures it under load; here the latencies are printed.
    const deps = testDeps();
    const drainer = startSearchOutboxDrainer(deps);
    const latencies: Record<string, number> = {};
    try {
      const { seller, shopId, products } = await shopWith([{ ...plain, title: 'Outbox lantern', quantity: 2 }]);
      const productId = products[0]!.id;
      latencies.create = await waitUntil(async () => ids((await search({ shopId })).hits).includes(productId), {
        timeoutMs: 60_000,
      });

      await seller.caller.catalog.updateProduct({ productId, title: 'Outbox lamp' });
      latencies.edit = await waitUntil(async () => (await search({ shopId, q: 'lamp' })).total === 1, {
        timeoutMs: 60_000,
      });

      await seller.caller.catalog.updateProduct({ productId, priceCents: 4321 });
      latencies.price = await waitUntil(async () => (await search({ shopId })).hits[0]?.priceCents === 4321, {
        timeoutMs: 60_000,
      });

      // Availability changes write the outbox too (here: stock set to 0 by the seller).
      await seller.caller.catalog.updateProduct({ productId, quantity: 0 });
      latencies.soldOut = await waitUntil(async () => (await search({ shopId })).total === 0, { timeoutMs: 60_000 });

      await seller.caller.catalog.archiveProduct({ productId });
      latencies.archive = await waitUntil(async () => (await search({ shopId, inStockOnly: false })).total === 0, {
        timeoutMs: 60_000,
      });
    } finally {
      await drainer.stop();
    }
    console.log(
      `search sync latency ms: ${JSON.stringify(Object.fromEntries(Object.entries(latencies).map(([k, v]) => [k, Math.round(v)])))}`,
    );
  }, 320_000);

  test('a failed push is retried with backoff and nothing is lost', async () => {
    const deps = testDeps();
    const { shopId, products } = await shopWith([{ ...plain, title: 'Retry kettle' }]);
    const productId = products[0]!.id;
    // Meilisearch refuses documents with an invalid id type: point the drainer at an index whose
    // primary key is different, so the push fails for real.
    const broken: AppDeps = { ...deps, config: { ...deps.config, productsIndex: `broken_${unique('i')}` } };
    await deps.meili!.createIndex(broken.config.productsIndex, { primaryKey: 'sku' }).waitTask();
    const dueAt = () =>
      deps.db
        .selectFrom('search_outbox')
        .select(['attempts', 'available_at'])
        .where('product_id', '=', productId)
        .executeTakeFirstOrThrow();
    try {
      const before = await dueAt();
      const r = await drainOnce(broken);
      expect(r.failed).toBeGreaterThan(0);
      // Backed off: due again only after a pause (compared with when it was due before, not
      // with the clock, which a busy machine may already have carried past a short backoff).
      const row = await dueAt();
      expect(row.attempts).toBe(1);
      expect(row.available_at.getTime()).toBeGreaterThan(before.available_at.getTime() + 100);
    } finally {
      await deps.meili!.deleteIndexIfExists(broken.config.productsIndex);
    }
    // Backoff passes (make it due now) and the healthy drainer delivers it.
    await deps.db
      .updateTable('search_outbox')
      .set({ available_at: sql`now()` })
      .where('product_id', '=', productId)
      .execute();
    await syncSearch();
    expect(ids((await search({ shopId })).hits)).toEqual([productId]);
  });

  test('parallel drainers share the outbox and each listing ends in its latest state', async () => {
    const deps = testDeps();
    const { seller, shopId, products } = await shopWith(
      Array.from({ length: 12 }, (_, i) => ({ ...plain, title: `Parallel spoon ${i}`, priceCents: 1000 + i })),
    );
    for (const p of products)
      await seller.caller.catalog.updateProduct({ productId: p.id, priceCents: p.priceCents + 1 });
    await Promise.all(Array.from({ length: 4 }, () => drainAll(deps)));
    await syncSearch();
    const left = await deps.db
      .selectFrom('search_outbox')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('product_id', 'in', ids(products))
      .where('available_at', '<=', sql<Date>`now()`)
      .executeTakeFirstOrThrow();
    expect(left.n).toBe(0);
    const r = await search({ shopId, pageSize: 60, sort: 'price_asc' });
    expect(r.hits.map((h) => h.priceCents)).toEqual(products.map((p) => p.priceCents + 1));
  });

  test('a shop rename re-syncs its listings (shop name is searchable)', async () => {
    const deps = testDeps();
    const { shopId, products } = await shopWith([{ ...plain, title: 'Renamed shop whisk' }]);
    await syncSearch();
    const newName = `Quillfeather ${unique('n')}`;
    await deps.db.updateTable('shops').set({ name: newName }).where('id', '=', shopId).execute();
    await syncSearch();
    const r = await search({ shopId, q: 'quillfeather' });
    expect(ids(r.hits)).toEqual([products[0]!.id]);
    expect(r.hits[0]!.shopName).toBe(newName);
  });
});

describe('reindex', () => {
  test('builds a fresh index, swaps it in without downtime and keeps changes made meanwhile', async () => {
    const base = testDeps();
    const deps: AppDeps = { ...base, config: { ...base.config, productsIndex: `reindex_${unique('i')}` } };
    const { seller, shopId, products } = await shopWith([
      { ...plain, title: 'Reindexed basket' },
      { ...plain, title: 'Reindexed tray' },
    ]);

    const progress: [number, number][] = [];
    const first = await reindexProducts(deps, (done, total) => progress.push([done, total]));
    const active = await base.db
      .selectFrom('products')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    expect(first.indexed).toBeGreaterThanOrEqual(2);
    expect(first.indexed).toBeLessThanOrEqual(active.n + 5);
    expect(progress[0]![0]).toBe(0);
    expect(progress.at(-1)![0]).toBe(first.indexed);
    expect(ids((await search({ shopId, sort: 'price_asc' }, deps)).hits).sort()).toEqual(ids(products).sort());

    // Second run: searches keep answering from Meilisearch throughout, and an edit made
    // during the fill is searchable after the swap.
    let searching = true;
    const answers: string[] = [];
    const searches = (async () => {
      while (searching) {
        const r = await search({ shopId, q: 'reindexed', inStockOnly: false }, deps);
        answers.push(`${r.engine}:${r.total}`);
        await Bun.sleep(5);
      }
    })();
    const run = reindexProducts(deps);
    await seller.caller.catalog.updateProduct({ productId: products[0]!.id, title: 'Reindexed hamper' });
    let finished = false;
    void run.finally(() => {
      finished = true;
    });
    while (!finished) {
      await drainOnce(deps);
      await Bun.sleep(20);
    }
    await run;
    searching = false;
    await searches;
    await drainAll(deps);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((a) => a.startsWith('meilisearch:'))).toBe(true);
    expect(ids((await search({ shopId, q: 'hamper' }, deps)).hits)).toEqual([products[0]!.id]);

    const indexes = await base.meili!.getRawIndexes({ limit: 1000 });
    const names = indexes.results.map((i) => i.uid);
    expect(names).toContain(deps.config.productsIndex);
    expect(names.filter((n) => n.startsWith(`${deps.config.productsIndex}_reindex_`))).toEqual([]);
    const runs = await base.db.selectFrom('search_reindex_runs').selectAll().execute();
    expect(runs.filter((r) => r.index_name === deps.config.productsIndex)).toEqual([]);
    await base.meili!.deleteIndexIfExists(deps.config.productsIndex);
  }, 120_000);
});
