// `bun run search:eval [--products N] [--seed S] [--check]`
// Seeds the demo catalogue into fresh embedded services (a temp directory, nothing shared with
// `bun dev`), then runs the judged query set (src/server/modules/search/eval/judged-queries.ts)
// against Meilisearch and against the PostgreSQL fallback and prints recall@24, MRR and nDCG@10
// per query class and overall, and every miss. --check exits 1 below the targets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readEnv } from '../src/server/env';
import { createLogger } from '../src/server/logger';
import { judgedQueries } from '../src/server/modules/search/eval/judged-queries';
import { formatReport, runEval, summarise } from '../src/server/modules/search/eval/search-eval';
import { refreshVocabulary } from '../src/server/modules/search/search-spelling';
import { DEMO_SEED } from '../src/server/seed/demo-seed';
import { seedCatalogue } from '../src/server/seed/seed-catalogue';
import { startServices } from '../src/server/services/start-services';

/** Targets of issue 12: recall@24 per engine, MRR on both. */
export const TARGETS = { meilisearch: { recall: 0.97, mrr: 0.85 }, postgres: { recall: 0.95, mrr: 0.85 } } as const;

const { values } = parseArgs({
  options: {
    products: { type: 'string', default: String(DEMO_SEED.products) },
    seed: { type: 'string', default: String(DEMO_SEED.seed) },
    check: { type: 'boolean', default: false },
  },
});
const products = Number(values.products);
const seed = Number(values.seed);
if (!Number.isInteger(products) || products < 100 || !Number.isInteger(seed)) {
  console.error('search:eval: --products must be an integer >= 100 and --seed an integer');
  process.exit(2);
}

const dataDir = mkdtempSync(join(tmpdir(), 'hearth-eval-'));
const env = readEnv({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'error' });
process.stderr.write(`Starting services and seeding ${products} listings (seed ${seed})…\n`);
const services = await startServices(env, createLogger('error'), {
  productsIndex: `products_eval_${Date.now().toString(36)}`,
  searchCacheTtlSeconds: 0,
});
let failed = false;
try {
  const deps = services.deps;
  await seedCatalogue(deps, { seed, shops: Math.max(DEMO_SEED.shops, Math.round(products / 50)), products });
  await refreshVocabulary(deps.db);
  for (const [engine, engineDeps] of [
    ['meilisearch', deps],
    ['postgres', { ...deps, meili: null }],
  ] as const) {
    const scores = await runEval(engineDeps, judgedQueries);
    console.log(formatReport(engine, scores));
    const overall = summarise(scores).find((r) => r.cls === 'overall')!;
    const target = TARGETS[engine];
    if (overall.recall < target.recall || overall.mrr < target.mrr) {
      failed = true;
      console.log(`  below target: recall@24 >= ${target.recall}, MRR >= ${target.mrr}`);
    }
    console.log('');
  }
} finally {
  await services.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(values.check && failed ? 1 : 0);
