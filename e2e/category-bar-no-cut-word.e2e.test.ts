// Found by a walk at 1366×900 and 390×844 (a mouse at both sizes), keyboard only: after tabbing
// through the category bar it stayed half-scrolled with a cut word beside its ‹ arrow ("ories" on
// the phone, a stray "c" before "Pottery" on the laptop). Now a link only partly clear of an edge
// with an arrow is not drawn: every link drawn lies wholly clear of the arrow and its faded edge.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { newPage, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** The links drawn (not transparent) that reach into an edge's faded zone or under its arrow. */
const cutLinks = (page: Page) =>
  page.locator('.category-bar-wrap').evaluate((wrap) => {
    const bar = wrap.querySelector('nav') as HTMLElement;
    const b = bar.getBoundingClientRect();
    const start = wrap.querySelector('.category-bar-scroll-start')?.getBoundingClientRect();
    const end = wrap.querySelector('.category-bar-scroll-end')?.getBoundingClientRect();
    const cut: string[] = [];
    for (const link of bar.querySelectorAll('a')) {
      if (getComputedStyle(link).opacity === '0') continue;
      const l = link.getBoundingClientRect();
      if (l.right <= b.left || l.left >= b.right) continue; // scrolled wholly out of the bar
      const underStart = start && (l.left < b.left + 72 || l.left < start.right);
      const underEnd = end && (l.right > b.right - 72 || l.right > end.left);
      if (underStart || underEnd) cut.push(link.textContent ?? '');
    }
    return cut;
  });

for (const [name, viewport] of [
  ['laptop', { width: 1366, height: 900 }],
  ['phone-size window', { width: 390, height: 844 }],
] as const) {
  test(`${name}: tabbing through the category bar never leaves a cut word beside an arrow`, async () => {
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, { viewport });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/');
    const links = page.getByRole('navigation', { name: 'Categories' }).getByRole('link');
    await links.last().waitFor({ state: 'attached' });
    await page.locator('.category-bar-scroll-end').waitFor();
    await links.first().focus();
    const n = await links.count();
    for (let i = 1; i < n; i++) {
      await page.keyboard.press('Tab');
      // The link Tab reached is drawn in full, and nothing drawn is cut beside an arrow.
      const reached = links.nth(i);
      await waitUntil(
        async () =>
          (await reached.evaluate((el) => el === document.activeElement && getComputedStyle(el).opacity === '1')) &&
          (await cutLinks(page)).length === 0,
        { what: `link ${i + 1} drawn and no cut word beside an arrow` },
      );
    }
    // At the end: the ‹ arrow shows, with nothing cut beside it.
    await page.locator('.category-bar-scroll-start').waitFor();
    expect(await cutLinks(page)).toEqual([]);
    await screenshot(page, `category-bar-no-cut-word-${viewport.width}`);
    expect(errors).toEqual([]);
    await context.close();
  });
}
