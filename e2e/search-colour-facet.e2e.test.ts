// The Colour facet with a colour none of the results has (found by a walk on
// /search?q=mug…&colour=blue): the sidebar had no Colour group at all, though the address filtered
// by colour and its chip said "Blue", so the filter could be seen and undone only by the chip. A
// chosen value now always shows in its group, ticked, with its count (0 here), and unticking it by
// keyboard drops the filter. Colours the results have show with their counts as before. Laptop
// sidebar and the phone's filter sheet.
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

beforeAll(async () => {
  word = token();
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
});

/** The count shown beside a facet's checkbox, in its label. */
const countOf = (checkbox: Locator) => checkbox.locator('xpath=..').locator('.count').textContent();

const colourGroup = (scope: Locator) => scope.getByRole('group', { name: 'Colour' });

const resultCount = (page: Page, text: RegExp) => page.locator('.result-count').filter({ hasText: text }).waitFor();

for (const project of projectNames) {
  test(`${project}: a chosen colour no result has still shows, ticked with 0, and unticks by keyboard`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await untilIndexed(page, `/search?q=${word}`, 2);
    await page.goto(`/search?q=${word}&colour=blue`);
    await resultCount(page, /^0 results$/);
    const scope = await searchFilters(page, project);
    const group = colourGroup(scope);
    const blue = group.getByRole('checkbox', { name: /^blue\b/i });
    expect(await blue.isChecked()).toBe(true);
    expect(await countOf(blue)).toBe('0');
    // The colours the results would have without it, with their counts.
    expect(await group.getByRole('checkbox', { name: /^mustard\b/i }).count()).toBe(1);
    await screenshot(page, `search-colour-facet-${project}`);
    if (project === 'phone')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await tabTo(page, blue);
    await page.keyboard.press('Space');
    await page.waitForURL((url) => !url.searchParams.has('colour'));
    await resultCount(page, /^2 results$/);
    expect(await page.getByRole('button', { name: 'Remove filter: Blue' }).count()).toBe(0);
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
}

/** The filters' scope once a choice applied (the phone's sheet stays open). */
async function scopeAfter(page: Page, project: ProjectName): Promise<Locator> {
  return project === 'desktop'
    ? page.getByRole('complementary', { name: 'Filters' })
    : page.getByRole('dialog', { name: 'Filters' });
}
