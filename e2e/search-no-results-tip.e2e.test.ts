// The advice under "No exact matches" (found by a walk on /search?q=mug&colour=blue): it said "Try
// fewer words, a more general term like “mug” or “necklace”, or remove some filters." to a
// shopper who had searched the one word "mug" with a colour. It now fits the search: one word
// with filters is told to remove filters, and a general term offered is never the word searched.
import { expect, test } from 'bun:test';
import { createUser, signedInPage, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: the no-results tip fits the words and filters searched`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    const empty = page.getByRole('heading', { name: 'No exact matches' });
    const tip = (text: string) => page.getByText(text, { exact: true });

    // One word and a colour no listing has: remove filters; "mug" is not offered for "mug".
    await page.goto(`/search?q=mug&colour=${token()}`);
    await empty.waitFor();
    await tip('Try removing some filters.').waitFor();
    expect(await page.getByText(/general term like “mug”/).count()).toBe(0);
    await screenshot(page, `search-no-results-tip-${project}`);
    if (project === 'phone')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Two words with the colour: fewer words, or fewer filters.
    await page.goto(`/search?q=speckled%20mug&colour=${token()}`);
    await tip('Try fewer words, or remove some filters.').waitFor();

    // One word and no filters: check the spelling, or a general term.
    await page.goto(`/search?q=${token()}`);
    await empty.waitFor();
    await tip('Check the spelling, or try a more general term like “mug” or “necklace”.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
}
