// Found by a walk at 1366×900 and 390×844: 200 "x"s typed in the header's search box, then Enter.
// The results heading `Results for "xxxx…"` never wrapped: on a phone the page panned sideways
// (scrollWidth 2153), on a laptop the results column and its "No exact matches" card were pushed
// off screen. The query now wraps in the heading, nothing pans, and the card is fully on screen.
// The shop page's own search ("Results for …" and "Nothing in <shop> matches …") is checked too.
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { createSeller, createUser, signedInPage, tabTo } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
const long = 'x'.repeat(200);

/** Nothing pans sideways, and every given element lies within the window's width. */
async function expectFits(page: Page, ...els: Locator[]) {
  // The viewport's own width (390 or 1366): a phone's layout viewport grows to fit a too-wide page.
  const width = page.viewportSize()!.width;
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll).toBeLessThanOrEqual(width);
  for (const el of els) {
    const box = await el.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  }
}

for (const project of projectNames) {
  test(`${project}: a 200-character one-word search wraps in the results heading, no sideways pan`, async () => {
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await b.page.goto('/');
    const box = b.page.getByRole('combobox', { name: 'Search for anything' });
    await tabTo(b.page, box);
    await b.page.keyboard.type(long);
    await b.page.keyboard.press('Enter');
    await b.page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === long);
    const heading = b.page.getByRole('heading', { level: 1, name: `Results for “${long}”` });
    const card = b.page.locator('.empty').filter({ has: b.page.getByRole('heading', { name: 'No exact matches' }) });
    await card.waitFor();
    await screenshot(b.page, `long-query-search-${project}`);
    await expectFits(b.page, heading, card);
    // It wraps: the heading is several lines tall.
    const h = (await heading.boundingBox())!;
    expect(h.height).toBeGreaterThan(60);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  test(`${project}: the same search inside a shop wraps too`, async () => {
    const seller = await createSeller();
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await b.page.goto(`/shop/${seller.shop.slug}?q=${long}`);
    const heading = b.page.getByRole('heading', { level: 2, name: `Results for “${long}”` });
    const none = b.page.getByRole('heading', { name: `Nothing in ${seller.shop.name} matches “${long}”` });
    await none.waitFor();
    await screenshot(b.page, `long-query-shop-${project}`);
    await expectFits(b.page, heading, none);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
}
