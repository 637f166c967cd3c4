// The seller's dashboard on a phone (found by a walk): Overview and Listings opened with a blank
// band of about 60 px under the tabs, 36 px more than Shop settings or Orders. Their heading row
// is a .section-head (36 px above it) whose dashboard override lost the cascade: the same
// specificity in a stylesheet the bundle happened to load first.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { createProduct, createSeller, signedInPage, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** Where the page's heading block starts, and where the dashboard's tabs start. */
async function headingTop(page: Page, path: string) {
  await page.goto(path);
  await page.locator('.dash h1').waitFor();
  return page.evaluate(() => {
    const h1 = document.querySelector('.dash h1') as HTMLElement;
    const block = h1.closest('.dash-head') ?? h1;
    return {
      heading: Math.round(block.getBoundingClientRect().top),
      tabs: Math.round((document.querySelector('.dash-nav a') as HTMLElement).getBoundingClientRect().top),
    };
  });
}

for (const project of projectNames) {
  test(`${project}: every dashboard page starts its heading at the same place under the tabs`, async () => {
    const seller = await createSeller();
    await createProduct(seller, { title: `Gap vase ${token()}` });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const shop = await headingTop(page, '/dashboard/shop');
    const orders = await headingTop(page, '/dashboard/orders');
    expect(orders).toEqual(shop);
    for (const path of ['/dashboard', '/dashboard/listings']) {
      const top = await headingTop(page, path);
      if (path === '/dashboard') await screenshot(page, `dashboard-heading-gap-${project}`);
      expect({ path, ...top }).toEqual({ path, ...shop });
    }
    // On a phone the tab row is where a page's content starts under the category bar.
    await page.goto('/orders');
    await page.locator('h1').first().waitFor();
    const ordersPage = await page
      .locator('h1')
      .first()
      .evaluate((h) => Math.round(h.getBoundingClientRect().top));
    if (project === 'phone') expect(shop.tabs).toBe(ordersPage);
    expect(errors).toEqual([]);
    await context.close();
  });
}
