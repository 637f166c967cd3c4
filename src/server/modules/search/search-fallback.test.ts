import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { Meilisearch } from 'meilisearch';
import type { SearchProductsInput } from '../../../shared/schemas/search';
import type { AppDeps } from '../../deps';
import { findFreePort } from '../../services/free-port';
import { anonymousCaller } from '../../test/factories';
import { testDeps, testServices } from '../../test/test-services';
import { CircuitBreaker } from './circuit-breaker';
import { meiliBreaker } from './search.service';
import { ensureSearchIndex } from './search-index';
import { depsWithUnreachableMeili, ids, search, shopWith, syncSearch } from './search-test-fixtures';

const plain = { description: 'Made in a small studio.', tags: [], materials: [], images: [] };

let shopId = 0;
let productIds: number[] = [];

beforeAll(async () => {
  await ensureSearchIndex(testDeps());
  const shop = await shopWith([
    { ...plain, title: 'Chunky cable sweater', categorySlug: 'scarves', priceCents: 6500, materials: ['wool'] },
    { ...plain, title: 'Fair isle jumper', categorySlug: 'scarves', priceCents: 5400, materials: ['wool', 'alpaca'] },
    {
      ...plain,
      title: 'Silver necklace with moonstone',
      categorySlug: 'rings',
      priceCents: 2500,
      materials: ['silver'],
    },
    { ...plain, title: 'Blue speckled mug', categorySlug: 'plates', priceCents: 2499, tags: ['stoneware'] },
    { ...plain, title: 'Vintage brass candlestick', categorySlug: 'candles', priceCents: 12000, isVintage: true },
    { ...plain, title: 'Sold out blue bowl', categorySlug: 'bowls', priceCents: 1800, quantity: 0 },
  ]);
  shopId = shop.shopId;
  productIds = ids(shop.products);
  await syncSearch();
});

const queries: SearchProductsInput[] = [
  { sort: 'price_asc' },
  { sort: 'price_desc', inStockOnly: false },
  { q: 'jumper', sort: 'price_asc' },
  { q: 'sweater', sort: 'price_asc' },
  { q: 'neckless' },
  { q: 'sweter' },
  { q: 'blue mug' },
  { q: 'candle holder' },
  { category: 'clothing', sort: 'price_asc' },
  { category: 'scarves', materials: ['alpaca'] },
  { minPriceCents: 2500, maxPriceCents: 9999, sort: 'price_desc' },
  { isVintage: true },
  { sort: 'newest', page: 2, pageSize: 2 },
];

describe('Postgres fallback', () => {
  test('with Meilisearch unreachable the same queries answer from Postgres with the same results', async () => {
    const down = await depsWithUnreachableMeili();
    for (const query of queries) {
      const input = { ...query, shopId };
      const meili = await search(input);
      const pg = await search(input, down);
      expect(meili.engine).toBe('meilisearch');
      expect(pg.engine).toBe('postgres');
      const sorted = query.sort !== undefined && query.sort !== 'relevance';
      const comparable = (r: typeof meili) => ({
        hits: sorted ? r.hits : [...r.hits].sort((a, b) => a.id - b.id),
        total: r.total,
        page: r.page,
        pageSize: r.pageSize,
        facets: r.facets,
      });
      expect({ query, ...comparable(pg) }).toEqual({ query, ...comparable(meili) });
    }
  });

  test('synonyms from the shared list and typos work in Postgres too', async () => {
    const down = await depsWithUnreachableMeili();
    expect(ids((await search({ shopId, q: 'pullover' }, down)).hits).sort()).toEqual(
      [productIds[0]!, productIds[1]!].sort(),
    );
    expect(ids((await search({ shopId, q: 'neckless' }, down)).hits)).toEqual([productIds[2]!]);
    expect(ids((await search({ shopId, q: 'sweter' }, down)).hits)).toEqual([productIds[0]!]);
    expect(ids((await search({ shopId, q: 'candlestik' }, down)).hits)).toEqual([productIds[4]!]);
    expect((await search({ shopId, q: 'neckl' }, down)).total).toBe(1);
  });

  test('with no Meilisearch configured, search and suggest answer from Postgres', async () => {
    const none: AppDeps = { ...testDeps(), meili: null };
    const r = await search({ shopId, q: 'jumper' }, none);
    expect(r.engine).toBe('postgres');
    expect(r.total).toBe(2);
    const { suggestions } = await anonymousCaller(none).caller.search.suggest({ q: 'stonew' });
    expect(suggestions).toContainEqual({ text: 'stoneware', kind: 'query', value: 'stoneware' });
  });

  test('the breaker opens after consecutive failures and skips Meilisearch while open', async () => {
    const down = await depsWithUnreachableMeili();
    const breaker = meiliBreaker(down.meili!);
    for (let i = 0; i < 3; i++) await search({ shopId, q: `breaker ${i}` }, down);
    expect(breaker.state).toBe('open');
    const started = performance.now();
    const r = await search({ shopId, q: 'jumper' }, down);
    expect(r.engine).toBe('postgres');
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('recovery', () => {
  let proxy: ReturnType<typeof Bun.serve> | null = null;
  let port = 0;
  const upstream = () => testServices().urls.meili!;
  const startProxy = () => {
    proxy = Bun.serve({
      port,
      hostname: '127.0.0.1',
      fetch: async (req) => {
        const url = new URL(req.url);
        const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await req.arrayBuffer();
        const headers = new Headers(req.headers);
        headers.delete('accept-encoding');
        const res = await fetch(`${upstream()}${url.pathname}${url.search}`, { method: req.method, headers, body });
        return new Response(await res.arrayBuffer(), {
          status: res.status,
          headers: { 'content-type': res.headers.get('content-type') ?? 'application/json' },
        });
      },
    });
  };
  afterAll(() => proxy?.stop(true));

  test('when Meilisearch comes back, a half-open probe returns traffic to it', async () => {
    port = await findFreePort();
    startProxy();
    const meili = new Meilisearch({ host: `http://127.0.0.1:${port}`, apiKey: testServices().urls.meiliKey });
    const deps: AppDeps = { ...testDeps(), meili, config: { ...testDeps().config, searchCacheTtlSeconds: 0 } };
    // The breaker reads this clock, so the test moves time on instead of waiting for it.
    let clock = Date.now();
    const breaker = meiliBreaker(meili, { failureThreshold: 2, openMs: 300, now: () => clock });
    expect((await search({ shopId, q: 'jumper' }, deps)).engine).toBe('meilisearch');

    proxy!.stop(true);
    for (let i = 0; i < 2; i++) expect((await search({ shopId, q: `gone ${i}` }, deps)).engine).toBe('postgres');
    expect(breaker.state).toBe('open');

    startProxy();
    expect((await search({ shopId, q: 'jumper' }, deps)).engine).toBe('postgres'); // still open
    clock += 350;
    const back = await search({ shopId, q: 'jumper', sort: 'price_asc' }, deps);
    expect(back.engine).toBe('meilisearch');
    expect(breaker.state).toBe('closed');
    expect(back.total).toBe(2);
  });

  test('circuit breaker: one probe at a time when half-open; a failed probe reopens', () => {
    let now = 0;
    const b = new CircuitBreaker({ failureThreshold: 2, openMs: 100, now: () => now });
    expect(b.tryAcquire()).toBe(true);
    b.recordFailure();
    expect(b.state).toBe('closed');
    b.recordFailure();
    expect(b.state).toBe('open');
    expect(b.tryAcquire()).toBe(false);
    now = 150;
    expect(b.tryAcquire()).toBe(true);
    expect(b.state).toBe('half-open');
    expect(b.tryAcquire()).toBe(false);
    b.recordFailure();
    expect(b.state).toBe('open');
    now = 300;
    expect(b.tryAcquire()).toBe(true);
    b.recordSuccess();
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
  });
});
