// The end of a run: the targets judged, a readable table on stdout, the JSON report under
// bench/results/<timestamp>.json and the markdown summary bench/results/latest.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { BenchArgs } from './args';
import { type HotItemResult, steadyStateWarmUpMs } from './commerce';
import type { PageMetrics, PagesResult } from './pages';
import { type LoadResult, windowRatioRange } from './stats';
import type { SyncProbeResult } from './sync-probe';
import { PAIRED_LISTINGS } from './variations';

export interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean | null;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  args: BenchArgs;
  machine: { cpus: number; model: string; bun: string; note: string };
  productCount: number;
  /** PostgreSQL durability settings during the run (fsync, synchronous_commit, full_page_writes). */
  postgres: string | null;
  loads: LoadResult[];
  hotItem: HotItemResult | null;
  pages: PagesResult | null;
  searchSync: SyncProbeResult | null;
  targets: Target[];
  /** `--instances N`: how many app processes ran behind HAProxy, and who served the routed reads. */
  instances: { count: number; replicaReads: { replica: number; primary: number } } | null;
  failures: string[];
}

const find = (loads: LoadResult[], name: string, c: number) =>
  loads.find((l) => l.name === name && l.concurrency === c);
const fmt = (v: number | undefined, unit = ' ms') => (v === undefined || Number.isNaN(v) ? 'n/a' : `${v}${unit}`);

const isRaw = (l: LoadResult) => l.name.includes('raw');

/**
 * CPU ms per call of everything that serves it: app + PostgreSQL + Meilisearch + Redis for API
 * runs; for raw runs the bench process is the SQL client, so it stands in for the app.
 */
export function cpuPerOp(l: LoadResult | undefined): number | undefined {
  if (!l?.cpuMsPerOp) return undefined;
  const total = Object.entries(l.cpuMsPerOp)
    .filter(([name]) => name !== 'bench' || isRaw(l))
    .reduce((t, [, ms]) => t + ms, 0);
  return Math.round(total * 100) / 100;
}

const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? undefined : Math.round((a / b) * 100) / 100;

const rangeText = (range: [number, number] | undefined) => (range ? `${range[0]}–${range[1]}` : 'n/a');

function throughputRatio(loads: LoadResult[], name: string, api: string, raw: string, c: number, goal: number): Target {
  const a = find(loads, api, c);
  const r = find(loads, raw, c);
  const v = ratio(a?.throughput, r?.throughput);
  const range = windowRatioRange(a, r);
  const windows = range ? `; windows ${range[0]}–${range[1]}` : '';
  return {
    name: `${name} (c=${c})`,
    goal: `>= ${goal}`,
    measured: v === undefined ? 'n/a' : `${v} (${a!.throughput} / ${r!.throughput} per s${windows})`,
    met: v === undefined ? null : v >= goal,
  };
}

export function judgeTargets(
  loads: LoadResult[],
  hot: HotItemResult | null,
  sync: SyncProbeResult | null = null,
): Target[] {
  const targets: Target[] = [];
  for (const c of [1, 8, 32]) {
    const api = find(loads, 'search API, cache off', c);
    const raw = find(loads, 'search raw Meilisearch', c);
    const ratio = api && raw ? Math.round((api.p95 / raw.p95) * 100) / 100 : undefined;
    targets.push({
      name: `API search p95 / raw Meilisearch p95 (c=${c})`,
      goal: '<= 1.3x',
      measured: ratio === undefined ? 'n/a' : `${ratio}x (${api!.p95} / ${raw!.p95} ms)`,
      met: ratio === undefined ? null : ratio <= 1.3,
    });
  }
  targets.push(
    throughputRatio(
      loads,
      'add-to-cart throughput, API / raw SQL',
      'cart add+remove API',
      'cart add+remove raw SQL',
      8,
      0.7,
    ),
    throughputRatio(loads, 'checkout throughput, API / raw SQL', 'checkout API', 'checkout raw SQL', 8, 0.8),
  );
  const cpuApi = cpuPerOp(find(loads, 'checkout API', 8));
  const cpuRaw = cpuPerOp(find(loads, 'checkout raw SQL', 8));
  const cpuRatio = ratio(cpuApi, cpuRaw);
  targets.push({
    name: 'CPU per checkout, all processes / raw SQL alone (c=8)',
    goal: '<= 2x',
    measured: cpuRatio === undefined ? 'n/a' : `${cpuRatio}x (${cpuApi} / ${cpuRaw} ms)`,
    met: cpuRatio === undefined ? null : cpuRatio <= 2,
  });
  if (sync)
    targets.push({
      name: 'search sync p95 while cart and checkout load runs',
      goal: '<= 1000 ms',
      measured: `${sync.p95Ms} ms (p50 ${sync.p50Ms}, max ${sync.maxMs}, n = ${sync.samples}, timeouts ${sync.timeouts})`,
      met: sync.samples > 0 ? sync.p95Ms <= 1000 && sync.timeouts === 0 : null,
    });
  for (const c of [8, 32])
    targets.push(
      throughputRatio(
        loads,
        'checkout throughput, one shop / spread shops',
        'checkout API, one shop',
        'checkout API, spread shops',
        c,
        0.8,
      ),
    );
  // Issue 16: variation listings within 10 % of plain listings, measured in alternating windows
  // of the same run (variations.ts, decision 0152).
  for (const c of [8, 32])
    targets.push(
      throughputRatio(
        loads,
        'add-to-cart throughput, variations / listings',
        'cart add+remove API, variations',
        `cart add+remove API${PAIRED_LISTINGS}`,
        c,
        0.9,
      ),
      throughputRatio(
        loads,
        'checkout throughput, variations / listings',
        'checkout API, variations',
        `checkout API${PAIRED_LISTINGS}`,
        c,
        0.9,
      ),
    );
  const checkout = find(loads, 'checkout API', 8);
  targets.push({
    name: 'checkout.place p95 (c=8)',
    goal: '< 50 ms',
    measured: fmt(checkout?.p95),
    met: checkout ? checkout.p95 < 50 : null,
  });
  for (const c of [1, 8, 32]) {
    const cached = find(loads, 'search API, cache on', c);
    targets.push({
      name: `cached search p95 (c=${c})`,
      goal: '< 5 ms',
      measured: fmt(cached?.p95),
      met: cached ? cached.p95 < 5 : null,
    });
  }
  if (hot)
    targets.push({
      name: `hot item: ${hot.buyers} buyers, 1 unit`,
      goal: 'orders = 1, all answered',
      measured: `orders = ${hot.orders}, all answered in ${hot.allAnsweredMs} ms`,
      met: hot.orders === 1 && Object.values(hot.outcomes).reduce((a, b) => a + b, 0) === hot.buyers,
    });
  return targets;
}

const mark = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'NOT MET');

export function markdown(r: BenchReport): string {
  const lines: string[] = [];
  lines.push(`# Bench results (${r.finishedAt})`, '');
  lines.push(
    `${r.productCount.toLocaleString('en-US')} products; ${r.args.quick ? 'quick' : 'full'} run (warm-up ${r.args.warmupMs} ms, ${r.args.durationMs} ms per level; the cart and checkout rows after ${steadyStateWarmUpMs(r.args)} ms of untimed load of each per side); ${r.machine.cpus} CPU(s) ${r.machine.model}, Bun ${r.machine.bun}.`,
    '',
    `> ${r.machine.note}`,
    '',
    `PostgreSQL: ${r.postgres ?? 'unknown'}.`,
    '',
  );
  if (r.instances) {
    const { replica, primary } = r.instances.replicaReads;
    lines.push(
      `Rows marked "· ${r.instances.count} instances" ran through HAProxy (deploy/haproxy.cfg) in front of ${r.instances.count} app processes reading public data from a streaming replica; the others ran against one app process in the same run. Replica's share of the routed reads (readDb): ${replica} of ${replica + primary} (${replica + primary ? Math.round((replica / (replica + primary)) * 100) : 0} %).`,
      '',
    );
  }
  lines.push('## Targets', '', '| target | goal | measured | |', '|---|---|---|---|');
  for (const t of r.targets) lines.push(`| ${t.name} | ${t.goal} | ${t.measured} | ${mark(t.met)} |`);
  lines.push(
    '',
    '## Latency and throughput',
    '',
    'CPU ms per call from /proc over the measured window: app, PostgreSQL (all backends), Meilisearch, Redis, and the bench process (load generator; the SQL client in raw runs). "all" adds up what serves the call (see `cpuPerOp`).',
    '',
    '| scenario | clients | p50 ms | p95 ms | p99 ms | req/s | n | errors | CPU ms/call app / pg / meili / redis / bench | all |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---|---:|');
  const cpuCell = (l: LoadResult) =>
    l.cpuMsPerOp
      ? ['app', 'postgres', 'meilisearch', 'redis', 'bench'].map((k) => l.cpuMsPerOp?.[k] ?? '-').join(' / ')
      : 'n/a';
  for (const l of r.loads)
    lines.push(
      `| ${l.name} | ${l.concurrency} | ${l.p50} | ${l.p95} | ${l.p99} | ${l.throughput} | ${l.count} | ${l.errors} | ${cpuCell(l)} | ${cpuPerOp(l) ?? 'n/a'} |`,
    );
  const floors = r.loads.filter((l) => l.name === 'checkout raw floor (1 round trip)');
  if (floors.length) {
    lines.push('', '## Checkout against its floor', '');
    lines.push(
      "The floor is checkout's essential SQL (lock, decrement, payment and order rows, cart cleared, key recorded) as one round trip (`scripts/bench/raw-floor.ts`).",
      '',
      '| clients | API req/s | raw SQL req/s | floor req/s | API / floor | raw SQL / floor |',
      '|---:|---:|---:|---:|---:|---:|',
    );
    for (const f of floors) {
      const api = find(r.loads, 'checkout API', f.concurrency);
      const raw = find(r.loads, 'checkout raw SQL', f.concurrency);
      lines.push(
        `| ${f.concurrency} | ${api?.throughput ?? 'n/a'} | ${raw?.throughput ?? 'n/a'} | ${f.throughput} | ${ratio(api?.throughput, f.throughput) ?? 'n/a'} | ${ratio(raw?.throughput, f.throughput) ?? 'n/a'} |`,
      );
    }
  }
  const stackFloors = r.loads.filter((l) => l.name === 'cart add+remove stack floor');
  if (stackFloors.length) {
    lines.push('', '## Cart change against the stack floor', '');
    lines.push(
      "The stack floor is the fixed stack (Bun, Hono, @hono/trpc-server, tRPC, zod, Kysely, pg) sending the cart's SQL and nothing of Hearth's: no session, rate limit, CSRF, headers or DTO (`scripts/bench/stack-floor.ts`, served from a process of its own with a pool of the app's size, in the same alternating windows). API / floor is what Hearth's own code costs; floor / raw SQL is what the stack costs. The window columns give the smallest and largest ratio of one window against the window next to it: how far the machine's state moved the ratio within this run.",
      '',
      '| clients | API pairs/s | floor pairs/s | raw SQL pairs/s | API / raw SQL | by window | floor / raw SQL | API / floor | by window | app CPU ms per pair, API / floor |',
      '|---:|---:|---:|---:|---:|---|---:|---:|---|---|',
    );
    for (const f of stackFloors) {
      const api = find(r.loads, 'cart add+remove API', f.concurrency);
      const raw = find(r.loads, 'cart add+remove raw SQL', f.concurrency);
      lines.push(
        `| ${f.concurrency} | ${api?.throughput ?? 'n/a'} | ${f.throughput} | ${raw?.throughput ?? 'n/a'} | ${ratio(api?.throughput, raw?.throughput) ?? 'n/a'} | ${rangeText(windowRatioRange(api, raw))} | ${ratio(f.throughput, raw?.throughput) ?? 'n/a'} | ${ratio(api?.throughput, f.throughput) ?? 'n/a'} | ${rangeText(windowRatioRange(api, f))} | ${api?.cpuMsPerOp?.app ?? 'n/a'} / ${f.cpuMsPerOp?.app ?? 'n/a'} |`,
      );
    }
  }
  const counted = r.loads.filter((l) => l.roundTrips && Object.keys(l.roundTrips).length);
  if (counted.length) {
    lines.push('', '## Round trips per call (counted in the app process)', '');
    lines.push(
      '| scenario | clients | procedure | SQL round trips | transactions | Redis commands |',
      '|---|---:|---|---:|---:|---:|',
    );
    for (const l of counted)
      for (const [proc, c] of Object.entries(l.roundTrips!))
        lines.push(`| ${l.name} | ${l.concurrency} | ${proc} | ${c.sql} | ${c.transactions} | ${c.redis} |`);
  }
  if (r.searchSync) {
    const y = r.searchSync;
    lines.push(
      '',
      '## Search freshness under load',
      '',
      `A listing title edited in PostgreSQL, then searched for in Meilisearch every 10 ms, over and over while the cart, checkout and same-shop scenarios ran: ${y.samples} samples, p50 ${y.p50Ms} ms, p95 ${y.p95Ms} ms, max ${y.maxMs} ms, ${y.timeouts} timed out (15 s).`,
    );
  }
  if (r.hotItem) {
    const h = r.hotItem;
    lines.push(
      '',
      '## Hot item',
      '',
      `${h.buyers} buyers for 1 unit: every buyer answered after ${h.allAnsweredMs} ms (median answer ${h.p50Ms} ms); orders = ${h.orders}; outcomes ${JSON.stringify(h.outcomes)}; stock after ${JSON.stringify(h.stockAfter)}.`,
    );
  }
  if (r.pages) lines.push(...pagesMarkdown(r.pages));
  if (r.failures.length) lines.push('', '## Scenarios that failed to run', '', ...r.failures.map((f) => `- ${f}`));
  lines.push('');
  return lines.join('\n');
}

export function printTable(r: BenchReport) {
  console.log(markdown(r));
}

export function writeReport(r: BenchReport): { json: string; md: string } {
  const dir = resolve(import.meta.dir, '../../bench/results');
  mkdirSync(dir, { recursive: true });
  const stamp = r.startedAt.replace(/[:.]/g, '-');
  const json = resolve(dir, `${stamp}.json`);
  // A multi-instance run keeps its own page, so latest.md stays the single-instance reference.
  const md = resolve(dir, r.instances ? `latest-${r.instances.count}-instances.md` : 'latest.md');
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(md, markdown(r));
  return { json, md };
}

export function machine() {
  const cs = cpus();
  return {
    cpus: cs.length,
    model: cs[0]?.model ?? 'unknown',
    bun: Bun.version,
    note: `The load generator, the app (its own process), PostgreSQL, Redis and Meilisearch all share these ${cs.length} cores, so absolute figures are pessimistic and higher concurrency mostly measures queueing; ratios compare like with like on the same machine.`,
  };
}

/** Server- and client-rendered figures side by side, and the issue-14 targets judged. */
function pagesMarkdown(p: PagesResult): string[] {
  const lines = ['', `## Pages (headless Chromium, ${p.mode}, median of cold loads)`, ''];
  lines.push(
    'Each page loaded in a fresh browser context; "4×" slows the CPU through the DevTools protocol. Server-rendered = the default; client-rendered = the same build with `SERVER_RENDERING=false`.',
    '',
    '| page | CPU | server TTFB | server FCP | server LCP | server CLS | client TTFB | client FCP | client LCP | client CLS | JS transferred (server / client) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  const find = (page: string, mode: string, cpu: number) =>
    p.pages.find((m) => m.page === page && m.mode === mode && m.cpuSlowdown === cpu);
  const kib = (m: PageMetrics | undefined) => (m ? `${Math.round(m.jsBytesTransferred / 1024)} KiB` : 'n/a');
  for (const cpu of [1, 4])
    for (const page of ['home', 'search', 'product']) {
      const s = find(page, 'server', cpu);
      const c = find(page, 'client', cpu);
      lines.push(
        `| ${page} | ${cpu}× | ${fmt(s?.ttfbMs)} | ${fmt(s?.fcpMs)} | ${fmt(s?.lcpMs)} | ${s?.cls ?? 'n/a'} | ${fmt(c?.ttfbMs)} | ${fmt(c?.fcpMs)} | ${fmt(c?.lcpMs)} | ${c?.cls ?? 'n/a'} | ${kib(s)} / ${kib(c)} |`,
      );
    }
  if (p.ttfb.length) {
    lines.push(
      '',
      '| TTFB under load | path | clients | requests | p50 | p95 | p99 |',
      '|---|---|---:|---:|---:|---:|---:|',
    );
    for (const t of p.ttfb)
      lines.push(
        `| ${t.mode}-rendered | ${t.path} | ${t.clients} | ${t.requests} | ${fmt(t.p50Ms)} | ${fmt(t.p95Ms)} | ${fmt(t.p99Ms)} |`,
      );
  }
  const targets: Target[] = [];
  for (const page of ['product', 'search'])
    for (const [cpu, goal] of [
      [1, 1000],
      [4, 1500],
    ] as const) {
      const m = find(page, 'server', cpu);
      targets.push({
        name: `${page} LCP, server-rendered, CPU ${cpu}×`,
        goal: `< ${goal} ms`,
        measured: fmt(m?.lcpMs),
        met: m ? m.lcpMs < goal : null,
      });
    }
  const t = p.ttfb.find((x) => x.mode === 'server');
  targets.push({
    name: 'product TTFB p95 at 8 clients, server-rendered',
    goal: '< 50 ms',
    measured: fmt(t?.p95Ms),
    met: t ? t.p95Ms < 50 : null,
  });
  const worstCls = Math.max(...p.pages.filter((m) => m.mode === 'server').map((m) => m.cls));
  targets.push({
    name: 'CLS, server-rendered pages (worst median)',
    goal: '0',
    measured: String(worstCls),
    met: worstCls === 0,
  });
  lines.push('', '| target | goal | measured | met |', '|---|---|---|---|');
  for (const x of targets)
    lines.push(`| ${x.name} | ${x.goal} | ${x.measured} | ${x.met === null ? 'n/a' : x.met ? 'yes' : 'no'} |`);
  return lines;
}
