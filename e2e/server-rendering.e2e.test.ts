// Server-rendered pages in a real browser: with JavaScript off a shopper can browse a category,
// search with the header's GET form, page through results, filter and sort, and read a listing; with JavaScript on,
// the public pages hydrate without a console error or warning and without fetching their data again.
import { beforeAll, describe, expect, test } from 'bun:test';
import type { ConsoleMessage, Page } from 'playwright';
import { deliveryWindow, type Processing } from '../src/shared/dispatch';
import { listingPath } from '../src/shared/listing-url';
import { createProduct, createSeller, token } from './fixtures';
import { newPage, projects, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

type Listing = { id: number; title: string; processing: Processing };
let world: { word: string; slug: string; shopName: string; first: Listing };

beforeAll(async () => {
  const word = token();
  const seller = await createSeller();
  let first: Listing | null = null;
  // 30 listings: two pages of 24.
  for (let i = 0; i < 30; i++) {
    const p = await createProduct(seller, {
      title: `Ash glazed ${word} vase no ${i + 1}`,
      categorySlug: 'vases',
      priceCents: 3000 + i * 100,
    });
    first ??= p;
  }
  world = { word, slug: seller.shop.slug, shopName: seller.shop.name, first: first as Listing };
});

/** Search is fed asynchronously (outbox → Meilisearch): load the page until all 30 are found. */
async function untilIndexed(page: Page, path: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.goto(path);
    if (await page.getByText(/^30 results/).count()) return;
    if (Date.now() > deadline) throw new Error(`not indexed: ${path}`);
  }
}

describe('without JavaScript', () => {
  for (const project of ['desktop', 'phone'] as const) {
    test(`${project}: browse a category, search, page through results and read a listing`, async () => {
      const context = await e2e.browser.newContext({
        ...projects[project],
        baseURL: e2e.app.baseUrl,
        javaScriptEnabled: false,
      });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();

      // Browse: the category bar is plain links.
      await page.goto('/');
      await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Home & Living' }).click();
      await page.waitForURL(/\/search\?category=home-living$/);
      await page.getByRole('heading', { level: 1, name: 'Home & Living' }).waitFor();
      expect(await page.locator('.paged-grid .product-card').count()).toBeGreaterThan(0);
      // Down to a subcategory with the filter form, back up with the breadcrumb.
      const categoryFilters = page.getByRole('complementary', { name: 'Filters' });
      await categoryFilters.getByRole('radio', { name: /^Vases/ }).check();
      await categoryFilters.getByRole('button', { name: 'Apply filters', exact: true }).click();
      await page.waitForURL(/\/search\?category=vases$/);
      await page.getByRole('heading', { level: 1, name: 'Vases' }).waitFor();
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Home & Living' }).click();
      await page.waitForURL(/\/search\?category=home-living$/);
      await page.getByRole('heading', { level: 1, name: 'Home & Living' }).waitFor();

      // Search: the header's form is a GET form.
      await untilIndexed(page, `/search?q=${world.word}`);
      await page.goto('/');
      const box = page.getByRole('combobox', { name: 'Search for anything' });
      await box.fill(world.word);
      await box.press('Enter');
      await page.waitForURL(new RegExp(`/search\\?q=${world.word}$`));
      await page.getByText(/^30 results/).waitFor();
      expect(await page.locator('.paged-grid .product-card').count()).toBe(24);
      await screenshot(page, `no-js-${project}-search`);

      // Page through the results.
      await page.getByRole('link', { name: 'Next page →' }).click();
      await page.waitForURL(/page=2/);
      await page.getByText('Page 2 of 2').waitFor();
      await page.locator('.pagination').scrollIntoViewIfNeeded();
      await screenshot(page, `no-js-${project}-search-page-2`);
      expect(await page.locator('.paged-grid .product-card').count()).toBe(6);
      await page.getByRole('link', { name: '← Previous page' }).click();
      await page.getByText('Page 1 of 2').waitFor();

      // Filter and sort: the sidebar is a GET form with an "Apply filters" button (a phone shows
      // it in the page, not behind the Filters button), the sort select has its own button.
      const filters = page.getByRole('complementary', { name: 'Filters' });
      await filters.getByRole('textbox', { name: 'Minimum price in dollars' }).fill('50');
      await filters.getByRole('textbox', { name: 'Maximum price in dollars' }).fill('55');
      await filters.getByRole('checkbox', { name: 'Include sold out' }).check();
      await filters.getByRole('button', { name: 'Apply filters', exact: true }).click();
      await page.waitForURL(new RegExp(`/search\\?q=${world.word}&stock=all&min=5000&max=5500$`));
      await page.getByText(/^6 results/).waitFor();
      expect(await page.locator('.paged-grid .product-card').count()).toBe(6);
      expect(await filters.getByRole('checkbox', { name: 'Include sold out' }).isChecked()).toBe(true);
      await page.getByRole('combobox', { name: 'Sort by' }).selectOption('price_desc');
      await page.getByRole('button', { name: 'Sort', exact: true }).click();
      await page.waitForURL(/sort=price_desc/);
      await page.getByText(/^6 results/).waitFor();
      await expect(page.locator('.paged-grid .product-card').first().innerText()).resolves.toContain('$55.00');
      await expect(page.locator('.paged-grid .product-card').last().innerText()).resolves.toContain('$50.00');
      await screenshot(page, `no-js-${project}-search-filtered`);
      // Back to every price with the "Any price" choice.
      await filters.getByRole('textbox', { name: 'Minimum price in dollars' }).fill('');
      await filters.getByRole('textbox', { name: 'Maximum price in dollars' }).fill('');
      await filters.getByRole('button', { name: 'Apply filters', exact: true }).click();
      await page.getByText(/^30 results/).waitFor();
      await expect(page.locator('.paged-grid .product-card').first().innerText()).resolves.toContain('$59.00');

      // Read a listing.
      await page.goto(`/search?q=${world.word}&sort=price_asc`);
      await page.getByRole('link', { name: new RegExp(`${world.first.title}\\b`) }).click();
      await page.waitForURL(new RegExp(`${listingPath(world.first.id, world.first.title)}$`));
      await page.getByRole('heading', { level: 1, name: world.first.title }).waitFor();
      await page.getByText('$30.00').first().waitFor();
      await page.getByText('Only 5 left').waitFor();
      await screenshot(page, `no-js-${project}-listing`);

      // A listing that does not exist: the site's layout, a useful page, the right status.
      const missing = await page.goto('/listing/2147483000/nothing-here');
      expect(missing?.status()).toBe(404);
      await page
        .getByRole('heading', { level: 1, name: 'We couldn’t find that' })
        .or(page.getByRole('heading', { level: 1, name: "We couldn't find that" }))
        .waitFor();
      await page.getByRole('combobox', { name: 'Search for anything' }).waitFor();
      await context.close();
    });
  }
});

describe('with JavaScript', () => {
  test('public pages hydrate with no console errors or warnings and do not fetch their data again', async () => {
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl);
    await untilIndexed(page, `/search?q=${world.word}`);
    const problems: string[] = [];
    const dataCalls: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on('request', (r) => {
      const m = /\/trpc\/([^?]+)/.exec(r.url());
      if (!m) return;
      // The live grid loading the *next* page of results is not a refetch of what was rendered.
      const input = decodeURIComponent(r.url());
      for (const name of m[1].split(','))
        if (name !== 'search.products' || !/"page":([2-9]|\d\d)/.test(input)) dataCalls.push(name);
    });
    const pages = [
      { path: '/', data: 'feed.home' },
      { path: `/search?q=${world.word}`, data: 'search.products' },
      { path: '/search?category=vases', data: 'search.products' },
      { path: listingPath(world.first.id, world.first.title), data: 'catalog.product' },
      { path: `/shop/${world.slug}`, data: 'shops.bySlug' },
    ];
    for (const p of pages) {
      dataCalls.length = 0;
      const res = await page.goto(p.path, { waitUntil: 'networkidle' });
      expect(res?.status()).toBe(200);
      // Hydrated: React owns the root, and a frame has passed since.
      await page.waitForFunction(() => {
        const root = document.getElementById('root');
        return !!root && Object.keys(root).some((k) => k.startsWith('__reactContainer'));
      });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect({ path: p.path, refetched: dataCalls.filter((c) => c === p.data) }).toEqual({
        path: p.path,
        refetched: [],
      });
    }
    // After hydration the search grid is the live one: scrolling loads the second page.
    await page.goto(`/search?q=${world.word}`, { waitUntil: 'networkidle' });
    await page.locator('.virtual-row').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page
      .getByRole('link', { name: /vase no 30\b|vase no 25\b/ })
      .first()
      .waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a listing rendered on one day hydrates in a browser already on a later one, then shows its dates', async () => {
    // The server renders (or kept) the page with its today; the visitor's clock is a week on, as
    // at midnight or with a copy a cache kept: hydration must not break, and the estimates follow
    // the visitor's day. A week shifts every business-day window, whatever the processing time.
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl);
    const later = new Date(Date.now() + 7 * 24 * 3600_000);
    await context.clock.setFixedTime(later);
    const problems: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const path = listingPath(world.first.id, world.first.title);
    const served = await (await fetch(new URL(path, e2e.app.baseUrl))).text();
    const servedDelivery = /data-testid="delivery">(.*?)<\/span>/.exec(served)?.[1].replaceAll('<!-- -->', '');
    expect(servedDelivery).toBe(`Estimated delivery ${deliveryWindow(world.first.processing)}`);
    await page.goto(path);
    const visitorDelivery = `Estimated delivery ${deliveryWindow(world.first.processing, later)}`;
    await page.getByTestId('delivery').filter({ hasText: visitorDelivery }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
