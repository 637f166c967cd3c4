// The end of a run: the targets judged, a readable table on stdout, the JSON report under
// bench/results/<timestamp>.json and the markdown summary bench/results/latest.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { BenchArgs } from './args';
import type { HotItemResult } from './commerce';
import type { PagesResult } from './pages';
import type { LoadResult } from './stats';

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
  loads: LoadResult[];
  hotItem: HotItemResult | null;
  pages: PagesResult | null;
  targets: Target[];
  failures: string[];
}

const find = (loads: LoadResult[], name: string, c: number) =>
  loads.find((l) => l.name === name && l.concurrency === c);
const fmt = (v: number | undefined, unit = ' ms') => (v === undefined || Number.isNaN(v) ? 'n/a' : `${v}${unit}`);

export function judgeTargets(loads: LoadResult[], hot: HotItemResult | null): Target[] {
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
  const cartApi = find(loads, 'cart add+remove API', 8);
  const cartRaw = find(loads, 'cart add+remove raw SQL', 8);
  const cartRatio = cartApi && cartRaw ? Math.round((cartApi.throughput / cartRaw.throughput) * 100) : undefined;
  targets.push({
    name: 'add-to-cart throughput, API / raw SQL (c=8)',
    goal: '>= 50%',
    measured:
      cartRatio === undefined ? 'n/a' : `${cartRatio}% (${cartApi!.throughput} / ${cartRaw!.throughput} pairs/s)`,
    met: cartRatio === undefined ? null : cartRatio >= 50,
  });
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
    `${r.productCount.toLocaleString('en-US')} products; ${r.args.quick ? 'quick' : 'full'} run (warm-up ${r.args.warmupMs} ms, ${r.args.durationMs} ms per level); ${r.machine.cpus} CPU(s) ${r.machine.model}, Bun ${r.machine.bun}.`,
    '',
    `> ${r.machine.note}`,
    '',
  );
  lines.push('## Targets', '', '| target | goal | measured | |', '|---|---|---|---|');
  for (const t of r.targets) lines.push(`| ${t.name} | ${t.goal} | ${t.measured} | ${mark(t.met)} |`);
  lines.push(
    '',
    '## Latency and throughput',
    '',
    '| scenario | clients | p50 ms | p95 ms | p99 ms | req/s | n | errors |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const l of r.loads)
    lines.push(
      `| ${l.name} | ${l.concurrency} | ${l.p50} | ${l.p95} | ${l.p99} | ${l.throughput} | ${l.count} | ${l.errors} |`,
    );
  if (r.hotItem) {
    const h = r.hotItem;
    lines.push(
      '',
      '## Hot item',
      '',
      `${h.buyers} buyers for 1 unit: every buyer answered after ${h.allAnsweredMs} ms (median answer ${h.p50Ms} ms); orders = ${h.orders}; outcomes ${JSON.stringify(h.outcomes)}; stock after ${JSON.stringify(h.stockAfter)}.`,
    );
  }
  if (r.pages) {
    lines.push('', `## Pages (headless Chromium, ${r.pages.mode}, median of cold loads)`, '');
    lines.push(
      '| page | path | FCP ms | LCP ms | CLS | JS transferred | JS decoded |',
      '|---|---|---:|---:|---:|---:|---:|',
    );
    for (const p of r.pages.pages)
      lines.push(
        `| ${p.page} | ${p.path} | ${p.fcpMs} | ${p.lcpMs} | ${p.cls} | ${Math.round(p.jsBytesTransferred / 1024)} KiB | ${Math.round(p.jsBytesDecoded / 1024)} KiB |`,
      );
  }
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
  const md = resolve(dir, 'latest.md');
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
    note: `Client load, the app (in-process), PostgreSQL, Redis and Meilisearch all share these ${cs.length} cores, so absolute figures are pessimistic and higher concurrency mostly measures queueing; ratios compare like with like on the same machine.`,
  };
}
