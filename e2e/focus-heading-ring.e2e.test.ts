// Found by a walk at 1366×900 and 390×844, keyboard only: after Enter on the last filter chip or
// on a link of the "No exact matches" card, focus moved to the results heading ("Results for “…”")
// but the heading showed no ring, so the shopper could not see where focus was. Headings that code
// focuses now show the app's focus ring when the shopper is on the keyboard (none after a click).
import { beforeAll, expect, test } from 'bun:test';
import type { Locator } from 'playwright';
import { createUser, signedInPage, twoMugs, untilIndexed, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
let word = '';

beforeAll(async () => {
  word = await twoMugs();
});

/** The outline the element draws now (what a shopper sees as a focus ring). */
const outline = (el: Locator) =>
  el.evaluate((node) => {
    const style = getComputedStyle(node);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth), color: style.outlineColor };
  });

for (const project of projectNames) {
  test(`${project}: the results heading shows a focus ring after a chip is removed by keyboard`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await untilIndexed(page, `/search?q=${word}`, 2);
    await page.goto(`/search?q=${word}&colour=blue`);
    await page.getByRole('button', { name: 'Remove filter: Blue' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.searchParams.has('colour'));
    const heading = page.getByRole('heading', { name: `Results for “${word}”` });
    await waitForFocus(heading);
    const ring = await outline(heading);
    await screenshot(page, `focus-heading-ring-${project}`);
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    // The same ring as the next control the keyboard reaches.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineColor);
    expect(ring.color).toBe(next);
    expect(errors).toEqual([]);
    await context.close();
  });
}
