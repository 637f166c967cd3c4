// The seller overview's "Low stock" card lists the most urgent few combinations (sold out first)
// and links to the listings, filtered to low stock, for the rest, so a shop with many low
// combinations keeps a short overview. Both widths.
import { beforeAll, expect, test } from 'bun:test';
import { createProduct, createSeller, signedInPage } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
let seller: Awaited<ReturnType<typeof createSeller>>;
const soldOut: string[] = [];

beforeAll(async () => {
  seller = await createSeller();
  // 14 low: 3 sold out, 11 with one left; and 2 well stocked.
  for (let i = 0; i < 14; i++) {
    const p = await createProduct(seller, { title: `Low jug no ${i + 1}`, quantity: i % 5 === 0 ? 0 : 1 });
    if (i % 5 === 0) soldOut.push(p.title);
  }
  for (let i = 0; i < 2; i++) await createProduct(seller, { title: `Full jug no ${i + 1}`, quantity: 30 });
}, 120_000);

for (const project of projectNames) {
  test(`${project}: the overview lists the 8 most urgent low-stock items and links to all 14`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard');
    const card = page.locator('.card', { has: page.getByRole('heading', { name: 'Low stock', exact: true }) });
    await card.getByRole('listitem').first().waitFor();
    const items = await card.getByRole('listitem').allInnerTexts();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`${project}: ${items.length} low-stock rows, page ${height} px tall`);
    expect(items).toHaveLength(8);
    // Sold out first.
    expect(items.slice(0, 3).every((t) => t.includes('0 available'))).toBe(true);
    expect(
      items
        .slice(0, 3)
        .map((t) => t.split(' —')[0])
        .sort(),
    ).toEqual([...soldOut].sort());
    const all = card.getByRole('link', { name: 'View all 14 in Listings' });
    await all.scrollIntoViewIfNeeded();
    await screenshot(page, `dashboard-low-stock-${project}`);
    await all.focus();
    await page.keyboard.press('Enter');
    // The listings open filtered to low stock, all 14 of them.
    await page.waitForURL(/\/dashboard\/listings\?stock=low$/);
    await page.getByText('14 running low (2 or fewer free) in 14 listings.').waitFor();
    expect(await page.locator('.listings-table tbody tr').count()).toBe(14);
    // An item opens its own listing's editor, where the seller restocks it.
    await page.goBack();
    const first = card.getByRole('listitem').first().getByRole('link');
    const title = (await first.textContent()) ?? '';
    await first.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
}
