// Page speed from headless Chromium: FCP, LCP, CLS and JS bytes for home, search and a product,
// each loaded cold (new context) a few times, unthrottled and with the CPU slowed 4× through the
// DevTools protocol; medians reported. The production build is served twice from the bench's
// services: server-rendered (the default) and client-rendered (SERVER_RENDERING=false), so both
// sets of figures come from the same run. TTFB of the server-rendered product page is measured
// under 8 concurrent clients: the same page again and again (as a popular listing is), and many
// distinct listings in turn (each a first render).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium } from 'playwright';
import { findFreePort, waitFor } from '../../src/server/services/free-port';
import { BENCH_SESSION_SECRET, type BenchEnv } from './environment';
import { progress } from './progress';
import { round } from './stats';

const root = resolve(import.meta.dir, '../..');

export type RenderMode = 'server' | 'client';

export interface PageMetrics {
  page: string;
  path: string;
  mode: RenderMode;
  /** CPU slowdown applied through CDP (1 = none). */
  cpuSlowdown: number;
  ttfbMs: number;
  fcpMs: number;
  lcpMs: number;
  cls: number;
  jsBytesTransferred: number;
  jsBytesDecoded: number;
  loads: number;
}

export interface TtfbResult {
  mode: RenderMode;
  path: string;
  clients: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface PagesResult {
  mode: 'production build' | 'development (no build script)';
  pages: PageMetrics[];
  ttfb: TtfbResult[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function startApp(env: BenchEnv, built: boolean, serverRendering: boolean) {
  const port = await findFreePort();
  const { urls } = env.services;
  const proc = Bun.spawn(['bun', 'src/server/index.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: built ? 'production' : 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: env.dataDir,
      DATABASE_URL: urls.database,
      REDIS_URL: urls.redis ?? '',
      MEILI_URL: urls.meili ?? '',
      MEILI_MASTER_KEY: urls.meiliKey,
      SESSION_SECRET: process.env.SESSION_SECRET ?? BENCH_SESSION_SECRET,
      SEED_DEMO: 'false',
      WORKERS: 'false',
      LOG_LEVEL: 'error',
      SERVER_RENDERING: String(serverRendering),
    },
    stdout: 'ignore',
    stderr: 'inherit',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  let exited = false;
  const died = proc.exited.then((code) => {
    exited = true;
    return code;
  });
  await Promise.race([waitFor(async () => exited || (await fetch(`${baseUrl}/readyz`)).ok, 120_000, 'the app'), died]);
  if (exited) throw new Error(`the app process exited with ${await died} before it was ready`);
  await fetch(`${baseUrl}/`).then((r) => r.text()); // dev mode bundles on first request
  return {
    baseUrl,
    async stop() {
      proc.kill('SIGTERM');
      await Promise.race([proc.exited, Bun.sleep(5000)]);
      proc.kill('SIGKILL');
    },
  };
}

async function loadOnce(browser: Browser, url: string, cpuSlowdown: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    const w = window as unknown as { __lcp: number; __cls: number };
    w.__lcp = 0;
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  if (cpuSlowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  }
  // JS bytes as the network saw them (body bytes on the wire, and decoded), per script response.
  const scriptSizes: Promise<{ wire: number; decoded: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    scriptSizes.push(
      Promise.all([response.request().sizes(), response.body().catch(() => Buffer.alloc(0))]).then(([sizes, body]) => ({
        wire: sizes.responseBodySize + sizes.responseHeadersSize,
        decoded: body.length,
      })),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
  // A client-rendered page can go quiet on the network before its script has drawn anything (a
  // slow CPU parsing the bundle): wait for the first paint and the page's heading, then a moment
  // for the largest paint to settle.
  await page.waitForFunction(
    () => performance.getEntriesByName('first-contentful-paint').length > 0 && !!document.querySelector('main h1'),
    null,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(500);
  const m = await page.evaluate(() => {
    const w = window as unknown as { __lcp: number; __cls: number };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      ttfbMs: nav ? nav.responseStart - nav.startTime : Number.NaN,
      fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      lcpMs: w.__lcp,
      cls: w.__cls,
    };
  });
  const sizes = await Promise.all(scriptSizes);
  await context.close();
  return {
    ...m,
    jsBytesTransferred: sizes.reduce((t, x) => t + x.wire, 0),
    jsBytesDecoded: sizes.reduce((t, x) => t + x.decoded, 0),
  };
}

/**
 * Time to the response's headers (the first byte of a streamed page) with `clients` loops in
 * parallel, going through `paths` in turn (one path: the same page again and again).
 */
async function ttfbUnderLoad(baseUrl: string, paths: string[], clients: number, durationMs: number) {
  const samples: number[] = [];
  const until = performance.now() + durationMs;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const path = paths[next++ % paths.length];
        const started = performance.now();
        const res = await fetch(`${baseUrl}${path}`);
        samples.push(performance.now() - started);
        await res.arrayBuffer();
      }
    }),
  );
  return samples;
}

/** The listings' own addresses (their old /product/:id answers 301 to it). */
async function listingPaths(baseUrl: string, productIds: number[]) {
  const paths: string[] = [];
  for (const id of productIds) {
    const moved = await fetch(`${baseUrl}/product/${id}`, { redirect: 'manual' });
    paths.push(moved.headers.get('location') ?? `/product/${id}`);
  }
  return paths;
}

/**
 * `productIds[0]` is the product page measured in the browser and under load; the rest (distinct
 * listings, each rendered for the first time unless the run is long enough to come round again)
 * give the first-byte time of a listing no server-side copy is kept of yet.
 */
export async function benchPages(env: BenchEnv, productIds: number[], loads = 3): Promise<PagesResult> {
  const productId = productIds[0] as number;
  const built = existsSync(resolve(root, 'scripts/build.ts'));
  if (built) {
    progress('pages: bun run build');
    const b = Bun.spawn(['bun', 'run', 'build'], { cwd: root, stdout: 'ignore', stderr: 'inherit' });
    if ((await b.exited) !== 0) throw new Error('bun run build failed');
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const pages: PageMetrics[] = [];
  const ttfb: TtfbResult[] = [];
  try {
    for (const mode of ['server', 'client'] as const) {
      const app = await startApp(env, built, mode === 'server');
      try {
        // The listing's own address (its old /product/:id answers 301 to it).
        const moved = await fetch(`${app.baseUrl}/product/${productId}`, { redirect: 'manual' });
        const productPath = moved.headers.get('location') ?? `/product/${productId}`;
        const targets = [
          { page: 'home', path: '/' },
          { page: 'search', path: '/search?q=ceramic%20mug' },
          { page: 'product', path: productPath },
        ];
        // Warm the server's own caches (search cache, code paths) once, as a running site has them.
        for (const t of targets) await fetch(`${app.baseUrl}${t.path}`).then((r) => r.arrayBuffer());
        for (const cpuSlowdown of [1, 4]) {
          for (const t of targets) {
            const samples = [];
            for (let i = 0; i < loads; i++)
              samples.push(await loadOnce(browser, `${app.baseUrl}${t.path}`, cpuSlowdown));
            const metrics: PageMetrics = {
              page: t.page,
              path: t.path,
              mode,
              cpuSlowdown,
              ttfbMs: round(median(samples.map((s) => s.ttfbMs))),
              fcpMs: round(median(samples.map((s) => s.fcpMs))),
              lcpMs: round(median(samples.map((s) => s.lcpMs))),
              cls: Math.round(median(samples.map((s) => s.cls)) * 1000) / 1000,
              jsBytesTransferred: median(samples.map((s) => s.jsBytesTransferred)),
              jsBytesDecoded: median(samples.map((s) => s.jsBytesDecoded)),
              loads,
            };
            progress(
              `page ${t.page} (${mode}-rendered, CPU ${cpuSlowdown}×): TTFB ${metrics.ttfbMs} ms, FCP ${metrics.fcpMs} ms, LCP ${metrics.lcpMs} ms, CLS ${metrics.cls}, JS ${Math.round(metrics.jsBytesTransferred / 1024)} KiB`,
            );
            pages.push(metrics);
          }
        }
        const distinct = await listingPaths(app.baseUrl, productIds.slice(1));
        for (const [label, paths] of [
          [productPath, [productPath]],
          [`${distinct.length} distinct listings in turn`, distinct],
        ] as const) {
          const samples = await ttfbUnderLoad(app.baseUrl, [...paths], 8, 5_000);
          const result: TtfbResult = {
            mode,
            path: label,
            clients: 8,
            requests: samples.length,
            p50Ms: round(percentile(samples, 50)),
            p95Ms: round(percentile(samples, 95)),
            p99Ms: round(percentile(samples, 99)),
          };
          progress(`TTFB ${label} (${mode}-rendered, 8 clients): p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms`);
          ttfb.push(result);
        }
      } finally {
        await app.stop();
      }
    }
    return { mode: built ? 'production build' : 'development (no build script)', pages, ttfb };
  } finally {
    await browser.close();
  }
}
