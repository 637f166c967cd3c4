// E2E harness: runs the real server as a subprocess against the test run's services (started by
// the bun test preload: real PostgreSQL, Redis, Meilisearch), then drives Debian's Chromium with
// the playwright package (browsers from Debian, never downloaded). Product pages live at /listing/:id/:slug (/product/:id redirects there), shops at /shop/:slug.

import { beforeAll } from 'bun:test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright';
import { findFreePort, waitFor } from '../src/server/services/free-port';
import { onTestRunEnd, testDataDir, testServices } from '../src/server/test/test-services';

export const screenshotDir = resolve(import.meta.dir, 'screenshots');

export interface RunningApp {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const { urls } = testServices();
  const port = await findFreePort();
  const dataDir = join(testDataDir(), `app-${port}`);
  mkdirSync(dataDir, { recursive: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc = Bun.spawn(['bun', 'src/server/index.ts'], {
    cwd: resolve(import.meta.dir, '..'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: urls.database,
      REDIS_URL: urls.redis ?? '',
      MEILI_URL: urls.meili ?? '',
      MEILI_MASTER_KEY: urls.meiliKey,
      // Same HMAC key as the test process, so sessions made by fixtures (createUser) sign in here.
      SESSION_SECRET: testServices().deps.config.sessionSecret,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      // Links in mails point at this instance (the browser follows them from /dev/mail).
      APP_URL: baseUrl,
      ...extraEnv,
    },
    stdout: 'inherit',
    stderr: 'inherit',
  });
  await waitFor(
    async () => (await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5000) })).ok,
    120_000,
    'the app',
    () => (proc.exitCode !== null ? `it exited with code ${proc.exitCode} (its output is above)` : null),
  );
  // The first request bundles the client; do it once here so no test pays for it.
  await fetch(`${baseUrl}/`).then((r) => r.text());
  return {
    baseUrl,
    async stop() {
      proc.kill('SIGTERM');
      await Promise.race([proc.exited, Bun.sleep(10_000)]);
      proc.kill('SIGKILL');
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * The two projects every main journey runs on: a laptop and a phone (touch, mobile viewport).
 * `narrow` is the smallest phone we support; pages must not scroll sideways there.
 */
export const projects = {
  desktop: { viewport: { width: 1366, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
} as const satisfies Record<string, BrowserContextOptions>;
export type ProjectName = keyof typeof projects;
export const projectNames = Object.keys(projects) as ProjectName[];

let contexts = 0;
/**
 * A client address of its own for each browser context (sent as X-Forwarded-For, which the app
 * trusts outside production): rate limits count per address in the Redis every test shares, so
 * without it every browser in the run is one shopper at 127.0.0.1 and, e.g., the 20 uses per
 * 10 minutes of mailed links (reset, verify, claim) run out partway through the suite.
 */
function ownClientAddress(): Record<string, string> {
  contexts += 1;
  return { 'x-forwarded-for': `198.18.${(process.pid + Math.floor(contexts / 250)) % 256}.${(contexts % 250) + 1}` };
}

export async function newPage(
  browser: Browser,
  baseUrl: string,
  project: ProjectName | BrowserContextOptions = 'desktop',
): Promise<{ context: BrowserContext; page: Page }> {
  const options = typeof project === 'string' ? projects[project] : project;
  const context = await browser.newContext({ baseURL: baseUrl, extraHTTPHeaders: ownClientAddress(), ...options });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false });
}

export interface E2E {
  readonly app: RunningApp;
  readonly browser: Browser;
}

let shared: Promise<{ app: RunningApp; browser: Browser }> | null = null;

/**
 * One app and one browser for the whole e2e run, started by the first spec that needs them.
 * Each test opens its own browser context (fresh cookies) and creates its own users.
 */
export function setupE2E(): E2E {
  let ready: { app: RunningApp; browser: Browser } | null = null;
  beforeAll(async () => {
    shared ??= (async () => {
      const started = { app: await startApp(), browser: await launchBrowser() };
      onTestRunEnd(async () => {
        await started.browser.close().catch(() => {});
        await started.app.stop();
      });
      return started;
    })();
    ready = await shared;
  }, 120_000);
  const get = () => {
    if (!ready) throw new Error('setupE2E(): the app is not started yet (use it inside tests)');
    return ready;
  };
  return {
    get app() {
      return get().app;
    },
    get browser() {
      return get().browser;
    },
  };
}
