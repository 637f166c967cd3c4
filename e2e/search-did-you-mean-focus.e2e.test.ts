// "Did you mean stoneware?" (found by a walk on /search?q=stonewear, keyboard only): Enter on the
// link loaded the corrected results, but the link went with the old ones and focus fell to <body>.
// Focus now waits on the results heading, as after the "No exact matches" card's links.
import { beforeAll, expect, test } from 'bun:test';
import { createProduct, createSeller, createUser, signedInPage, tabTo, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
let word = '';

beforeAll(async () => {
  word = token();
  const seller = await createSeller();
  await createProduct(seller, { title: `Speckled stoneware ${word} bowl`, priceCents: 4200 });
});

for (const project of projectNames) {
  test(`${project}: following "Did you mean" by keyboard puts focus on the new results' heading`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    const link = page.locator('a.search-suggestion', { hasText: `stoneware ${word}` });
    const deadline = Date.now() + 60_000;
    for (;;) {
      await page.goto(`/search?q=stonewear%20${word}`);
      await page.locator('.result-count').waitFor();
      if (await link.count()) break;
      if (Date.now() > deadline) throw new Error('no "Did you mean" for the misspelt word');
      await page.waitForTimeout(500); // the new listing is still being indexed
    }
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === `stoneware ${word}`);
    await waitForFocus(page.getByRole('heading', { level: 1, name: `Results for “stoneware ${word}”` }));
    await page
      .getByRole('link', { name: new RegExp(`Speckled stoneware ${word} bowl`, 'i') })
      .first()
      .waitFor();
    // Focus stays on the heading once the results and their notes are drawn.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-title');
    await screenshot(page, `search-did-you-mean-focus-${project}`);
    if (project === 'phone')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });
}
