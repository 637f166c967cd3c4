// `bun run seed --shops N --products M --seed S [--buyers B] [--reset] [--no-reindex]`
// Builds the deterministic demo catalogue against the services the app would use (DATABASE_URL
// etc., else embedded ones under DATA_DIR), with progress on stderr and a timed summary.
import { parseArgs } from 'node:util';
import { seedCatalogue } from '../src/server/seed/seed-catalogue';
import { createProgressBar } from './lib/progress-bar';
import { runWithServices } from './lib/run-with-services';

const usage = `Usage: bun run seed [--shops N] [--products M] [--seed S] [--buyers B] [--reset] [--no-reindex]
  --shops      number of shops (default 40)
  --products   number of listings (default 2000)
  --seed       PRNG seed: the same seed gives the same catalogue (default 1)
  --buyers     buyer accounts (default: products / 20, at least 12)
  --reset      empty users, shops, listings, orders, reviews, favourites and views first
  --no-reindex skip rebuilding the Meilisearch index`;

function positiveInt(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    console.error(`seed: --${name} must be an integer between 0 and ${max} (got "${raw}")\n\n${usage}`);
    process.exit(2);
  }
  return n;
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        shops: { type: 'string' },
        products: { type: 'string' },
        seed: { type: 'string' },
        buyers: { type: 'string' },
        reset: { type: 'boolean', default: false },
        'no-reindex': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    console.error(`seed: ${(err as Error).message}\n\n${usage}`);
    process.exit(2);
  }
})();
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const shops = Math.max(1, positiveInt('shops', values.shops, 40, 100_000));
const products = positiveInt('products', values.products, 2000, 2_000_000);
const seed = positiveInt('seed', values.seed, 1, 4_294_967_295);
const buyers =
  values.buyers === undefined ? undefined : Math.max(1, positiveInt('buyers', values.buyers, 0, 1_000_000));

const progress = createProgressBar();

process.stderr.write('Starting services…\n');
const started = performance.now();
await runWithServices('seed', async (deps) => {
  const bootMs = Math.round(performance.now() - started);
  process.stderr.write(
    `Seeding ${products} listings in ${shops} shops (seed ${seed}${values.reset ? ', reset' : ''})\n`,
  );
  const result = await seedCatalogue(
    deps,
    {
      seed,
      shops,
      products,
      buyers,
      reset: values.reset,
      demoAccounts: true,
      reindex: !values['no-reindex'],
    },
    (phase, done, total) => progress.update(phase, done, total),
  );
  progress.finish();

  const t = result.timings;
  const rate = t.total ? Math.round(products / ((t.total ?? 1) / 1000)) : 0;
  const lines = [
    '',
    'Demo catalogue ready',
    `  ${Object.entries(result.counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en-GB')}`)
      .join(' · ')}`,
    `  search index: ${
      result.indexed === null
        ? deps.meili
          ? 'not rebuilt (outbox will sync)'
          : 'Postgres fallback'
        : `${result.indexed} documents`
    }`,
    `  timings: services ${bootMs} ms · ${Object.entries(t)
      .filter(([k]) => k !== 'total')
      .map(([k, v]) => `${k} ${v} ms`)
      .join(' · ')}`,
    `  total ${(t.total! / 1000).toFixed(1)} s (${rate.toLocaleString('en-GB')} listings/s)`,
    '',
    'Demo logins',
    `  buyer:  ${result.demo.buyer ?? `${'buyer@hearth.test'} (already existed, unchanged)`}  password ${result.demo.password}`,
    `  seller: ${result.demo.seller ?? `${'seller@hearth.test'} (already existed, unchanged)`}  password ${result.demo.password}`,
    `  every seeded account (maker-N@seed.hearth.test, buyer-N@seed.hearth.test) uses the same password`,
  ];
  console.log(lines.join('\n'));
});
