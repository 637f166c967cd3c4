// Found by a walk at 1366×900 and 390×844, keyboard only: on the home page after "Skip to content"
// (the address is then /#main), Sign out from the Account menu left focus on <body>, so the next
// Tab started again at "Skip to content"; signing out from any other page put it on the home
// page's heading. Going to / from /#main is only a change of hash, which the arrival focus left to
// the page; Sign out now asks for a new page's arrival (arriveAsNewPage).
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { createUser, signedInPage, tabTo, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** Presses Shift+Tab until `target` has focus (the header is before the page's content). */
async function shiftTabTo(page: Page, target: Locator, maxPresses = 30) {
  for (let presses = 0; presses < maxPresses; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Shift+Tab');
  }
  throw new Error(`Shift+Tab never reached ${target}`);
}

for (const project of projectNames) {
  for (const skipFirst of [true, false]) {
    test(`${project}: Sign out on the home page${skipFirst ? ' after Skip to content' : ''} puts focus on its heading`, async () => {
      const user = await createUser();
      const { page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, user, project);
      await page.goto('/');
      const heading = page.getByRole('heading', { level: 1, name: /Things with a story/ });
      await heading.waitFor();
      const menu = page.getByRole('button', { name: 'Account menu' });
      if (skipFirst) {
        await tabTo(page, page.getByRole('link', { name: 'Skip to content' }));
        await page.keyboard.press('Enter');
        await page.waitForURL((u) => u.hash === '#main');
        await shiftTabTo(page, menu);
      } else {
        await tabTo(page, menu);
      }
      await page.keyboard.press('Enter');
      await tabTo(page, page.getByRole('button', { name: 'Sign out' }), 20);
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name: 'Sign in' }).waitFor();
      await waitForFocus(heading);

      // The next Tab goes on inside the page, not back at "Skip to content".
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => ({
        text: document.activeElement?.textContent?.trim() ?? '',
        inMain: !!document.getElementById('main')?.contains(document.activeElement),
      }));
      expect(next.text).not.toBe('Skip to content');
      expect(next.inMain).toBe(true);
      await screenshot(page, `sign-out-home-focus-${project}${skipFirst ? '-skip' : ''}`);
      expect(errors).toEqual([]);
    });
  }
}
