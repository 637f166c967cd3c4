// Found by a walk at 1366×900 and 390×844, keyboard only: a Tab that reached a toast (sonner makes a
// toast focusable; then, after "Save variations" in the Edit listing dialog, whose toast was its last
// stop) showed nothing where focus was: sonner draws a faint 2 px grey shadow and no outline. The
// toast and its close button now show the app's ring. (The editor now answers beside its button,
// decision 0201, so the toast here is Save listing's on the page, reached with sonner's Alt+T.)
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { glazedJug, signedInPage, tabTo, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** The focused element's ring: inside a toast or not, and its outline as drawn. */
function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return {
      inToast: el.closest('[data-sonner-toast]') !== null,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      colour: style.outlineColor,
    };
  });
}

for (const project of projectNames)
  test(`${project}: Tab reaches a toast, and its focus shows`, async () => {
    const { seller, jug } = await glazedJug();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/listings?edit=${jug.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    await tabTo(page, dialog.getByLabel('Quantity of Celadon'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4');
    // Save listing saves the table too and closes the dialog; its toast shows on the page (the
    // editor's own saves answer beside its button, decision 0201).
    await tabTo(page, dialog.getByRole('button', { name: 'Save listing' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const toast = page.locator('[data-sonner-toast]', { hasText: 'Variations saved' });
    await toast.waitFor();
    // Sonner's own keys to reach its toasts from anywhere.
    await page.keyboard.press('Alt+KeyT');
    await waitForFocus(page.locator('[data-sonner-toaster]').first());

    // The toast, then its close button: each with the app's 3 px ring, as every other control.
    await page.keyboard.press('Tab');
    const onToast = await focusRing(page);
    // Its entrance (sonner fades it in) over before the picture.
    await waitUntil(async () => (await toast.evaluate((el) => getComputedStyle(el).opacity)) === '1', {
      what: 'the toast to finish fading in',
    });
    await screenshot(page, `toast-focus-ring-${project}`);
    expect(onToast).toMatchObject({ inToast: true, outline: 'solid 3px' });
    expect(onToast.colour).not.toBe('rgba(0, 0, 0, 0)');
    await page.keyboard.press('Tab');
    await waitForFocus(toast.getByRole('button', { name: 'Close toast' }));
    expect(await focusRing(page)).toMatchObject({ inToast: true, outline: 'solid 3px', colour: onToast.colour });
    expect(errors).toEqual([]);
    await context.close();
  });
