// Seller Listings at 390x844: the five filter chips (Active / Low stock / Sold out / Archived /
// All, each with its count) wrapped onto three ragged lines above the search box. They are one row
// that scrolls sideways inside itself (the page never pans), the pressed chip is scrolled into
// view, and Tab reaches every chip with the focused one in view.
import { beforeAll, expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { createProduct, createSeller, signedInPage, waitForFocus } from './fixtures';
import { screenshot, setupE2E } from './harness';

const e2e = setupE2E();
let seller: Awaited<ReturnType<typeof createSeller>>;

beforeAll(async () => {
  seller = await createSeller();
  for (let i = 0; i < 12; i++) await createProduct(seller, { title: `Cup no ${i + 1}`, quantity: i < 3 ? 1 : 20 });
  const old = await createProduct(seller, { title: 'Old cup', quantity: 0 });
  await seller.caller.catalog.archiveProduct({ productId: old.id });
}, 120_000);

/** Each chip's box, and the row's visible box. */
const chipBoxes = (page: Page) =>
  page.getByRole('group', { name: 'Show listings' }).evaluate((group) => {
    const box = group.getBoundingClientRect();
    return {
      group: { left: box.left, right: box.right, height: box.height },
      scrolls: group.scrollWidth > group.clientWidth,
      chips: [...group.querySelectorAll('button')].map((b) => {
        const r = b.getBoundingClientRect();
        return { text: b.textContent ?? '', top: Math.round(r.top), height: r.height, left: r.left, right: r.right };
      }),
    };
  });
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('phone: the five filter chips are one row that scrolls inside itself; the page does not pan', async () => {
  const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, 'phone');
  expect(page.viewportSize()).toEqual({ width: 390, height: 844 });
  await page.goto('/dashboard/listings');
  await page.locator('.listings-table tbody tr').nth(11).waitFor();
  const first = await chipBoxes(page);
  expect(first.chips.map((c) => c.text.replace(/\s+/g, ' ').trim())).toEqual([
    'Active 12',
    'Low stock 3',
    'Sold out 0',
    'Archived 1',
    'All 13',
  ]);
  // One line: every chip on the same top, none taller than a one-line chip.
  expect(new Set(first.chips.map((c) => c.top)).size).toBe(1);
  expect(new Set(first.chips.map((c) => Math.round(c.height))).size).toBe(1);
  expect(first.group.height).toBeLessThan(first.chips[0]!.height * 2);
  expect(first.scrolls).toBe(true);
  expect(await pageWidth(page)).toBe(390);
  // The search box is below the row, full width enough to type in.
  const search = (await page.getByLabel('Search your listings').boundingBox())!;
  expect(search.y).toBeGreaterThan(first.chips[0]!.top + first.chips[0]!.height);
  expect(search.width).toBeGreaterThanOrEqual(200);
  await screenshot(page, 'listings-chips-row-390');

  // Keyboard: Tab from Active to All; the focused chip is scrolled into the row's view.
  const chips = page.getByRole('group', { name: 'Show listings' });
  await chips.getByRole('button', { name: /^Active/ }).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await waitForFocus(chips.getByRole('button', { name: /^All/ }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?status=all$/);
  const afterTab = await chipBoxes(page);
  const all = afterTab.chips[4]!;
  expect(all.left).toBeGreaterThanOrEqual(afterTab.group.left);
  expect(all.right).toBeLessThanOrEqual(afterTab.group.right);
  expect(await pageWidth(page)).toBe(390);

  // Opened at ?status=archived (a link, a reload): the pressed chip is in view.
  await page.goto('/dashboard/listings?status=archived');
  await page.getByRole('button', { name: 'Restore Old cup' }).waitFor();
  await page.waitForFunction(() => {
    const group = document.querySelector('[aria-label="Show listings"]')!.getBoundingClientRect();
    const chip = document.querySelector('[data-listing-view="archived"]')!.getBoundingClientRect();
    return chip.left >= group.left && chip.right <= group.right;
  });
  expect(await pageWidth(page)).toBe(390);
  await screenshot(page, 'listings-chips-archived-390');
  expect(errors).toEqual([]);
  await context.close();
}, 90_000);
