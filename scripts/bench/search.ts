// search.products through the API (cache off and on) and the same multi-search body sent straight
// to Meilisearch's HTTP API, on a fixed query mix: synonyms, typos, facets, filters, sorts.
import type { Meilisearch } from 'meilisearch';
import { searchMeili } from '../../src/server/modules/search/search-meili';
import { resolveSearch } from '../../src/server/modules/search/search-query';
import { type SearchProductsInput, searchProductsInput } from '../../src/shared/schemas/search';
import type { BenchArgs } from './args';
import type { BenchEnv } from './environment';
import { progress } from './progress';
import { formatResult, type LoadResult, runLoad } from './stats';
import { TrpcHttp } from './trpc-http';

export const queryMix: SearchProductsInput[] = [
  { q: 'ceramic mug' },
  { q: 'jumper' }, // synonym of sweater / pullover
  { q: 'sneakers' }, // synonym of trainers
  { q: 'neklace' }, // typo
  { q: 'earings silver' }, // typo + material word
  { q: 'vintage lamp', isVintage: true },
  { q: 'ring', category: 'jewelry', sort: 'price_asc' },
  { category: 'home-living', minPriceCents: 2500, maxPriceCents: 4999 },
  { q: 'linen', materials: ['linen', 'cotton'], sort: 'newest' },
  { q: 'gift for her', sort: 'top_rated' },
  { q: 'wall art print', category: 'art-prints', page: 2 },
  { sort: 'price_desc', minPriceCents: 10000 },
  { q: 'wooden toy', category: 'toys-games', isVintage: false },
  { q: 'handmade', pageSize: 48 },
];

/** The exact multi-search body the search module sends for `input`, captured from its own builder. */
export async function meiliBodyFor(index: string, input: SearchProductsInput): Promise<unknown> {
  let captured: unknown = null;
  const recorder = {
    multiSearch: async (body: unknown) => {
      captured = body;
      throw new Error('captured');
    },
  } as unknown as Meilisearch;
  await searchMeili(recorder, index, resolveSearch(searchProductsInput.parse(input)), 1000).catch(() => {});
  if (!captured) throw new Error('could not capture the Meilisearch request');
  return captured;
}

export async function benchSearch(env: BenchEnv, args: BenchArgs): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  const meiliUrl = env.services.urls.meili;
  if (!meiliUrl) throw new Error('Meilisearch is not running: cannot compare with the raw engine');
  const bodies = await Promise.all(queryMix.map((q) => meiliBodyFor(env.deps.config.productsIndex, q)));
  // Uncompressed, like meilisearch-js on loopback: a compressed (gzip/br) Meilisearch response
  // costs ~40 ms per request here (measured), which would flatter the API in the ratio.
  const rawHeaders = {
    'content-type': 'application/json',
    'accept-encoding': 'identity',
    authorization: `Bearer ${env.services.urls.meiliKey}`,
  };

  // Sanity: every query answers from Meilisearch through the API.
  const probe = new TrpcHttp(env.uncachedUrl, '10.77.0.1');
  for (const q of queryMix) {
    const r = await probe.query<{ engine: string; total: number }>('search.products', q);
    if (r.engine !== 'meilisearch') throw new Error(`search answered from ${r.engine}, expected meilisearch`);
  }

  const variants: { name: string; run: (i: number, client: TrpcHttp) => Promise<void>; url: string }[] = [
    {
      name: 'search raw Meilisearch',
      url: env.uncachedUrl,
      run: async (i) => {
        const res = await fetch(`${meiliUrl}/multi-search`, {
          method: 'POST',
          headers: rawHeaders,
          body: JSON.stringify(bodies[i % bodies.length]),
        });
        if (!res.ok) throw new Error(`meilisearch ${res.status}`);
        await res.arrayBuffer();
      },
    },
    {
      name: 'search API, cache off',
      url: env.uncachedUrl,
      run: async (i, client) => {
        const r = await client.query<{ engine: string }>('search.products', queryMix[i % queryMix.length]);
        // A fallback answer is not the thing being measured: count it as an error.
        if (r.engine !== 'meilisearch') throw new Error(`answered by ${r.engine}`);
      },
    },
    {
      name: 'search API, cache on',
      url: env.cachedUrl,
      run: async (i, client) => {
        const r = await client.query<{ engine: string }>('search.products', queryMix[i % queryMix.length]);
        // A fallback answer is not the thing being measured: count it as an error.
        if (r.engine !== 'meilisearch') throw new Error(`answered by ${r.engine}`);
      },
    },
  ];
  for (const v of variants) {
    for (const c of args.levels) {
      progress(`${v.name}: ${c} clients`);
      const r = await runLoad({
        name: v.name,
        concurrency: c,
        warmupMs: args.warmupMs,
        durationMs: args.durationMs,
        setup: async (client) => new TrpcHttp(v.url, `10.78.${client}.1`),
        run: (client, i) => v.run(i, client),
      });
      progress(formatResult(r));
      results.push(r);
    }
  }
  return results;
}
