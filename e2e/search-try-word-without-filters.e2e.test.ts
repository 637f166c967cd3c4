// The "No exact matches" card's "Try “<first word>”" with filters on, by keyboard at laptop and
// phone width (found by a walk on /search?q=mug%20zqxjvbnmwplkrtgh&colour=blue): the link dropped
// colour=blue and every other filter without a word, so the shopper lost them unawares. Keeping
// them would only show the card again (the card comes only when no word of the query finds
// anything under the filters: partial matching tried each), so the link now says it drops them:
// "Try “mug” without filters" (decision 0184). With no filters on it is plain "Try “mug”".
import { beforeAll, expect, test } from 'bun:test';
import { createProduct, createSeller, createUser, signedInPage, token, untilIndexed, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
let word = '';

// Two mugs, neither of them blue.
beforeAll(async () => {
  word = token();
  const seller = await createSeller();
  await createProduct(seller, { title: `Speckled ${word} mug`, priceCents: 3000 });
  await createProduct(seller, { title: `Glazed ${word} mug`, priceCents: 2000 });
});

for (const project of projectNames) {
  test(`${project}: with a colour filter on, the link reads "Try “<first word>” without filters"`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await untilIndexed(page, `/search?q=${word}`, 2);
    await page.goto(`/search?q=${word}%20zqxjvbnmwplkrtgh&colour=blue`);
    await page.getByRole('heading', { name: 'No exact matches' }).waitFor();
    const tryWord = page.getByRole('link', { name: `Try “${word}” without filters`, exact: true });
    await tryWord.focus();
    await screenshot(page, `try-word-filters-card-${project}`);
    if (project === 'phone')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.keyboard.press('Enter');

    // What the link said: the word alone, no filter left, and both mugs.
    await page.waitForURL((url) => url.searchParams.get('q') === word && !url.searchParams.has('colour'));
    await page
      .locator('.result-count')
      .filter({ hasText: /^2 results$/ })
      .waitFor();
    expect(await page.getByRole('button', { name: /^Remove filter/ }).count()).toBe(0);
    await waitForFocus(page.getByRole('heading', { name: `Results for “${word}”` }));
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: with no filter on, the link is plain "Try “<first word>”"`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    // No word of it finds anything, so the card comes without a filter.
    const other = token();
    await page.goto(`/search?q=${other}%20zqxjvbnmwplkrtgh`);
    await page.getByRole('heading', { name: 'No exact matches' }).waitFor();
    await page.getByRole('link', { name: `Try “${other}”`, exact: true }).waitFor();
    expect(await page.getByRole('link', { name: /without filters/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
}
