// The fast subset of `bun run search:eval`: a small demo catalogue in the shared test database,
// every fourth judged query, both engines. Judgement reads every listing in the database (other
// test files' listings included), so it stays honest whatever else the run created.
import { beforeAll, describe, expect, test } from 'bun:test';
import type { AppDeps } from '../../../deps';
import { seedCatalogue } from '../../../seed/seed-catalogue';
import { unique } from '../../../test/factories';
import { testDeps } from '../../../test/test-services';
import { ensureSearchIndex } from '../search-index';
import { refreshVocabulary } from '../search-spelling';
import { judgedQueries } from './judged-queries';
import { runEval, summarise } from './search-eval';

const subset = judgedQueries.filter((_, i) => i % 4 === 0);
const cacheless = (deps: AppDeps): AppDeps => ({ ...deps, config: { ...deps.config, searchCacheTtlSeconds: 0 } });

beforeAll(async () => {
  await ensureSearchIndex(testDeps());
  await seedCatalogue(testDeps(), { seed: 42, shops: 20, products: 400, namespace: `${unique('eval')}-` });
  await refreshVocabulary(testDeps().db);
}, 180_000);

describe('search evaluation (subset)', () => {
  test(`${subset.length} judged queries: recall@24 and MRR meet the targets on Meilisearch and on Postgres`, async () => {
    for (const [engine, deps, minRecall] of [
      ['meilisearch', cacheless(testDeps()), 0.95],
      ['postgres', { ...cacheless(testDeps()), meili: null }, 0.93],
    ] as const) {
      const overall = summarise(await runEval(deps, subset)).find((r) => r.cls === 'overall')!;
      expect({
        engine,
        recall: overall.recall >= minRecall,
        mrr: overall.mrr >= 0.85,
        forbidden: overall.forbidden,
      }).toEqual({
        engine,
        recall: true,
        mrr: true,
        forbidden: 0,
      });
    }
  }, 180_000);
});
