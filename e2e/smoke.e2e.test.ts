import { expect, test } from 'bun:test';
import { newPage, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

test('the home page shows demo products in Chromium', async () => {
  const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const firstProduct = page.locator('a[href^="/listing/"]').first();
  await firstProduct.waitFor({ state: 'visible' });
  expect(await page.locator('a[href^="/listing/"]').count()).toBeGreaterThan(3);
  await screenshot(page, 'home');
  expect(errors).toEqual([]);
  await context.close();
});

test('health endpoints answer and readiness lists every service', async () => {
  const health = await fetch(`${e2e.app.baseUrl}/healthz`);
  expect(health.status).toBe(200);
  const ready = (await (await fetch(`${e2e.app.baseUrl}/readyz`)).json()) as {
    ok: boolean;
    checks: Record<string, { ok: boolean }>;
  };
  expect(ready.ok).toBe(true);
  expect(Object.keys(ready.checks).sort()).toEqual(['meilisearch', 'postgres', 'redis']);
  expect(Object.values(ready.checks).every((c) => c.ok)).toBe(true);
});
