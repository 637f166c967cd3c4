import { afterAll, beforeAll, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, type RunningApp, screenshot, startApp } from './harness';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

test('the home page shows demo products in Chromium', async () => {
  const { context, page } = await newPage(browser, app.baseUrl);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const firstProduct = page.locator('a[href^="/product/"]').first();
  await firstProduct.waitFor({ state: 'visible' });
  expect(await page.locator('a[href^="/product/"]').count()).toBeGreaterThan(3);
  await screenshot(page, 'home');
  expect(errors).toEqual([]);
  await context.close();
});

test('health endpoints answer and readiness lists every service', async () => {
  const health = await fetch(`${app.baseUrl}/healthz`);
  expect(health.status).toBe(200);
  const ready = (await (await fetch(`${app.baseUrl}/readyz`)).json()) as {
    ok: boolean;
    checks: Record<string, { ok: boolean }>;
  };
  expect(ready.ok).toBe(true);
  expect(Object.keys(ready.checks).sort()).toEqual(['meilisearch', 'postgres', 'redis']);
  expect(Object.values(ready.checks).every((c) => c.ok)).toBe(true);
});
