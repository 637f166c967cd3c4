// The tab of a listing address that names no listing says "Listing not found", whether the id is
// not a number (/listing/abc) or no listing has it (/listing/999999999/…), on the page the server
// sent and after the browser came back to it through the app (Back). Both widths.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { newPage, projectNames, setupE2E } from './harness';

const e2e = setupE2E();
const NOT_FOUND = 'Listing not found · Hearth';

/** The not-found page is hydrated (React owns its heading) and its effects have run. */
async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const h1 = [...document.querySelectorAll('h1')].find((h) => h.textContent?.includes('find that'));
    return !!h1 && Object.keys(h1).some((k) => k.startsWith('__reactFiber'));
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

for (const project of projectNames) {
  test(`${project}: a listing address that names no listing is "Listing not found" in the tab`, async () => {
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const path of ['/listing/999999999/whatever', '/listing/abc']) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await hydrated(page);
      expect(await page.title()).toBe(NOT_FOUND);
      // Away through the app and Back: the browser reads the address itself this time.
      await page.getByRole('link', { name: 'Back to the shop floor' }).click();
      await page.waitForURL((u) => u.pathname === '/');
      await page.waitForFunction((t) => document.title !== t, NOT_FOUND);
      await page.goBack();
      await page.getByRole('heading', { name: /find that/ }).waitFor();
      await page.waitForFunction((t) => document.title === t, NOT_FOUND, { timeout: 5000 });
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
}
