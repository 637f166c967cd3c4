// Found by a walk at 1366×900 and 390×844, keyboard only: after "Save variations" in the Edit
// listing dialog, the next Tab reached the "Variations saved" toast (sonner makes a toast
// focusable, and in a dialog it is the last stop) and nothing showed where focus was: sonner draws
// a faint 2 px grey shadow and no outline. The toast and its close button now show the app's ring.
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
  test(`${project}: Tab after Save variations reaches the toast, and its focus shows`, async () => {
    const { seller, jug } = await glazedJug();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/listings?edit=${jug.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    await tabTo(page, dialog.getByLabel('Quantity of Celadon'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4');
    const save = dialog.getByRole('button', { name: 'Save variations' });
    await tabTo(page, save);
    await page.keyboard.press('Enter');
    const toast = dialog.locator('[data-sonner-toast]', { hasText: 'Variations saved' });
    await toast.waitFor();
    await waitForFocus(save);

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
