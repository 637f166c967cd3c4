// Seller Listings at ?stock=low in a shop where nothing is running low (every active listing has
// more than 2 free; an archived sold-out listing never counts): the page says so in words, shows
// no table and no "running low" count, and "Show all listings" leads back, focus on the All chip.
import { beforeAll, expect, test } from 'bun:test';
import { createProduct, createSeller, signedInPage, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
let seller: Awaited<ReturnType<typeof createSeller>>;

beforeAll(async () => {
  seller = await createSeller();
  await createProduct(seller, { title: 'Full jug', quantity: 20 });
  await createProduct(seller, { title: 'Just enough bowl', quantity: 3 });
  const old = await createProduct(seller, { title: 'Old plate', quantity: 0 });
  await seller.caller.catalog.archiveProduct({ productId: old.id });
}, 120_000);

for (const project of projectNames) {
  test(`${project}: ?stock=low with nothing running low says so and offers every listing`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings?stock=low');
    const empty = page.getByRole('status').filter({ hasText: 'Nothing is running low' });
    await empty.getByText('Nothing is running low: every active listing has more than 2 free.').waitFor();
    const chips = page.getByRole('group', { name: 'Show listings' });
    const low = chips.getByRole('button', { name: /Low stock/ });
    expect(await low.getAttribute('aria-pressed')).toBe('true');
    expect((await low.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Low stock 0');
    expect(await page.locator('.listings-table').count()).toBe(0);
    expect(await page.getByText('running low (2 or fewer free)').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(page.viewportSize()!.width);
    await screenshot(page, `listings-none-low-${project}`);

    const showAll = empty.getByRole('button', { name: 'Show all listings' });
    await showAll.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?status=all$/);
    await waitForFocus(chips.getByRole('button', { name: /^All/ }));
    await page.locator('.listings-table tbody tr').nth(2).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
}
