// Found by a walk of /search at 1366×900 and 390×844, keyboard only.
// 1. A filter applies as soon as it is chosen and the facets re-render around it (a department's
//    radio becomes "All <department>" above its subcategories): focus stays on the chosen option,
//    found again by its value, instead of falling to the page, so a keyboard user can go on with
//    the arrows, in the sidebar and in the phone's filter sheet alike.
// 2. A card's badges ("Vintage", "Only 1 left") are never under the favourite heart.
import { beforeAll, expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { createProduct, createSeller, createUser, signedInPage, tabTo, token, untilIndexed } from './fixtures';
import { type ProjectName, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
let word = '';
let fairIsle = 0;

beforeAll(async () => {
  word = token();
  const seller = await createSeller();
  await createProduct(seller, {
    title: `Aran ${word} jumper`,
    categorySlug: 'sweaters',
    isVintage: true,
    quantity: 1,
    tags: [word],
  });
  fairIsle = (
    await createProduct(seller, { title: `Fair Isle ${word} jumper`, categorySlug: 'sweaters', tags: [word] })
  ).id;
  await createProduct(seller, { title: `Linen ${word} dress`, categorySlug: 'dresses' });
  await createProduct(seller, { title: `Stoneware ${word} mug`, categorySlug: 'mugs' });
});

/** The focused element, as a user would name it: an input's name=value, or its tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el instanceof HTMLInputElement ? `${el.name}=${el.value}${el.checked ? ' (checked)' : ''}` : el?.tagName;
  });

/**
 * Once the address and the chosen category's results are on screen, focus is still where the choice
 * was made. The count is the new category's (each step here changes it), so the facets have been
 * drawn from the new results, in the same render, before focus is read.
 */
async function choose(page: Page, key: string, category: string | null, count: number, expected: string) {
  await page.keyboard.press(key);
  await page.waitForURL((url) => url.searchParams.get('category') === category);
  await page
    .locator('.result-count')
    .filter({ hasText: new RegExp(`^${count} results?$`) })
    .waitFor();
  expect(await focused(page)).toBe(expected);
}

for (const project of projectNames) {
  test(`${project}: choosing a category with the arrows keeps focus on the chosen option`, async () => {
    const { context, page } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await untilIndexed(page, `/search?q=${word}`, 4);
    let scope: Locator = page.getByRole('complementary', { name: 'Filters' });
    if (project === 'phone') {
      const toggle = page.getByRole('button', { name: 'Filters' });
      await tabTo(page, toggle);
      await page.keyboard.press('Enter');
      scope = page.getByRole('dialog', { name: 'Filters' });
      await scope.waitFor();
    }
    await tabTo(page, scope.getByRole('radio', { name: 'All categories' }));
    // Down from "All categories" (4 results): Clothing (the jumpers and the dress, 3), which becomes
    // "All Clothing" above its subcategories.
    await choose(page, 'ArrowDown', 'clothing', 3, 'category=clothing (checked)');
    await scope.getByRole('radio', { name: /^All Clothing/ }).waitFor();
    // On into the subcategories, then back up to the department.
    await choose(page, 'ArrowDown', 'sweaters', 2, 'category=sweaters (checked)');
    await choose(page, 'ArrowUp', 'clothing', 3, 'category=clothing (checked)');
    await choose(page, 'ArrowUp', null, 4, 'category= (checked)');
    await screenshot(page, `search-filter-focus-${project}`);
    if (project === 'phone') {
      // The sheet is still open for the next choice; Show N results closes it.
      expect(await scope.isVisible()).toBe(true);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
}

/** Badges whose box meets the heart's box, in each of `cards`. */
async function badgeOverlaps(cards: Locator) {
  return cards.evaluateAll((els) =>
    els.flatMap((card) => {
      const heart = card.querySelector('.card-fav button')?.getBoundingClientRect();
      if (!heart) return [];
      return [...card.querySelectorAll('.tags .badge')]
        .map((b) => ({ text: b.textContent ?? '', r: b.getBoundingClientRect() }))
        .filter(({ r }) => r.left < heart.right && r.right > heart.left && r.top < heart.bottom && r.bottom > heart.top)
        .map(({ text }) => text);
    }),
  );
}

async function checkBadges(page: Page, cards: Locator, project: ProjectName, where: string) {
  await cards.first().waitFor();
  expect(await cards.count()).toBeGreaterThan(0);
  expect(await badgeOverlaps(cards)).toEqual([]);
  await cards.first().scrollIntoViewIfNeeded();
  await screenshot(page, `card-badges-${where}-${project}`);
}

for (const project of projectNames) {
  test(`${project}: "Vintage" and "Only 1 left" are not under the favourite heart`, async () => {
    const buyer = await createUser();
    // A favourite gives the home page a "Because you favourited …" row of similar listings.
    await buyer.caller.favorites.toggleProduct({ productId: fairIsle, favorited: true });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await untilIndexed(page, `/search?q=${word}`, 4);
    const both = (scope: Locator) =>
      scope.locator('.product-card', { has: page.getByText('Only 1 left', { exact: true }) }).filter({
        has: page.getByText('Vintage', { exact: true }),
      });
    await checkBadges(page, both(page.locator('main')), project, 'search');
    await page.goto('/');
    const row = page.locator('section', {
      has: page.getByRole('heading', { name: /^Because you favourited Fair Isle/ }),
    });
    await checkBadges(page, both(row), project, 'home');
    expect(errors).toEqual([]);
    await context.close();
  });
}

for (const project of projectNames) {
  test(`${project}: "Vintage only" cannot be ticked when none of the results is vintage`, async () => {
    const { context, page } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    const filters = async () => {
      if (project === 'desktop') return page.getByRole('complementary', { name: 'Filters' });
      await page.getByRole('button', { name: 'Filters' }).click();
      const sheet = page.getByRole('dialog', { name: 'Filters' });
      await sheet.waitFor();
      return sheet;
    };
    // The dress is not vintage: ticking "Vintage only" could only answer "0 results".
    await untilIndexed(page, `/search?q=${word}&category=dresses`, 1);
    const none = (await filters()).getByRole('checkbox', { name: /Vintage only/ });
    await none.waitFor();
    expect(await none.isDisabled()).toBe(true);
    await screenshot(page, `vintage-none-${project}`);
    // Across all categories one result is vintage: the box is there to tick.
    await untilIndexed(page, `/search?q=${word}`, 4);
    const some = (await filters()).getByRole('checkbox', { name: /Vintage only/ });
    expect(await some.isDisabled()).toBe(false);
    await context.close();
  });
}
