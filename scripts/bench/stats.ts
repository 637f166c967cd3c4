// Latency statistics and a closed-loop load runner: N clients each run `fn` back to back for a
// fixed time after a warm-up; every call's latency is recorded, errors are counted, not timed.
export interface LoadResult {
  name: string;
  concurrency: number;
  count: number;
  errors: number;
  /** Distinct error messages seen, with counts (first few only). */
  errorSamples: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  throughput: number;
  durationMs: number;
  /** CPU milliseconds per completed call, per process group, over the measured window. */
  cpuMsPerOp?: Record<string, number>;
  /** Throughput of each alternating window, in the order they ran (runAlternatingAll). */
  windowThroughputs?: number[];
  /** SQL round trips, transactions and Redis commands per call of each procedure (API runs). */
  roundTrips?: Record<string, { sql: number; transactions: number; redis: number }>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

export function summarise(
  name: string,
  concurrency: number,
  latencies: number[],
  errors: number,
  durationMs: number,
  errorSamples: Record<string, number> = {},
): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    name,
    concurrency,
    count: sorted.length,
    errors,
    errorSamples,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.length ? sum / sorted.length : Number.NaN),
    max: round(sorted.length ? sorted[sorted.length - 1] : Number.NaN),
    throughput: round((sorted.length / durationMs) * 1000),
    durationMs: Math.round(durationMs),
  };
}

export const round = (v: number) => Math.round(v * 100) / 100;

const MAX_FAILED_PREPARES = 50;
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const yieldToTimers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What runLoad needs of a CPU meter (cpu.ts): a snapshot of CPU ms per process group. */
export interface CpuSampler {
  snapshot(): Record<string, number>;
}

export interface LoadOptions<S> {
  name: string;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Per-client state built before the clock starts (a signed-in buyer, a connection...). */
  setup: (client: number) => Promise<S>;
  /** Untimed work before each timed call (e.g. filling a cart before a checkout). */
  prepare?: (state: S, i: number) => Promise<void>;
  /** The measured call; throws on error. */
  run: (state: S, i: number) => Promise<void>;
  teardown?: (state: S) => Promise<void>;
  /** Sampled when the measured window opens and closes. */
  cpu?: CpuSampler;
}

/** What one load window measured, before it is summarised (windows of one side add up). */
interface Measured {
  latencies: number[];
  errors: number;
  errorSamples: Record<string, number>;
  elapsedMs: number;
  /** CPU ms per process group over the measured window. */
  cpuMs: Record<string, number> | null;
}

export async function runLoad<S>(opts: LoadOptions<S>): Promise<LoadResult> {
  return toResult(opts, await measureLoad(opts));
}

/**
 * Loads measured side by side in `windows` alternating windows each (A B, B A, A B, ...; with
 * three, A B C, C B A, ...), each with its own warm-up and `durationMs` measured: whatever else
 * the machine runs meanwhile (other processes, autovacuum, background indexing) falls on all
 * alike, so their ratios hold where loads measured one after the other can differ by a quarter.
 */
export async function runAlternating<A, B>(
  a: LoadOptions<A>,
  b: LoadOptions<B>,
  windows: number,
): Promise<[LoadResult, LoadResult]> {
  const [ra, rb] = await runAlternatingAll<[A, B]>([a, b], windows);
  return [ra!, rb!];
}

/** runAlternating for any number of loads: the order reverses every window. */
export async function runAlternatingAll<T extends unknown[]>(
  loads: { [K in keyof T]: LoadOptions<T[K]> },
  windows: number,
): Promise<LoadResult[]> {
  const all = loads as LoadOptions<unknown>[];
  const totals = all.map(emptyMeasure);
  const byWindow: number[][] = all.map(() => []);
  for (let w = 0; w < windows; w++) {
    const order = all.map((_, i) => (w % 2 === 0 ? i : all.length - 1 - i));
    for (const side of order) {
      const m = await measureLoad(all[side]!);
      addMeasure(totals[side]!, m);
      byWindow[side]!.push(round(m.latencies.length / (m.elapsedMs / 1000)));
    }
  }
  return all.map((l, i) => ({ ...toResult(l, totals[i]!), windowThroughputs: byWindow[i] }));
}

const emptyMeasure = (): Measured => ({ latencies: [], errors: 0, errorSamples: {}, elapsedMs: 0, cpuMs: {} });

function addMeasure(total: Measured, m: Measured) {
  total.latencies.push(...m.latencies);
  total.errors += m.errors;
  for (const [k, n] of Object.entries(m.errorSamples)) total.errorSamples[k] = (total.errorSamples[k] ?? 0) + n;
  total.elapsedMs += m.elapsedMs;
  if (!m.cpuMs) total.cpuMs = null;
  else if (total.cpuMs) for (const [k, ms] of Object.entries(m.cpuMs)) total.cpuMs[k] = (total.cpuMs[k] ?? 0) + ms;
}

function toResult(opts: { name: string; concurrency: number }, m: Measured): LoadResult {
  const result = summarise(opts.name, opts.concurrency, m.latencies, m.errors, m.elapsedMs, m.errorSamples);
  const completed = m.latencies.length;
  if (m.cpuMs && completed > 0) {
    result.cpuMsPerOp = {};
    for (const [name, ms] of Object.entries(m.cpuMs)) result.cpuMsPerOp[name] = round(ms / completed);
  }
  return result;
}

async function measureLoad<S>(opts: LoadOptions<S>): Promise<Measured> {
  const states = await Promise.all(Array.from({ length: opts.concurrency }, (_, c) => opts.setup(c)));
  const latencies: number[] = [];
  const errorSamples: Record<string, number> = {};
  let errors = 0;
  let measuring = false;
  let stop = false;
  let iteration = 0;

  // A preparation that never succeeds (e.g. a fixture pool that came out empty) ends the load with
  // its error instead of spinning: a call that fails without any I/O settles in microtasks only,
  // so the loop would never let the timers below fire.
  let prepared = 0;
  let prepareFailures = 0;
  let fatal: Error | null = null;
  const client = async (state: S) => {
    while (!stop) {
      const i = iteration++;
      if (opts.prepare) {
        try {
          await opts.prepare(state, i);
          prepared += 1;
        } catch (err) {
          note(err);
          prepareFailures += 1;
          if (prepared === 0 && prepareFailures >= MAX_FAILED_PREPARES) {
            fatal = new Error(
              `${opts.name}: preparation failed ${prepareFailures} times, none succeeded: ${message(err)}`,
            );
            stop = true;
          }
          await yieldToTimers();
          continue;
        }
      }
      const t0 = performance.now();
      try {
        await opts.run(state, i);
        if (measuring && !stop) latencies.push(performance.now() - t0);
      } catch (err) {
        if (measuring && !stop) note(err);
        await yieldToTimers();
      }
    }
  };
  const note = (err: unknown) => {
    errors += 1;
    const key = message(err).slice(0, 120);
    if (Object.keys(errorSamples).length < 5 || key in errorSamples) errorSamples[key] = (errorSamples[key] ?? 0) + 1;
  };

  const running = states.map((s) => client(s));
  const stopped = Promise.all(running);
  await Promise.race([Bun.sleep(opts.warmupMs), stopped]);
  measuring = true;
  const cpuBefore = opts.cpu?.snapshot();
  const started = performance.now();
  await Promise.race([Bun.sleep(opts.durationMs), stopped]);
  const elapsed = performance.now() - started;
  const cpuAfter = opts.cpu?.snapshot();
  const completed = latencies.length;
  stop = true;
  await stopped;
  if (opts.teardown) await Promise.all(states.map((s) => opts.teardown!(s)));
  if (fatal) throw fatal;
  let cpuMs: Record<string, number> | null = null;
  if (cpuBefore && cpuAfter) {
    cpuMs = {};
    for (const [name, ms] of Object.entries(cpuAfter))
      if (name in cpuBefore) cpuMs[name] = Math.max(0, ms - cpuBefore[name]);
  }
  return { latencies: latencies.slice(0, completed), errors, errorSamples, elapsedMs: elapsed, cpuMs };
}

export function formatResult(r: LoadResult): string {
  const cpu = r.cpuMsPerOp
    ? `  cpu/op ${Object.entries(r.cpuMsPerOp)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')} ms`
    : '';
  return `${r.name.padEnd(34)} c=${String(r.concurrency).padStart(2)}  p50 ${fmt(r.p50)}  p95 ${fmt(r.p95)}  p99 ${fmt(r.p99)}  ${String(r.throughput).padStart(8)} req/s  n=${r.count}  errors=${r.errors}${cpu}`;
}

const fmt = (ms: number) => `${ms.toFixed(2).padStart(8)} ms`;

/**
 * The smallest and largest ratio of two sides' throughput window by window (window w of one side
 * against window w of the other, which ran next to it): how far the machine's state moved the
 * ratio within one run.
 */
export function windowRatioRange(a: LoadResult | undefined, b: LoadResult | undefined): [number, number] | undefined {
  const wa = a?.windowThroughputs;
  const wb = b?.windowThroughputs;
  if (!wa?.length || !wb || wa.length !== wb.length) return undefined;
  const ratios = wa.map((x, i) => x / wb[i]!).filter(Number.isFinite);
  if (!ratios.length) return undefined;
  return [round(Math.min(...ratios)), round(Math.max(...ratios))];
}
