// `bun run bench [--products N | --quick] [--reuse] [--only search,cart,checkout,shop,variations,hot,pages] [--no-pages]
// [--instances N]` (N > 1: search, cart and checkout again through HAProxy in front of N app processes)
// Seeds (or reuses) a catalogue in its own data dir, serves the app from its own process and
// measures the API against the raw engines under it at 1, 8 and 32 clients, with the CPU time
// of every process per call and search freshness under the commerce load; writes bench/results/.
import { parseArgs } from './bench/args';
import { benchCart, benchCheckout, benchHotItem, benchSameShop, type HotItemResult } from './bench/commerce';
import { type BenchEnv, startBenchEnv, vacuumBeforeMeasuring, waitForIndex } from './bench/environment';
import { prepareStock, prepareVariantStock } from './bench/fixtures';
import { startInstances } from './bench/instances';
import { benchPages, type PagesResult } from './bench/pages';
import { progress } from './bench/progress';
import { type BenchReport, judgeTargets, machine, printTable, writeReport } from './bench/report';
import { benchSearch } from './bench/search';
import type { LoadResult } from './bench/stats';
import { SyncProbe, type SyncProbeResult } from './bench/sync-probe';
import { benchVariations } from './bench/variations';

const args = parseArgs(process.argv.slice(2));
const wants = (s: string) => !args.only || args.only.includes(s);
const startedAt = new Date().toISOString();
const loads: LoadResult[] = [];
const failures: string[] = [];
let hotItem: HotItemResult | null = null;
let pages: PagesResult | null = null;
let searchSync: SyncProbeResult | null = null;
let env: BenchEnv | null = null;
let instances: BenchReport['instances'] = null;

async function step(name: string, fn: () => Promise<void>) {
  try {
    await fn();
  } catch (err) {
    const msg = `${name}: ${err instanceof Error ? err.message : String(err)}`;
    progress(`FAILED ${msg}`);
    failures.push(msg);
  }
}

try {
  progress(`${args.products} products, levels ${args.levels.join('/')}, ${args.durationMs} ms per level`);
  env = await startBenchEnv(args);
  const e = env;
  // A small catalogue (--products 400) keeps a third of it back for the variation listings.
  const poolSize = Math.min(2000, Math.floor(e.productCount / 3));
  progress(`fixtures: deep stock on ${poolSize} listings for cart and checkout runs`);
  const stock = await prepareStock(e.deps, poolSize);
  await vacuumBeforeMeasuring(e.deps);
  await waitForIndex(e.deps);
  if (wants('search')) await step('search', async () => void loads.push(...(await benchSearch(e, args))));
  // Search freshness is sampled while the cart and checkout scenarios run.
  const probe = await SyncProbe.create(e, stock);
  probe.start();
  if (wants('cart')) await step('cart', async () => void loads.push(...(await benchCart(e, args, stock))));
  if (wants('checkout')) await step('checkout', async () => void loads.push(...(await benchCheckout(e, args, stock))));
  if (wants('shop')) await step('same shop', async () => void loads.push(...(await benchSameShop(e, args, stock))));
  // Issue 16: the same cart and checkout loads on listings with variations, each level measured
  // in windows alternating with the plain-listing load (decision 0152).
  if (wants('variations'))
    await step('variations', async () => {
      const variants = await prepareVariantStock(e.deps, stock.productIds);
      progress(
        `fixtures: ${variants.lines.length} combinations for cart runs; checkout carts from ${variants.byShop.size} shops with two or more variation listings`,
      );
      // Same starting point as the plain rows: the index has caught up (with listings the fixture
      // just converted, and with sales counts the checkout runs coalesced), so no reindexing runs
      // under the variation loads only.
      await waitForIndex(e.deps);
      loads.push(...(await benchVariations(e, args, stock, variants)));
    });
  await probe.stop();
  searchSync = probe.result();
  progress(`search sync under load: ${JSON.stringify(searchSync)}`);
  await probe.restore();
  if (wants('hot'))
    await step('hot item', async () => {
      hotItem = await benchHotItem(e, stock);
    });
  if (wants('pages') && args.pages)
    await step('pages', async () => {
      pages = await benchPages(e, stock.productIds.slice(0, 1001));
    });
  if (args.instances > 1)
    await step(`${args.instances} instances`, async () => {
      const many = await startInstances(e, args.instances);
      try {
        const tag = (rs: LoadResult[]) => rs.map((r) => ({ ...r, name: `${r.name} · ${args.instances} instances` }));
        if (wants('search')) loads.push(...tag(await benchSearch(many.env, args)));
        if (wants('cart')) loads.push(...tag(await benchCart(many.env, args, stock)));
        if (wants('checkout')) loads.push(...tag(await benchCheckout(many.env, args, stock)));
        const reads = await many.replicaReads();
        instances = { count: args.instances, replicaReads: reads };
        progress(`instances: replica served ${reads.replica} of ${reads.replica + reads.primary} routed reads`);
      } finally {
        await many.stop();
      }
    });
} catch (err) {
  failures.push(`setup: ${err instanceof Error ? err.message : String(err)}`);
  progress(`FAILED setup: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
} finally {
  const report: BenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    args,
    machine: machine(),
    productCount: env?.productCount ?? 0,
    postgres: env?.postgres ?? null,
    loads,
    hotItem,
    pages,
    searchSync,
    targets: judgeTargets(loads, hotItem, searchSync),
    instances,
    failures,
  };
  printTable(report);
  const files = writeReport(report);
  progress(`wrote ${files.json} and ${files.md}`);
  await env?.stop().catch(() => {});
  process.exit(failures.length ? 1 : 0);
}
