// Search use cases. Owns the choice of engine: Meilisearch behind a circuit breaker, PostgreSQL
// full-text search while the breaker is open (or Meilisearch is not configured), with the same
// filters, facets, sorts and response shape; and the short-lived cache of identical searches.
import type { Meilisearch } from 'meilisearch';
import type {
  SearchClickInput,
  SearchEngine,
  SearchPartial,
  SearchProductsQuery,
  SearchProductsResult,
  SearchSuggestInput,
  SearchSuggestion,
  SearchSuggestResult,
} from '../../../shared/schemas/search';
import type { AppDeps } from '../../deps';
import { toProductCard } from '../catalog/catalog.mapper';
import { type BreakerOptions, CircuitBreaker } from './circuit-breaker';
import { liveAvailableUnits, shopsByName } from './search.repository';
import { recordClick, recordSearch } from './search-analytics';
import { readCached, searchCacheKey, writeCached } from './search-cache';
import { allSearchCategories } from './search-categories';
import {
  fallbackFacets,
  fallbackHits,
  fallbackSuggest,
  fallbackUnitCounts,
  type TextMode,
  withTypoThreshold,
} from './search-fallback.repository';
import { meiliUnitCounts, searchMeili, searchMeiliPartial, suggestMeili, type WeightedText } from './search-meili';
import { type ResolvedSearch, resolveSearch } from './search-query';
import { type EngineResult, toFacets } from './search-results';
import { correctionShownIn, correctQuery, typeaheadCorrection, vocabulary } from './search-spelling';
import { normalizeSearchText } from './search-synonyms';
import { type TextUnit, textUnits } from './search-text-query';

/** A query slower than this counts as a Meilisearch failure and is answered from Postgres. */
export const MEILI_TIMEOUT_MS = 400;
export const meiliBreakerOptions: BreakerOptions = { failureThreshold: 3, openMs: 5_000 };
const MAX_SUGGESTIONS = 8;

// One breaker per Meilisearch client: its state is this process's view of that server.
const breakers = new WeakMap<Meilisearch, CircuitBreaker>();
export function meiliBreaker(meili: Meilisearch, options: BreakerOptions = meiliBreakerOptions): CircuitBreaker {
  let b = breakers.get(meili);
  if (!b) {
    b = new CircuitBreaker(options);
    breakers.set(meili, b);
  }
  return b;
}

/** Runs `work` on Meilisearch when the breaker allows; null means "answer from Postgres". */
async function viaMeili<T>(deps: AppDeps, what: string, work: (meili: Meilisearch) => Promise<T>): Promise<T | null> {
  const meili = deps.meili;
  if (!meili) return null;
  const breaker = meiliBreaker(meili);
  if (!breaker.tryAcquire()) return null;
  try {
    const result = await work(meili);
    breaker.recordSuccess();
    return result;
  } catch (err) {
    breaker.recordFailure();
    deps.log.warn(
      { err: err instanceof Error ? err.message : String(err), breaker: breaker.state, what },
      'Meilisearch failed; answering from PostgreSQL',
    );
    return null;
  }
}

async function searchPostgres(
  deps: AppDeps,
  s: ResolvedSearch,
  units: TextUnit[],
  mode: TextMode = 'all',
): Promise<EngineResult> {
  const counting = mode === 'all' && units.length >= 2;
  const [rows, facets, unitCounts] = await Promise.all([
    withTypoThreshold(deps.readDb, units, (db) => fallbackHits(db, s, units, mode)),
    withTypoThreshold(deps.readDb, units, (db) => fallbackFacets(db, s, units, mode)),
    counting ? withTypoThreshold(deps.readDb, units, (db) => fallbackUnitCounts(db, s, units)) : [],
  ]);
  return { hits: rows.map(toProductCard), total: facets.total, facets: toFacets(facets.counts), unitCounts };
}

/** Below this many listings matching every word, partial matches follow (and a spelling check runs). */
export const FEW_RESULTS = 5;

interface TextAnswer {
  result: EngineResult;
  partial: SearchPartial | null;
}

/**
 * Full matches first; when they are few, listings matching some of the words follow, from the
 * same engine (one answer never mixes engines). Only words that find something on their own
 * take part; more words matched ranks higher, then rarer words.
 */
async function answer(
  deps: AppDeps,
  s: ResolvedSearch,
  units: TextUnit[],
): Promise<TextAnswer & { engine: SearchEngine }> {
  const index = deps.config.productsIndex;
  const fromMeili = await viaMeili(deps, 'search', (meili) => searchMeili(meili, index, s, MEILI_TIMEOUT_MS));
  const engine: SearchEngine = fromMeili ? 'meilisearch' : 'postgres';
  const full = fromMeili ?? (await searchPostgres(deps, s, units));
  if (full.total >= FEW_RESULTS || units.length < 2) return { engine, result: full, partial: null };

  // Few full matches: how many each word finds alone (Meilisearch is asked only now, in a second
  // round trip, so the common search sends it nothing beyond the page and its facets).
  const counts =
    engine === 'meilisearch'
      ? await viaMeili(deps, 'search', (meili) =>
          meiliUnitCounts(
            meili,
            index,
            s,
            units.map((u) => u.text),
            MEILI_TIMEOUT_MS,
          ),
        )
      : (full.unitCounts ?? []);
  if (!counts) return { engine, result: full, partial: null };
  const matched = units.map((u, i) => ({ u, n: counts[i] ?? 0 })).filter((m) => m.n > 0);
  if (matched.length === 0) return { engine, result: full, partial: null };
  const most = Math.max(...matched.map((m) => m.n));
  // Rarer words say more about what the shopper wants: weight 1 (commonest) to 1.9 (rarest).
  const weights = matched.map((m) => 1 + 0.9 * (1 - m.n / most));
  const partialResult =
    engine === 'meilisearch'
      ? await viaMeili(deps, 'search', (meili) =>
          searchMeiliPartial(
            meili,
            index,
            s,
            partialTexts(
              matched.map((m) => m.u.text),
              weights,
            ),
            MEILI_TIMEOUT_MS,
          ),
        )
      : await searchPostgres(
          deps,
          s,
          matched.map((m) => m.u),
          { partialWeights: weights },
        );
  if (!partialResult || partialResult.total <= full.total) return { engine, result: full, partial: null };
  return {
    engine,
    result: partialResult,
    partial: { words: matched.map((m) => m.u.label), fullMatches: full.total },
  };
}

/** The federated queries of a partial search: all matched units, each set missing one, each unit. */
function partialTexts(units: string[], weights: number[]): WeightedText[] {
  const texts: WeightedText[] = [{ q: units.join(' '), weight: 10 }];
  if (units.length >= 3) {
    units.forEach((_, skip) => {
      const rest = units.filter((_, i) => i !== skip);
      texts.push({ q: rest.join(' '), weight: 4 + Math.max(...weights.filter((_, i) => i !== skip)) });
    });
  }
  units.forEach((u, i) => {
    texts.push({ q: u, weight: weights[i]! });
  });
  return texts;
}

/**
 * "Did you mean": unknown words replaced from the catalogue's vocabulary. With few full matches,
 * whenever there is a correction; with many (typo tolerance found "neckalce"'s necklaces), only
 * when at least half of the listings shown name the corrected words (decision 0191).
 */
async function suggestionFor(
  deps: AppDeps,
  q: string,
  fullMatches: number,
  hits: { title: string }[],
): Promise<string | null> {
  const corrected = correctQuery(await vocabulary(deps.readDb), q);
  if (!corrected || fullMatches < FEW_RESULTS) return corrected;
  return correctionShownIn(
    q,
    corrected,
    hits.map((h) => h.title),
  )
    ? corrected
    : null;
}

type CachedSearch = Omit<SearchProductsResult, 'tookMs'>;

export async function searchProducts(deps: AppDeps, input: SearchProductsQuery): Promise<SearchProductsResult> {
  const started = performance.now();
  const s = resolveSearch(input);
  const index = deps.config.productsIndex;
  const ttl = deps.config.searchCacheTtlSeconds;
  const key = ttl > 0 && deps.meili ? searchCacheKey(deps.store, index, 'p', s) : null;
  // Analytics count submitted searches: the first page, not scrolling further.
  const record = (total: number) => {
    if (s.q && s.page === 1) recordSearch(deps.db, s.q, total);
  };
  if (key) {
    const cached = await readCached<CachedSearch>(deps.store, key);
    if (cached) {
      record(cached.total);
      return { ...(await withLiveAvailability(deps, cached)), tookMs: elapsed(started) };
    }
  }

  const units = textUnits(s.q);
  const { engine, result, partial } = await answer(deps, s, units);
  const fullMatches = partial ? partial.fullMatches : result.total;
  const suggestion = s.q ? await suggestionFor(deps, s.q, fullMatches, result.hits) : null;
  const body: CachedSearch = {
    hits: result.hits,
    total: result.total,
    facets: result.facets,
    page: s.page,
    pageSize: s.pageSize,
    engine,
    partial,
    suggestion,
  };
  // Only Meilisearch answers are cached: when it recovers, traffic goes back to it at once.
  if (key && engine === 'meilisearch') writeCached(deps.store, key, body, ttl);
  record(result.total);
  // The PostgreSQL engine read the live count with the hits already.
  return { ...(engine === 'meilisearch' ? await withLiveAvailability(deps, body) : body), tookMs: elapsed(started) };
}

/**
 * The index keeps only in/out of stock (holds would otherwise re-index a listing on every cart
 * change); the exact count cards show ("Only 1 left") is read live, one query per page of hits.
 */
async function withLiveAvailability(deps: AppDeps, body: CachedSearch): Promise<CachedSearch> {
  if (body.hits.length === 0) return body;
  const live = await liveAvailableUnits(
    deps.db,
    body.hits.map((h) => h.id),
  );
  return { ...body, hits: body.hits.map((h) => ({ ...h, available: live.get(h.id) ?? 0 })) };
}

function categorySuggestions(q: string): { name: string; slug: string }[] {
  const needle = normalizeSearchText(q);
  if (!needle) return [];
  return (
    allSearchCategories()
      .filter((c) => {
        const name = normalizeSearchText(c.name);
        return name.startsWith(needle) || name.includes(` ${needle}`);
      })
      // A category named exactly what was typed comes first ("clothing" offers Clothing, not only
      // Baby clothing and Vintage clothing); then leaves before departments.
      .sort(
        (a, b) =>
          Number(normalizeSearchText(b.name) === needle) - Number(normalizeSearchText(a.name) === needle) ||
          Number(a.isTop) - Number(b.isTop) ||
          a.name.localeCompare(b.name),
      )
      .map((c) => ({ name: c.name, slug: c.slug }))
  );
}

export async function suggestSearch(deps: AppDeps, input: SearchSuggestInput): Promise<SearchSuggestResult> {
  const q = input.q.trim();
  const index = deps.config.productsIndex;
  const ttl = deps.config.searchCacheTtlSeconds;
  const key = ttl > 0 && deps.meili ? searchCacheKey(deps.store, index, 's', q.toLowerCase()) : null;
  if (key) {
    const cached = await readCached<SearchSuggestResult>(deps.store, key);
    if (cached) return cached;
  }
  const complete = async (text: string) => {
    const meili = await viaMeili(deps, 'suggest', (m) => suggestMeili(m, index, text, MEILI_TIMEOUT_MS));
    return { fromMeili: meili !== null, found: meili ?? (await fallbackSuggest(deps.readDb, text)) };
  };
  let { fromMeili, found } = await complete(q);
  // Nothing completes what was typed: complete its correction instead ("neckless" -> necklace).
  if (found.queries.length === 0 && q.length >= 4) {
    const fix = typeaheadCorrection(await vocabulary(deps.readDb), q);
    if (fix && fix !== q.toLowerCase()) {
      const corrected = await complete(fix);
      fromMeili = corrected.fromMeili;
      found = { queries: corrected.found.queries, shops: found.shops.length ? found.shops : corrected.found.shops };
    }
  }

  const categories = categorySuggestions(q).slice(0, 2);
  // The engines answer with shop names; a suggestion links to the shop, so it needs its slug.
  const shops = await shopsByName(deps.readDb, namesTypedFirst(found.shops, q).slice(0, 2));
  const queries = [...new Set(found.queries.map((t) => t.toLowerCase()))].slice(
    0,
    MAX_SUGGESTIONS - categories.length - shops.length,
  );
  const suggestions: SearchSuggestion[] = [
    ...queries.map((text) => ({ text, kind: 'query' as const, value: text })),
    ...categories.map((c) => ({ text: c.name, kind: 'category' as const, value: c.slug })),
    ...shops.map((s) => ({ text: s.name, kind: 'shop' as const, value: s.slug })),
  ];
  const result = { suggestions };
  if (key && fromMeili) writeCached(deps.store, key, result, ttl);
  return result;
}

/** Counts a click on a result of `q` (batched with the search counters). */
export function recordSearchClick(deps: AppDeps, input: SearchClickInput): { recorded: true } {
  recordClick(deps.db, input.q);
  return { recorded: true };
}

/**
 * Facet search ranks shop names by listing count and may drop trailing words of the query, so a
 * shop whose name the shopper typed out can sit below busier look-alikes ("Shop smx6…"). Names
 * that contain what was typed, at the start of a word, come first; the engine's order stays within.
 */
function namesTypedFirst(names: readonly string[], q: string): string[] {
  const typed = q.toLowerCase();
  const matches = (name: string) => ` ${name.toLowerCase()}`.includes(` ${typed}`);
  return [...names.filter(matches), ...names.filter((n) => !matches(n))];
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
