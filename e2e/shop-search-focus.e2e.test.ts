// Found by a walk at 1366×900 and 390×844, keyboard only: on a shop's page, Enter in the shop's own
// "Search <shop>" box loaded the results, but the box was rebuilt for the new query and focus fell
// to <body>, so the next Tab started again at the top. Focus now lands on the shop's results
// heading (as the header search does), and the next Tab goes on from there in the page.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, createUser, signedInPage, tabTo, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: Enter in a shop's own search box puts focus on its results heading, not on <body>`, async () => {
    const word = token();
    const seller = await createSeller();
    await createProduct(seller, { title: `Cabled ${word} jumper`, quantity: 3 });
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await b.page.goto(`/shop/${seller.shop.slug}`);
    const box = b.page.getByRole('searchbox', { name: `Search ${seller.shop.name}` });
    await tabTo(b.page, box);
    await b.page.keyboard.type(word);
    await b.page.keyboard.press('Enter');
    await b.page.waitForURL((url) => url.searchParams.get('q') === word);
    const heading = b.page.getByRole('heading', { level: 2, name: `Results for “${word}”` });
    await waitForFocus(heading);
    await screenshot(b.page, `shop-search-focus-${project}`);

    // The next Tab goes on in the page, not back at "Skip to content".
    await b.page.keyboard.press('Tab');
    const after = await b.page.evaluate(() => ({
      inMain: !!document.getElementById('main')?.contains(document.activeElement),
      text: document.activeElement?.textContent ?? '',
    }));
    expect(after.text).not.toBe('Skip to content');
    expect(after.inMain).toBe(true);

    // Back in the box, a second search (nothing matches) lands on its heading too.
    const other = token();
    await tabTo(b.page, box);
    await b.page.keyboard.press('ControlOrMeta+a');
    await b.page.keyboard.type(other);
    await b.page.keyboard.press('Enter');
    await waitForFocus(b.page.getByRole('heading', { level: 2, name: `Results for “${other}”` }));
    await b.page.getByRole('heading', { name: `Nothing in ${seller.shop.name} matches “${other}”` }).waitFor();
    expect(await b.page.evaluate(() => document.activeElement?.id)).toBe('listings-title');
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
}
