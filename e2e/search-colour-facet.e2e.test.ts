// The Colour facet on /search, keyboard only, in the laptop's sidebar and the phone's filter sheet.
// - A chosen colour none of the results has (found by a walk on /search?q=mug…&colour=blue): the
//   sidebar had no Colour group at all, though the address filtered by colour and its chip said
//   "Blue", so the filter could be seen and undone only by the chip. A chosen value now always
//   shows in its group, ticked, with its count (0 here), and unticking it by keyboard drops the
//   filter. Colours the results have show with their counts as before.
// - Unticking such a colour or material (found by a walk on /search?q=sweater&colour=blue): Space
//   on the ticked "Blue 0" dropped the filter, the Blue row went with it and focus fell to <body>,
//   in the sidebar and in the phone's open filter sheet. Focus now stays in the group, on its first
//   value, or, when the whole group went, on the sheet's heading (phone) or the results heading
//   (laptop).
import { beforeAll, expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import {
  createProduct,
  createSeller,
  createUser,
  searchFilters,
  signedInPage,
  tabTo,
  token,
  untilIndexed,
  waitForFocus,
} from './fixtures';
import { type ProjectName, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
let word = '';
let plain = '';

beforeAll(async () => {
  word = token();
  plain = token();
  const seller = await createSeller();
  const jumper = await createProduct(seller, { title: `Lambswool ${word} jumper`, priceCents: 9000 });
  await seller.caller.catalog.setVariations({
    productId: jumper.id,
    properties: [{ name: 'Colour', values: ['Mustard', 'Forest Green'] }],
    combinations: [
      { values: ['Mustard'], priceCents: 9000, quantity: 1 },
      { values: ['Forest Green'], priceCents: 9000, quantity: 2 },
    ],
  });
  await createProduct(seller, { title: `Speckled ${word} mug`, priceCents: 3000 });
  // No colours at all among these results: the Colour group goes once Blue is unticked.
  await createProduct(seller, { title: `Plain ${plain} mug`, priceCents: 2500 });
});

/** The count shown beside a facet's checkbox, in its label. */
const countOf = (checkbox: Locator) => checkbox.locator('xpath=..').locator('.count').textContent();

const colourGroup = (scope: Locator) => scope.getByRole('group', { name: 'Colour' });

const resultCount = (page: Page, text: RegExp) => page.locator('.result-count').filter({ hasText: text }).waitFor();

/**
 * The focused control shows: inside the window and, in the phone's sheet, inside the sheet's
 * scrolling body (the page scrolls to its top on a new address, and the focus ring went below
 * the fold).
 */
async function focusedInSight(page: Page) {
  await page.waitForFunction(
    () => {
      const el = document.activeElement;
      if (!el || el === document.body) return false;
      const box = el.getBoundingClientRect();
      const body = el.closest('.filter-sheet-body')?.getBoundingClientRect();
      const top = Math.max(0, body?.top ?? 0);
      const bottom = Math.min(window.innerHeight, body?.bottom ?? Number.POSITIVE_INFINITY);
      // A pixel's grace: the box's edges fall on fractions of a pixel.
      return box.height > 0 && box.top >= top - 1 && box.bottom <= bottom + 1;
    },
    undefined,
    { timeout: 10_000 },
  );
}

/** Space on the chosen value, and the address without it. */
async function untick(page: Page, scope: Locator, group: string, param: string, value: RegExp) {
  const box = scope.getByRole('group', { name: group }).getByRole('checkbox', { name: value });
  expect(await box.isChecked()).toBe(true);
  await tabTo(page, box);
  await page.keyboard.press('Space');
  await page.waitForURL((url) => !url.searchParams.has(param));
}

for (const project of projectNames) {
  test(`${project}: a chosen colour or material no result has shows ticked with 0, and unticks by keyboard with focus kept in its group`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await untilIndexed(page, `/search?q=${word}`, 2);
    await page.goto(`/search?q=${word}&colour=blue`);
    await resultCount(page, /^0 results$/);
    let scope = await searchFilters(page, project);
    const group = colourGroup(scope);
    const blue = group.getByRole('checkbox', { name: /^blue\b/i });
    expect(await blue.isChecked()).toBe(true);
    expect(await countOf(blue)).toBe('0');
    // The colours the results would have without it, with their counts.
    expect(await group.getByRole('checkbox', { name: /^mustard\b/i }).count()).toBe(1);
    await screenshot(page, `search-colour-facet-${project}`);
    if (project === 'phone')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await untick(page, scope, 'Colour', 'colour', /^blue\b/i);
    await resultCount(page, /^2 results$/);
    expect(await page.getByRole('button', { name: 'Remove filter: Blue' }).count()).toBe(0);
    await waitForFocus(colourGroup(scope).getByRole('checkbox').first());
    expect(await scope.getByRole('checkbox', { name: /^blue\b/i }).count()).toBe(0);
    await focusedInSight(page);
    await screenshot(page, `search-facet-untick-colour-${project}`);

    await page.goto(`/search?q=${word}&material=glass`);
    scope = await searchFilters(page, project);
    await untick(page, scope, 'Materials', 'material', /^glass\b/i);
    await waitForFocus(scope.getByRole('group', { name: 'Materials' }).getByRole('checkbox', { name: /^ceramic\b/i }));
    await focusedInSight(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: colours the results have show with counts and filter by keyboard`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await untilIndexed(page, `/search?q=${word}`, 2);
    const scope = await searchFilters(page, project);
    const mustard = colourGroup(scope).getByRole('checkbox', { name: /^mustard\b/i });
    expect(await countOf(mustard)).toBe('1');
    await tabTo(page, mustard);
    await page.keyboard.press('Space');
    await page.waitForURL((url) => url.searchParams.get('colour') === 'mustard');
    await resultCount(page, /^1 result$/);
    await waitForFocus(colourGroup(await scopeAfter(page, project)).getByRole('checkbox', { name: /^mustard\b/i }));
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: unticking the only colour shown moves focus to a heading`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await untilIndexed(page, `/search?q=${plain}`, 1);
    await page.goto(`/search?q=${plain}&colour=blue`);
    const scope = await searchFilters(page, project);
    await untick(page, scope, 'Colour', 'colour', /^blue\b/i);
    await resultCount(page, /^1 result$/);
    expect(await colourGroup(scope).count()).toBe(0);
    await waitForFocus(
      project === 'desktop'
        ? page.getByRole('heading', { level: 1, name: `Results for “${plain}”` })
        : scope.getByRole('heading', { name: 'Filters' }),
    );
    await screenshot(page, `search-facet-untick-heading-${project}`);
    if (project === 'phone') {
      // The sheet is still open, and Tab goes on from its heading.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
}

/** The filters' scope once a choice applied (the phone's sheet stays open). */
async function scopeAfter(page: Page, project: ProjectName): Promise<Locator> {
  return project === 'desktop'
    ? page.getByRole('complementary', { name: 'Filters' })
    : page.getByRole('dialog', { name: 'Filters' });
}
