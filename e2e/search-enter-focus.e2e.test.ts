// Found by a walk at 1366×900 and 390×844, keyboard only: Enter in the header's search box opened
// the results, but the box blurs as it leaves and focus fell to <body>, so the next Tab started
// again at "Skip to content". Focus now lands on the results heading (from the home page, and for a
// second search from the results page), and the next Tab goes on from there into the results.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { createUser, signedInPage, tabTo, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? 'none');

for (const project of projectNames) {
  test(`${project}: Enter in the header search box puts focus on the results heading, not on <body>`, async () => {
    const [first, second] = [token(), token()];
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await b.page.goto('/');
    const box = b.page.getByRole('combobox', { name: 'Search for anything' });
    await tabTo(b.page, box);
    await b.page.keyboard.type(first);
    await b.page.keyboard.press('Enter');
    await b.page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === first);
    const heading = b.page.getByRole('heading', { level: 1, name: `Results for “${first}”` });
    await waitForFocus(heading);
    await screenshot(b.page, `search-enter-focus-${project}`);

    // The next Tab goes on in the results, not back at the top of the page.
    await b.page.keyboard.press('Tab');
    const after = await b.page.evaluate(() => ({
      inMain: !!document.getElementById('main')?.contains(document.activeElement),
      text: document.activeElement?.textContent ?? '',
    }));
    expect(after.text).not.toBe('Skip to content');
    expect(after.inMain).toBe(true);

    // A second search from the results page lands on its own heading too.
    await tabTo(b.page, box);
    await b.page.keyboard.press('ControlOrMeta+a');
    await b.page.keyboard.type(second);
    await b.page.keyboard.press('Enter');
    await b.page.waitForURL((url) => url.searchParams.get('q') === second);
    await waitForFocus(b.page.getByRole('heading', { level: 1, name: `Results for “${second}”` }));
    expect(await focusedTag(b.page)).toBe('H1');
    const { scroll, width } = await b.page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(width);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  // Flaky under load (about 1 run in 10 beside other browser tests): the address changes before
  // React draws the results, and any other change to the page in between (on a busy machine there
  // is time for one) passed for the results' arrival, so <main>, still showing the home page, took
  // focus instead of the heading. Here a change to the page comes right after every change of address.
  test(`${project}: a change elsewhere in the page before the results are drawn does not take the heading's place`, async () => {
    const word = token();
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await b.page.addInitScript(() => {
      const push = history.pushState.bind(history);
      history.pushState = (...args) => {
        push(...args);
        document.body.append(Object.assign(document.createElement('div'), { hidden: true }));
      };
    });
    await b.page.goto('/');
    const box = b.page.getByRole('combobox', { name: 'Search for anything' });
    await tabTo(b.page, box);
    await b.page.keyboard.type(word);
    await b.page.keyboard.press('Enter');
    await b.page.waitForURL((url) => url.searchParams.get('q') === word);
    await waitForFocus(b.page.getByRole('heading', { level: 1, name: `Results for “${word}”` }));
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
}
