// Toasts clear of the next control in the seller's Listings (found by a walk at 1366×900): after
// saving a listing's stock in its editor, the "Variations saved" toast at the bottom centre of a
// laptop's screen sat over the next row's "Edit stock" for its 4.5 s, so the seller's next press
// landed on the toast. On a laptop toasts now show at the bottom left, over the dashboard's empty
// nav column (decision 0186); on a phone they stay at the top under the header (decision 0183),
// clear of the row just edited. Keyboard only: Tab to the row's Edit stock, Enter, type, Save.
import { expect, test } from 'bun:test';
import type { Locator } from 'playwright';
import { createProduct, createSeller, signedInPage, tabTo, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** The control's centre is on screen and a press there reaches it (nothing is drawn over it). */
function pressable(control: Locator): Promise<{ onScreen: boolean; reached: boolean }> {
  return control.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = r.x + r.width / 2;
    const y = r.y + r.height / 2;
    const onScreen = y > 0 && y < window.innerHeight && x > 0 && x < window.innerWidth;
    const hit = document.elementFromPoint(x, y);
    return { onScreen, reached: hit !== null && el.contains(hit) };
  });
}

/** Scrolls the page so `control` sits `fromBottom` px above the bottom of the screen. */
async function placeNearBottom(control: Locator, fromBottom: number) {
  const bottom = await control.evaluate((el, gap) => {
    window.scrollBy(0, el.getBoundingClientRect().bottom - (window.innerHeight - gap));
    return window.innerHeight - el.getBoundingClientRect().bottom;
  }, fromBottom);
  expect(Math.round(bottom)).toBe(fromBottom);
}

for (const project of projectNames)
  test(`${project}: after saving a row's stock, the toast leaves the next row's Edit stock uncovered`, async () => {
    const seller = await createSeller();
    const word = token();
    for (let i = 1; i <= 10; i++) {
      const jug = await createProduct(seller, { title: `Stoneware ${word} jug ${i}`, priceCents: 4000, quantity: 3 });
      await seller.caller.catalog.setVariations({
        productId: jug.id,
        properties: [{ name: 'Glaze', values: ['Celadon', 'Tenmoku'] }],
        combinations: [
          { values: ['Celadon'], priceCents: 4000, quantity: 4 },
          { values: ['Tenmoku'], priceCents: 4000, quantity: 9 },
        ],
      });
    }
    const { page, context, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    // Newest first: jug 10, jug 9 … The seller edits jug 6; jug 5, the row below, is next.
    const editStock = (n: number) => page.getByRole('button', { name: `Edit stock of Stoneware ${word} jug ${n}` });
    const edited = editStock(6);
    const next = editStock(5);
    await tabTo(page, edited);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const quantity = dialog.getByLabel('Quantity of Celadon');
    await quantity.waitFor();
    await quantity.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('6');
    await dialog.getByRole('button', { name: 'Save listing' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const toast = page.locator('[data-sonner-toast]').first();
    await toast.waitFor();
    await waitForFocus(edited);
    // While the toast shows: the row just edited and the next one can be pressed.
    expect(await pressable(edited)).toEqual({ onScreen: true, reached: true });
    if (project === 'desktop') {
      // The seller moves on down the list: the next row low on the screen, where the toast went.
      await placeNearBottom(next, 40);
      expect(await pressable(next)).toEqual({ onScreen: true, reached: true });
    } else {
      // The next card is below the edited one; the toast sits under the sticky header (decision
      // 0183), over the card above.
      expect(await pressable(next)).toEqual({ onScreen: true, reached: true });
      const header = await page.locator('header').first().boundingBox();
      const box = await toast.boundingBox();
      expect(header && box && box.y >= header.y + header.height).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    expect(await toast.isVisible()).toBe(true);
    await screenshot(page, `toast-clear-of-next-row-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  });
