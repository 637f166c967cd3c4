// Search with a filter on and a very long query that finds nothing (found by a walk at 1366x900):
// the "Search “<query>” without filters" button did not wrap, so it ran past the "No exact matches"
// card and the page scrolled sideways. It now wraps inside the card at both sizes, stays a working
// link, and nothing pans: document scrollWidth <= the window's width.
import { expect, test } from 'bun:test';
import { createUser, signedInPage } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
// Many words that match nothing (real words would find other tests' listings), and one long
// unbroken word: both must wrap.
const queries = {
  words: Array.from({ length: 14 }, (_, i) => `qzv${'x'.repeat(i % 4)}wq${i}`).join(' '),
  unbroken: 'z'.repeat(160),
};

for (const project of projectNames)
  for (const [kind, q] of Object.entries(queries))
    test(`${project}: "Search without filters" for a long query (${kind}) wraps inside its card`, async () => {
      const b = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
      await b.page.goto(`/search?q=${encodeURIComponent(q)}&min=5`);
      const card = b.page.locator('.empty').filter({ has: b.page.getByRole('heading', { name: 'No exact matches' }) });
      const unfiltered = card.getByRole('link', { name: `Search “${q}” without filters` });
      await unfiltered.waitFor();
      await unfiltered.scrollIntoViewIfNeeded();
      await screenshot(b.page, `search-unfiltered-${kind}-${project}`);
      const width = project === 'phone' ? 390 : 1366;
      expect(await b.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const [cardBox, linkBox] = await Promise.all([card.boundingBox(), unfiltered.boundingBox()]);
      if (!cardBox || !linkBox) throw new Error('card or link not laid out');
      expect(linkBox.x).toBeGreaterThanOrEqual(cardBox.x);
      expect(linkBox.x + linkBox.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
      // Its whole text is drawn inside it (nothing clipped or spilling out).
      expect(await unfiltered.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await unfiltered.click();
      await b.page.waitForURL((url) => url.searchParams.get('q') === q && !url.searchParams.has('min'));
      expect(b.errors).toEqual([]);
      await b.context.close();
    });
