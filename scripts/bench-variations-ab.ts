// `flock /work/bench.lock bun scripts/bench-variations-ab.ts [--rounds 6] [--clients 8]`
// Issue 16's benchmark ratio on a busy machine: cart add+remove and checkout of plain listings
// and of variation listings, the same loads as `bun run bench`, in alternating 2 s slices
// (plain, variation, variation, plain, ...), so whatever else the machine runs hits both sides
// alike. Reuses the bench's data dir and catalogue (run `bun run bench --quick` once first).
// Prints throughput and CPU per call of each side and the variation / plain ratios (decision 0138).
import pg from 'pg';
import { parseArgs } from './bench/args';
import { apiCheckoutLoad, loadTiming } from './bench/commerce';
import { startBenchEnv, waitForIndex } from './bench/environment';
import {
  clientFor,
  createBuyers,
  prepareStock,
  prepareVariantStock,
  threeShopCart,
  threeShopVariantCart,
} from './bench/fixtures';
import { progress } from './bench/progress';
import { type LoadResult, runLoad } from './bench/stats';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const rounds = flag('--rounds', 6);
const clients = flag('--clients', 8);
const args = { ...parseArgs(['--quick', '--reuse']), warmupMs: 300, durationMs: 2000, levels: [clients] };

type Kind = 'plain' | 'variation';
/** Which side goes first alternates: plain, variation, variation, plain, ... */
const sides = (round: number): Kind[] => (round % 2 === 0 ? ['plain', 'variation'] : ['variation', 'plain']);
interface Totals {
  calls: number;
  ms: number;
  errors: number;
  cpuMs: Record<string, number>;
}
const totals = new Map<string, Totals>();

function add(r: LoadResult) {
  const t = totals.get(r.name) ?? { calls: 0, ms: 0, errors: 0, cpuMs: {} };
  t.calls += r.count;
  t.ms += r.durationMs;
  t.errors += r.errors;
  for (const [k, v] of Object.entries(r.cpuMsPerOp ?? {})) t.cpuMs[k] = (t.cpuMs[k] ?? 0) + v * r.count;
  totals.set(r.name, t);
}

const env = await startBenchEnv(args);
const sql = new pg.Pool({ connectionString: env.services.urls.database, max: 20 });
try {
  const stock = await prepareStock(env.deps, Math.min(2000, Math.floor(env.productCount / 3)));
  const variants = await prepareVariantStock(env.deps, stock.productIds);
  await waitForIndex(env.deps);
  const cartLine = (kind: Kind, i: number) =>
    kind === 'plain'
      ? { productId: stock.productIds[(i * 7919) % stock.productIds.length]! }
      : variants.lines[(i * 7919) % variants.lines.length]!;
  const checkoutLines = (kind: Kind, i: number) =>
    kind === 'plain' ? threeShopCart(stock, i).map((productId) => ({ productId })) : threeShopVariantCart(variants, i);

  // Every cart round before any checkout: a checkout's shop sales requeue that shop's listings
  // for search (~30 s later), and that reindexing would land on whichever slice runs then.
  for (let round = 0; round < rounds; round++)
    for (const kind of sides(round)) {
      progress(`cart round ${round + 1}/${rounds}: ${kind}`);
      const buyers = await createBuyers(env.deps, clients);
      add(
        await runLoad({
          name: `cart add+remove, ${kind}`,
          concurrency: clients,
          ...loadTiming(env, args),
          setup: async (k) => clientFor(env.uncachedUrl, buyers[k]!, `10.84.${k}.${round}`),
          run: async (client, i) => {
            const line = cartLine(kind, i);
            await client.mutate('cart.addItem', { ...line, quantity: 1 });
            await client.mutate('cart.removeItem', line);
          },
        }),
      );
    }
  for (let round = 0; round < rounds; round++)
    for (const kind of sides(round)) {
      progress(`checkout round ${round + 1}/${rounds}: ${kind}`);
      const buyers = await createBuyers(env.deps, clients);
      add(
        await runLoad({
          name: `checkout, ${kind}`,
          concurrency: clients,
          ...loadTiming(env, args),
          ...apiCheckoutLoad(
            env,
            sql,
            buyers,
            (k) => `10.85.${k}.${round}`,
            (i) => checkoutLines(kind, i),
          ),
        }),
      );
    }

  const rate = (t: Totals) => (t.calls / t.ms) * 1000;
  console.log(`\n${rounds} rounds of 2 s per side, ${clients} clients:`);
  for (const [name, t] of totals) {
    const cpu = Object.entries(t.cpuMs)
      .map(([k, v]) => `${k} ${(v / t.calls).toFixed(2)}`)
      .join(', ');
    console.log(
      `${name.padEnd(30)} ${rate(t).toFixed(1).padStart(7)}/s  n=${t.calls}  errors=${t.errors}  cpu ms/call ${cpu}`,
    );
  }
  for (const what of ['cart add+remove', 'checkout']) {
    const plain = totals.get(`${what}, plain`);
    const variation = totals.get(`${what}, variation`);
    if (plain && variation)
      console.log(`${what}: variation / plain = ${(rate(variation) / rate(plain)).toFixed(2)} (goal >= 0.9)`);
  }
} finally {
  await sql.end();
  await env.stop();
}
process.exit(0);
