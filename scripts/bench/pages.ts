// Page metrics from headless Chromium: FCP, LCP, CLS and JS bytes for home, search and a product,
// each loaded cold (new context) a few times; medians reported. Runs the real server as a
// subprocess on the bench's services: a production build when `scripts/build.ts` exists.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright';
import { findFreePort, waitFor } from '../../src/server/services/free-port';
import { BENCH_SESSION_SECRET, type BenchEnv } from './environment';
import { progress } from './progress';
import { round } from './stats';

const root = resolve(import.meta.dir, '../..');

export interface PageMetrics {
  page: string;
  path: string;
  fcpMs: number;
  lcpMs: number;
  cls: number;
  jsBytesTransferred: number;
  jsBytesDecoded: number;
  loads: number;
}

export interface PagesResult {
  mode: 'production build' | 'development (no build script)';
  pages: PageMetrics[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

export async function benchPages(env: BenchEnv, productId: number, loads = 3): Promise<PagesResult> {
  const built = existsSync(resolve(root, 'scripts/build.ts'));
  if (built) {
    progress('pages: bun run build');
    const b = Bun.spawn(['bun', 'run', 'build'], { cwd: root, stdout: 'ignore', stderr: 'inherit' });
    if ((await b.exited) !== 0) throw new Error('bun run build failed');
  }
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
    },
    stdout: 'ignore',
    stderr: 'inherit',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    let exited = false;
    const died = proc.exited.then((code) => {
      exited = true;
      return code;
    });
    await Promise.race([
      waitFor(async () => exited || (await fetch(`${baseUrl}/readyz`)).ok, 120_000, 'the app'),
      died,
    ]);
    if (exited) throw new Error(`the app process exited with ${await died} before it was ready`);
    await fetch(`${baseUrl}/`).then((r) => r.text()); // dev mode bundles on first request
    const targets = [
      { page: 'home', path: '/' },
      { page: 'search', path: '/search?q=ceramic%20mug' },
      { page: 'product', path: `/product/${productId}` },
    ];
    const pages: PageMetrics[] = [];
    for (const t of targets) {
      const samples: Omit<PageMetrics, 'page' | 'path' | 'loads'>[] = [];
      for (let i = 0; i < loads; i++) {
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
        // JS bytes as the network saw them (body bytes on the wire, and decoded), per script response.
        const scriptSizes: Promise<{ wire: number; decoded: number }>[] = [];
        page.on('response', (response) => {
          if (response.request().resourceType() !== 'script') return;
          scriptSizes.push(
            Promise.all([response.request().sizes(), response.body().catch(() => Buffer.alloc(0))]).then(
              ([sizes, body]) => ({ wire: sizes.responseBodySize + sizes.responseHeadersSize, decoded: body.length }),
            ),
          );
        });
        await page.goto(`${baseUrl}${t.path}`, { waitUntil: 'networkidle', timeout: 60_000 });
        await page.waitForTimeout(500);
        const m = await page.evaluate(() => {
          const w = window as unknown as { __lcp: number; __cls: number };
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
          const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
            (e) => e.initiatorType === 'script' || /\.m?js(\?|$)/.test(e.name),
          );
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
          return {
            fcpMs: fcp,
            lcpMs: w.__lcp,
            cls: w.__cls,
            jsBytesTransferred: scripts.reduce((s, e) => s + e.transferSize, 0),
            jsBytesDecoded: scripts.reduce((s, e) => s + e.decodedBodySize, 0),
            inlineHtml: nav?.transferSize ?? 0,
          };
        });
        const sizes = await Promise.all(scriptSizes);
        m.jsBytesTransferred = sizes.reduce((t, x) => t + x.wire, 0);
        m.jsBytesDecoded = sizes.reduce((t, x) => t + x.decoded, 0);
        samples.push(m);
        await context.close();
      }
      const metrics: PageMetrics = {
        page: t.page,
        path: t.path,
        fcpMs: round(median(samples.map((s) => s.fcpMs))),
        lcpMs: round(median(samples.map((s) => s.lcpMs))),
        cls: Math.round(median(samples.map((s) => s.cls)) * 1000) / 1000,
        jsBytesTransferred: median(samples.map((s) => s.jsBytesTransferred)),
        jsBytesDecoded: median(samples.map((s) => s.jsBytesDecoded)),
        loads,
      };
      progress(
        `page ${t.page}: FCP ${metrics.fcpMs} ms, LCP ${metrics.lcpMs} ms, CLS ${metrics.cls}, JS ${Math.round(metrics.jsBytesTransferred / 1024)} KiB transferred`,
      );
      pages.push(metrics);
    }
    return { mode: built ? 'production build' : 'development (no build script)', pages };
  } finally {
    await browser.close();
    proc.kill('SIGTERM');
    await Promise.race([proc.exited, Bun.sleep(5000)]);
    proc.kill('SIGKILL');
  }
}
