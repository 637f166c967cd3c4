// A shopper checking a shop's shipping or policies reaches them from the top of the shop page. On a
// phone the About card (description, shipping rates, policies) comes after a full page of listings,
// so short in-page links under the shop's head jump to it (and to the listings and reviews). A
// laptop shows the card beside the listings from the start and does not show the links.
import { beforeAll, expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { createProduct, createSeller } from './fixtures';
import { newPage, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
let slug: string;

beforeAll(async () => {
  const seller = await createSeller();
  slug = seller.shop.slug;
  for (let i = 0; i < 24; i++) await createProduct(seller, { title: `Stoneware cup no ${i + 1}` });
}, 120_000);

/** Waits until the element's top is on screen (scrolling, if any, has finished). */
async function onScreen(page: Page, target: Locator) {
  const handle = await target.elementHandle();
  await page.waitForFunction((el) => {
    const r = (el as Element).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, handle);
}

for (const project of projectNames) {
  test(`${project}: shipping and policies are reached from the top of the shop page`, async () => {
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/shop/${slug}`);
    await page.getByText('Stoneware cup no 1', { exact: true }).first().waitFor();
    const about = page.getByRole('heading', { name: 'About the shop', level: 2 });
    const shipping = page.getByRole('heading', { name: 'Shipping', level: 3, exact: true });
    const rate = page.getByText('Flat rate $5.00 per order');
    const aboutY = await about.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    console.log(`${project}: "About the shop" at y=${Math.round(aboutY)}`);
    const nav = page.getByRole('navigation', { name: 'On this page' });

    if (project === 'desktop') {
      // Beside the listings, on the first screen; no links needed.
      await onScreen(page, rate);
      expect(await nav.count()).toBe(0);
      await screenshot(page, `shop-about-reach-${project}`);
    } else {
      const link = nav.getByRole('link', { name: 'Shipping & policies' });
      await onScreen(page, link);
      expect(await nav.getByRole('link').allInnerTexts()).toEqual([
        'Listings',
        'About',
        'Shipping & policies',
        'Reviews',
      ]);
      await screenshot(page, `shop-about-reach-${project}`);
      await link.click();
      await onScreen(page, shipping);
      await onScreen(page, rate);
      await screenshot(page, `shop-about-reach-${project}-shipping`);
      // From the keyboard too: back at the top, Enter on About.
      await page.evaluate(() => window.scrollTo(0, 0));
      await nav.getByRole('link', { name: 'About', exact: true }).focus();
      await page.keyboard.press('Enter');
      await onScreen(page, about);
      await nav.getByRole('link', { name: 'Reviews', exact: true }).focus();
      await page.keyboard.press('Enter');
      await onScreen(page, page.getByRole('heading', { name: /Reviews of this shop/, level: 2 }));
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
}
