// The seller dashboard's tabs on a phone (found by a walk at 390x844): opening Messages scrolled
// the row of tabs to centre it, and the row began with a cut word, "nt" of Storefront, at its left
// edge. The row now rests where a tab starts at its inner edge, the current tab whole.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, signedInPage, token } from './fixtures';
import { screenshot, setupE2E } from './harness';

const e2e = setupE2E();

test('phone: each dashboard page shows its tab whole and no cut tab at the row’s start', async () => {
  const seller = await createSeller();
  await createProduct(seller, { title: `Tab row jug ${token()}` });
  const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, 'phone');
  for (const path of ['/dashboard/messages', '/dashboard/orders', '/dashboard/storefront', '/dashboard/listings']) {
    await page.goto(path);
    await page.locator('.dash h1').waitFor();
    await page.locator('.dash-nav a.active').waitFor();
    const row = await page.locator('.dash-nav').evaluate((nav) => {
      const n = nav.getBoundingClientRect();
      const links = [...nav.querySelectorAll('a')].map((a) => {
        const l = a.getBoundingClientRect();
        return { text: a.textContent ?? '', left: l.left, right: l.right, active: a.classList.contains('active') };
      });
      const current = links.find((l) => l.active);
      return {
        currentWhole: !!current && current.left >= n.left - 1 && current.right <= n.right + 1,
        // A tab reaching past the row's left edge yet partly showing: a cut word at the start.
        cutAtStart: links.filter((l) => l.left < n.left - 1 && l.right > n.left + 1).map((l) => l.text),
      };
    });
    expect({ path, ...row }).toEqual({ path, currentWhole: true, cutAtStart: [] });
    if (path === '/dashboard/messages') await screenshot(page, 'dashboard-tabs-no-cut-word-phone');
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(errors).toEqual([]);
  await context.close();
});
