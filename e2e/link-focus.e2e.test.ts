// Found by a walk at 1366×900 and 390×844, keyboard only: following a link to another page (the
// seller overview's "View all N in Listings" and "Orders to fulfil", Enter on a search result card)
// unmounted the link and focus fell to <body>, so the next Tab started again at "Skip to content".
// Focus now lands on the new page's heading and the next Tab goes on in the page. Links that stay
// on screen (the dashboard's side nav) keep focus on themselves, and a first load moves nothing.
import { beforeAll, expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import {
  createProduct,
  createSeller,
  createUser,
  signedInPage,
  tabTo,
  token,
  waitForFocus,
  waitForSearchHit,
} from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
let seller: Awaited<ReturnType<typeof createSeller>>;
const word = token();
let cardTitle = '';

beforeAll(async () => {
  seller = await createSeller();
  // More low-stock listings than the overview lists, so it links to "View all 10 in Listings".
  cardTitle = `Low bowl ${word} first`;
  await createProduct(seller, { title: cardTitle, quantity: 1 });
  for (let i = 2; i <= 10; i++) await createProduct(seller, { title: `Low bowl ${word} no ${i}`, quantity: 1 });
}, 120_000);

const focused = (page: Page) =>
  page.evaluate(() => ({
    tag: document.activeElement?.tagName ?? 'none',
    text: document.activeElement?.textContent?.trim() ?? '',
    inMain: !!document.getElementById('main')?.contains(document.activeElement),
  }));

/** Enter on `link`: the page at `url` opens with its heading focused, and Tab goes on in the page. */
async function follow(page: Page, link: Locator, url: (u: URL) => boolean, heading: Locator) {
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await page.waitForURL(url);
  await waitForFocus(heading);
  await page.keyboard.press('Tab');
  const next = await focused(page);
  expect(next.text).not.toBe('Skip to content');
  expect(next.inMain).toBe(true);
}

for (const project of projectNames) {
  test(`${project}: the overview's links put focus on the page they open, not on <body>`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    // A first load moves nothing.
    expect((await focused(page)).tag).toBe('BODY');

    await follow(
      page,
      page.getByRole('link', { name: 'View all 10 in Listings' }),
      (u) => u.pathname === '/dashboard/listings' && u.searchParams.get('stock') === 'low',
      page.getByRole('heading', { level: 1, name: 'Listings' }),
    );
    await screenshot(page, `link-focus-listings-${project}`);

    await page.goto('/dashboard');
    await follow(
      page,
      page.getByRole('link', { name: 'Orders to fulfil' }),
      (u) => u.pathname === '/dashboard/orders',
      page.getByRole('heading', { level: 1, name: 'Orders' }),
    );

    // The side nav stays on screen: focus stays on the link pressed.
    const storefront = page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Storefront' });
    await tabTo(page, storefront);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/dashboard/storefront');
    await page.getByRole('heading', { level: 1, name: 'Storefront' }).waitFor();
    await waitForFocus(storefront);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  test(`${project}: Enter on a search result card puts focus on the listing's heading`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    const card = await waitForSearchHit(page, `/search?q=${word}`, cardTitle);
    await follow(
      page,
      card,
      (u) => u.pathname.startsWith('/listing/'),
      page.getByRole('heading', { level: 1, name: cardTitle, exact: true }),
    );
    await screenshot(page, `link-focus-product-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
}
