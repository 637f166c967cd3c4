// The seller's Listings page filters by stock by the overview's rule (a combination with 2 or
// fewer free): the overview's "View all N in Listings" opens Listings at ?stock=low and the page
// says the same N; Sold out, Archived and All are chips too, kept in the address (reload keeps
// them); a filter with nothing in it says so and offers every listing. Between 861 and 1199 px
// the listing cards sit two a row instead of one wide card with empty space on its right.
import { beforeAll, expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { createProduct, createSeller, signedInPage, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
let seller: Awaited<ReturnType<typeof createSeller>>;

beforeAll(async () => {
  seller = await createSeller();
  // 10 low listings (2 sold out), 2 well stocked, one archived and sold out (never "low").
  for (let i = 0; i < 10; i++) await createProduct(seller, { title: `Low cup no ${i + 1}`, quantity: i < 2 ? 0 : 1 });
  for (let i = 0; i < 2; i++) await createProduct(seller, { title: `Full cup no ${i + 1}`, quantity: 30 });
  const old = await createProduct(seller, { title: 'Old cup', quantity: 0 });
  await seller.caller.catalog.archiveProduct({ productId: old.id });
  // Variations: S sold out and M one left count twice in the overview, once as a listing.
  const jumper = await createProduct(seller, { title: 'Wool jumper', quantity: 5 });
  await seller.caller.catalog.setVariations({
    productId: jumper.id,
    properties: [{ name: 'Size', values: ['S', 'M', 'L'] }],
    combinations: [
      { values: ['S'], priceCents: 9000, quantity: 0 },
      { values: ['M'], priceCents: 9000, quantity: 1 },
      { values: ['L'], priceCents: 9000, quantity: 9 },
    ],
  });
}, 120_000);

const rows = (page: Page) => page.locator('.listings-table tbody tr');
const titles = (page: Page) => page.locator('.listings-table tbody tr .table-title').allInnerTexts();
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const project of projectNames) {
  test(`${project}: "View all 12 in Listings" opens the low-stock filter showing 12; other filters in the URL`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard');
    const all = page.getByRole('link', { name: 'View all 12 in Listings' });
    await all.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dashboard\/listings\?stock=low$/);
    const chips = page.getByRole('group', { name: 'Show listings' });
    const low = chips.getByRole('button', { name: /Low stock/ });
    await page
      .getByText('12 running low (2 or fewer free) in 11 listings, each variation counted on its own.')
      .waitFor();
    expect(await low.getAttribute('aria-pressed')).toBe('true');
    expect(await low.textContent()).toMatch(/Low stock\s*11/);
    await rows(page).nth(10).waitFor();
    expect((await titles(page)).sort()).toEqual(
      ['Wool jumper', ...[...Array(10)].map((_, i) => `Low cup no ${i + 1}`)].sort(),
    );
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await screenshot(page, `listings-low-stock-${project}`);

    // Sold out: a chip in the address, kept by a reload.
    await chips.getByRole('button', { name: /Sold out/ }).click();
    await page.waitForURL(/\?stock=soldout$/);
    await page.getByText('3 sold out (none free) in 3 listings.').waitFor();
    await page.reload();
    await rows(page).nth(2).waitFor();
    expect((await titles(page)).sort()).toEqual(['Low cup no 1', 'Low cup no 2', 'Wool jumper']);
    expect(await chips.getByRole('button', { name: /Sold out/ }).getAttribute('aria-pressed')).toBe('true');

    // Nothing matches: the page says so, and "Show all listings" leaves focus on the All chip.
    await page.getByLabel('Search your listings').fill('Full cup');
    await page.getByText('No sold out listings match “Full cup”.').waitFor();
    expect(await rows(page).count()).toBe(0);
    await page.getByRole('button', { name: 'Show all listings' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?status=all$/);
    await waitForFocus(chips.getByRole('button', { name: /^All/ }));
    await rows(page).nth(1).waitFor();
    expect((await titles(page)).sort()).toEqual(['Full cup no 1', 'Full cup no 2']);
    await page.getByLabel('Search your listings').fill('');
    await rows(page).nth(13).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
}

test('between 861 and 1199 px the listing cards sit two a row; 1366 keeps the table, 390 one column', async () => {
  const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, 'desktop');
  await page.goto('/dashboard/listings');
  await rows(page).nth(5).waitFor();
  const layout = () =>
    rows(page).evaluateAll((trs) => {
      const [a, b, c] = trs.map((tr) => tr.getBoundingClientRect());
      const card = (trs[0]!.closest('.table-card') as HTMLElement).getBoundingClientRect();
      return {
        sameRow: Math.abs(a!.top - b!.top) < 1 && b!.left > a!.right,
        thirdBelow: c!.top >= Math.max(a!.bottom, b!.bottom),
        // The right card's right edge reaches the card's: no wide empty band on the right.
        rightGap: Math.round(card.right - b!.right),
        head: getComputedStyle(trs[0]!.closest('table')!.querySelector('thead')!).position,
      };
    });
  for (const width of [900, 1024, 1199]) {
    await page.setViewportSize({ width, height: 900 });
    const l = await layout();
    expect({ width, sameRow: l.sameRow, thirdBelow: l.thirdBelow }).toEqual({ width, sameRow: true, thirdBelow: true });
    expect(l.rightGap).toBeLessThanOrEqual(24);
    expect({ width, sideways: await sideways(page) }).toEqual({ width, sideways: 0 });
    // The search box beside (or under) the five chips stays wide enough to type in.
    expect((await page.getByLabel('Search your listings').boundingBox())!.width).toBeGreaterThanOrEqual(200);
    await screenshot(page, `listings-two-columns-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  expect((await layout()).head).not.toBe('absolute');
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 390, height: 844 });
  const phone = await layout();
  expect(phone.sameRow).toBe(false);
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await screenshot(page, 'listings-one-column-390');
  expect(errors).toEqual([]);
  await context.close();
}, 90_000);
