// Main shopper journeys on a laptop and on a phone (touch): typeahead to a category and to a shop,
// a guest cart, add to cart pressed twice, an item held in someone else's cart, back to deep
// search results, filters (sheet on phones, chips everywhere) and a declined card.
import { beforeAll, describe, expect, test } from 'bun:test';
import type { Page } from 'playwright';
import {
  createProduct,
  createSeller,
  createUser,
  fillShippingAddress,
  signedInPage,
  token,
  waitForSearchHit,
} from './fixtures';
import { newPage, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

let deep: { word: string; titles: string[] };

beforeAll(async () => {
  // Enough listings for three pages of results (24 a page).
  const word = token();
  const seller = await createSeller();
  const titles: string[] = [];
  for (let i = 0; i < 50; i++) {
    const p = await createProduct(seller, {
      title: `Glazed ${word} bowl no ${i + 1}`,
      categorySlug: 'bowls',
      materials: [i % 2 ? 'ceramic' : 'porcelain'],
      priceCents: 1000 + i * 10,
    });
    titles.push(p.title);
  }
  deep = { word, titles };
}, 120_000);

async function typeAndPick(page: Page, text: string, option: RegExp) {
  const box = page.getByRole('combobox', { name: 'Search for anything' });
  await box.click();
  await box.fill(text);
  const choice = page.getByRole('option', { name: option });
  await choice.waitFor();
  // Arrow down to it: the highlighted option must be visibly highlighted.
  for (let i = 0; i < 8 && (await choice.getAttribute('aria-selected')) !== 'true'; i++) await box.press('ArrowDown');
  expect(await choice.getAttribute('aria-selected')).toBe('true');
  const bg = await choice.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).not.toBe('rgba(0, 0, 0, 0)');
  await box.press('Enter');
}

for (const project of projectNames) {
  describe(`shopper journeys on ${project}`, () => {
    test('typeahead: a category opens its category page, a shop opens the shop', async () => {
      const seller = await createSeller();
      await createProduct(seller, { title: `Cable ${token()} jumper`, categorySlug: 'sweaters' });
      const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto('/');
      await typeAndPick(page, 'sweat', /Sweaters & Jumpers/);
      await page.waitForURL(/\/search\?category=sweaters$/);
      await page.getByRole('heading', { level: 1, name: 'Sweaters & Jumpers' }).waitFor();
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      await crumbs.getByRole('link', { name: 'Clothing' }).waitFor();
      if (project === 'desktop')
        expect(await page.getByRole('radio', { name: /Sweaters & Jumpers/ }).isChecked()).toBe(true);
      await screenshot(page, `journey-${project}-category`);

      // Shop suggestions come from indexed listings: wait until the shop's listing is searchable.
      await waitForSearchHit(page, `/search?q=${encodeURIComponent(seller.shop.name)}`, 'Cable', 60_000);
      await typeAndPick(page, seller.shop.name, new RegExp(seller.shop.name));
      await page.waitForURL(new RegExp(`/shop/${seller.shop.slug}$`));
      await page.getByRole('heading', { level: 1, name: seller.shop.name }).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });

    test('a guest adds to cart (double press adds one), sees the count and the cart, and signs in only to check out', async () => {
      const seller = await createSeller();
      const mug = await createProduct(seller, { title: `Guest mug ${token()}`, quantity: 5 });
      const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
      await page.goto(`/product/${mug.id}`);
      await page.getByRole('heading', { name: mug.title }).waitFor();
      await page.getByRole('button', { name: 'Add to cart' }).dblclick();
      await page.getByRole('link', { name: /View in cart/ }).waitFor();
      await page.getByRole('link', { name: 'Cart, 1 item', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Cart, 1 item', exact: true }).click();
      await page.getByRole('heading', { name: 'Your cart' }).waitFor();
      await page.getByRole('region', { name: `Items from ${seller.shop.name}` }).waitFor();
      expect(
        await page
          .getByRole('group', { name: `Quantity of ${mug.title}` })
          .locator('output')
          .textContent(),
      ).toBe('1');
      await page.getByText(/Held for you for (29|30) more minutes/).waitFor();
      await screenshot(page, `journey-${project}-guest-cart`);
      await page.getByRole('link', { name: 'Sign in to check out' }).click();
      await page.waitForURL(/\/signin\?next=%2Fcheckout/);
      await context.close();
    });

    test("a one-of-a-kind item in someone else's cart reads 'In someone's cart', not sold out", async () => {
      const seller = await createSeller();
      const vase = await createProduct(seller, { title: `Only vase ${token()}`, quantity: 1 });
      const holder = await createUser();
      await holder.caller.cart.addItem({ productId: vase.id, quantity: 1 });
      const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
      await page.goto(`/product/${vase.id}`);
      await page
        .getByTestId('availability')
        .getByText(/In someone.s cart/)
        .waitFor();
      await page.getByText(/may free up in (29|30) minutes/).waitFor();
      expect(await page.getByText('Sold out').count()).toBe(0);
      await screenshot(page, `journey-${project}-held`);
      await context.close();

      // The shopper who holds it sees it as theirs to check out, not "Sold out".
      const mine = await signedInPage(e2e.browser, e2e.app.baseUrl, holder, project);
      await mine.page.goto(`/product/${vase.id}`);
      await mine.page.getByRole('link', { name: 'In your cart — check out' }).waitFor();
      expect(await mine.page.getByRole('button', { name: 'Sold out' }).count()).toBe(0);
      await mine.context.close();

      // The seller sees their own listing and a way to edit it, not a disabled buy button.
      const own = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
      await own.page.goto(`/product/${vase.id}`);
      await own.page.getByText('This is your listing.').waitFor();
      expect(await own.page.getByRole('button', { name: /Add to cart|in your cart/ }).count()).toBe(0);
      // ...which opens the listing's editor in the dashboard; closing it leaves the listings table.
      await own.page.getByRole('link', { name: 'Edit your listing' }).click();
      const editor = own.page.getByRole('dialog', { name: 'Edit listing' });
      await editor.waitFor();
      expect(await editor.getByLabel('Title').inputValue()).toBe(vase.title);
      await editor.getByRole('button', { name: 'Close' }).click();
      await editor.waitFor({ state: 'hidden' });
      expect(new URL(own.page.url()).search).toBe('');
      await own.context.close();
    });

    test('back from a product deep in the results returns to the same place with the same pages loaded', async () => {
      const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
      context.setDefaultTimeout(45_000);
      await waitForSearchHit(page, `/search?q=${deep.word}&sort=price_asc`, deep.titles[0]!, 200_000);
      await page.getByText(/^50 results/).waitFor();
      // Scroll down (loading pages as a shopper would) until the 45th listing (second page) is on screen.
      const title = deep.titles[44]!;
      await page.waitForFunction(
        (t) => {
          const link = [...document.querySelectorAll('a')].find((a) => a.textContent?.includes(t));
          if (link) {
            link.scrollIntoView({ block: 'center' });
            return true;
          }
          window.scrollBy(0, 700);
          return false;
        },
        title,
        { polling: 150, timeout: 60_000 },
      );
      const target = page.getByRole('link', { name: new RegExp(`${title}\\b`) });
      await target.waitFor({ state: 'visible' });
      const before = await page.evaluate(() => window.scrollY);
      expect(before).toBeGreaterThan(1500);
      await target.click();
      await page.getByRole('heading', { level: 1, name: deep.titles[44] }).waitFor();
      await page.goBack();
      await target.waitFor({ state: 'visible' });
      const after = await page.evaluate(() => window.scrollY);
      expect(Math.abs(after - before)).toBeLessThan(120);
      expect(await target.isVisible()).toBe(true);
      await context.close();
    });

    test('filters: chips on every size, a sheet with "Show N results" on phones', async () => {
      const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
      await waitForSearchHit(page, `/search?q=${deep.word}`, deep.titles[0]!, 200_000);
      await page.getByText(/^50 results/).waitFor();
      if (project === 'phone') {
        await page.getByRole('button', { name: 'Filters' }).click();
        const sheet = page.getByRole('dialog', { name: 'Filters' });
        await sheet.waitFor();
        await sheet.getByRole('checkbox', { name: /porcelain/i }).click();
        await page.waitForURL(/material=porcelain/);
        await sheet.getByRole('button', { name: 'Show 25 results' }).waitFor();
        await screenshot(page, `journey-${project}-filter-sheet`);
        await sheet.getByRole('button', { name: 'Show 25 results' }).click();
        await sheet.waitFor({ state: 'hidden' });
      } else {
        expect(await page.getByRole('button', { name: 'Filters' }).isVisible()).toBe(false);
        await page.getByRole('checkbox', { name: /porcelain/i }).click();
        await page.waitForURL(/material=porcelain/);
      }
      await page.getByText(/^25 results/).waitFor();
      await page.getByRole('button', { name: 'Remove filter: Porcelain' }).click();
      await page.getByText(/^50 results/).waitFor();
      expect(page.url()).not.toContain('material=');
      await context.close();
    });

    test('a declined card is shown where the buyer is looking, focused and announced', async () => {
      const seller = await createSeller();
      const vase = await createProduct(seller, { title: `Bud vase ${token()}`, categorySlug: 'vases' });
      const buyer = await createUser();
      await buyer.caller.cart.addItem({ productId: vase.id, quantity: 1 });
      const { context, page } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
      await page.goto('/checkout');
      await fillShippingAddress(page);
      await page.getByRole('button', { name: /Continue to payment/ }).click();
      await page.getByLabel(/Card that is declined/).check();
      await page.getByRole('button', { name: 'Review order' }).click();
      await page.getByRole('button', { name: /Place order ·/ }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Your card was declined' });
      await alert.waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert');
      await page.waitForFunction(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
      await screenshot(page, `journey-${project}-declined`);
      await context.close();
    });
  });
}
