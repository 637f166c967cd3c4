// Found by a walk at 1366×900 and 390×844, keyboard only: on a phone the header had a favourites
// heart while signed out and none once signed in (it was left to the account menu so the icons
// kept one row). Signed in, the heart is in the header at every width, a shopper reaches it with
// Tab, sees a focus ring on it and lands on Favourites; the row still fits the screen (nothing
// wraps, clipped or scrolled sideways), for a buyer and for a seller (whose dashboard icon waits
// in the account menu on phones), down to the 320 px phone (under 375 px the brand shows its mark alone).
import { expect, test } from 'bun:test';
import type { BrowserContextOptions } from 'playwright';
import { horizontalOverflow } from './axe';
import { createSeller, createUser, signedInPage, tabTo } from './fixtures';
import { type ProjectName, projectNames, projects, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

const sizes: [string, ProjectName | BrowserContextOptions][] = [
  ...projectNames.map((p): [string, ProjectName] => [p, p]),
  ['phone at 320 px', { ...projects.phone, viewport: { width: 320, height: 640 } }],
  ['phone at 361 px', { ...projects.phone, viewport: { width: 361, height: 740 } }],
  ['phone at 375 px', { ...projects.phone, viewport: { width: 375, height: 740 } }],
];

for (const [size, project] of sizes) {
  for (const who of ['buyer', 'seller'] as const) {
    test(`${size}, signed-in ${who}: the header's favourites heart is there, by keyboard, on one row`, async () => {
      const user = who === 'seller' ? await createSeller() : await createUser();
      const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, user, project);
      await page.goto('/');
      await page.getByRole('button', { name: 'Account menu' }).waitFor();
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const heart = page.locator('.site-header').getByRole('link', { name: 'Favourites', exact: true });
      await tabTo(page, heart);

      // A ring the shopper can see, and the whole heart (ring included) on the screen.
      const seen = await heart.evaluate((el) => {
        const style = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        const ring = Number.parseFloat(style.outlineWidth) + Number.parseFloat(style.outlineOffset);
        return {
          ring: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
          inside: r.left - ring >= 0 && r.right + ring <= document.documentElement.clientWidth,
        };
      });
      expect(seen).toEqual({ ring: true, inside: true });
      // The brand and every visible header icon share one row, and the page does not pan sideways.
      const wrapped = await page.evaluate(() => {
        const top = (el: Element) => Math.round(el.getBoundingClientRect().top);
        const brand = document.querySelector('.site-header .brand');
        return [...document.querySelectorAll('.header-actions > *')]
          .filter((el) => (el as HTMLElement).offsetParent !== null && brand)
          .filter((el) => Math.abs(top(el) - top(brand as Element)) > 24)
          .map((el) => el.getAttribute('aria-label') ?? el.className);
      });
      expect(wrapped).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, `header-favourites-${size.replaceAll(' ', '-')}-${who}`);

      await page.keyboard.press('Enter');
      await page.waitForURL('**/favorites');
      await page.getByRole('heading', { level: 1, name: 'Favourites' }).waitFor();
      expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
}
