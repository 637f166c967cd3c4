// search.products through the API (cache off and on) and the same Meilisearch requests sent
// straight to its HTTP API (every round the API makes, see meiliRoundsFor), on a fixed query mix:
// synonyms, typos, facets, filters, sorts.
import type { AppDeps } from '../../src/server/deps';
import { searchProducts } from '../../src/server/modules/search/search.service';
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

/**
 * The Meilisearch requests the API makes for `input`, in order: one round per request it waits
 * for, each round the multi-search bodies it sends at once. Most queries are one round; a query
 * whose words together find few listings adds a round asking how many each word finds alone and
 * a round of federated partial-match queries (search.service.ts `answer`). Recorded by running the
 * search module itself against the real Meilisearch, so the raw side repeats exactly that work.
 */
export async function meiliRoundsFor(deps: AppDeps, input: SearchProductsInput): Promise<unknown[][]> {
  const meili = deps.meili;
  if (!meili) throw new Error('Meilisearch is not configured');
  const rounds: unknown[][] = [];
  let inFlight = 0;
  let roundOpen = false;
  const recorder = new Proxy(meili, {
    get(target, prop, receiver) {
      if (prop !== 'multiSearch') return Reflect.get(target, prop, receiver);
      return async (body: unknown, options?: unknown) => {
        if (!roundOpen) rounds.push([]);
        roundOpen = true;
        rounds[rounds.length - 1]!.push(body);
        inFlight++;
        try {
          return await target.multiSearch(body as never, options as never);
        } finally {
          // The next request starts a new round once every request of this one has answered.
          if (--inFlight === 0) roundOpen = false;
        }
      };
    },
  });
  const answer = await searchProducts(
    { ...deps, meili: recorder, config: { ...deps.config, searchCacheTtlSeconds: 0 } },
    searchProductsInput.parse(input),
  );
  if (answer.engine !== 'meilisearch') throw new Error(`search for ${JSON.stringify(input)} did not use Meilisearch`);
  if (rounds.length === 0) throw new Error('could not capture the Meilisearch requests');
  return rounds;
}

export async function benchSearch(env: BenchEnv, args: BenchArgs): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  const meiliUrl = env.services.urls.meili;
  if (!meiliUrl) throw new Error('Meilisearch is not running: cannot compare with the raw engine');
  const rounds: unknown[][][] = [];
  for (const q of queryMix) rounds.push(await meiliRoundsFor(env.deps, q));
  const extra = rounds.filter((r) => r.length > 1).length;
  progress(
    `raw Meilisearch repeats the API's requests: ${rounds.flat(2).length} multi-searches in ${rounds.flat().length} rounds for ${queryMix.length} queries (${extra} with partial matching)`,
  );
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
        for (const round of rounds[i % rounds.length]!) {
          await Promise.all(
            round.map(async (body) => {
              const res = await fetch(`${meiliUrl}/multi-search`, {
                method: 'POST',
                headers: rawHeaders,
                body: JSON.stringify(body),
              });
              if (!res.ok) throw new Error(`meilisearch ${res.status}`);
              await res.arrayBuffer();
            }),
          );
        }
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
