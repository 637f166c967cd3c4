// Found by a walk at 1366×900 and 390×844, keyboard only: "Edit stock" in the seller's Listings
// (a listing with variations) opened the editor with focus on Title, far from the stock the seller
// came to change (on a phone, a screen or more above the combination table). It now opens with
// focus on the first combination's quantity; "Edit" still starts on Title.
import { expect, test } from 'bun:test';
import { glazedJug, signedInPage, tabTo, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames)
  test(`${project}: Edit stock opens the editor on the first combination's quantity`, async () => {
    const { seller, jug } = await glazedJug();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    const row = page.locator('tr', { hasText: jug.title });
    await tabTo(page, row.getByRole('button', { name: `Edit stock of ${jug.title}` }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const quantity = dialog.getByLabel('Quantity of Celadon');
    await waitForFocus(quantity);
    // Typing goes into the stock, and the field is on screen.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('6');
    expect(await quantity.inputValue()).toBe('6');
    expect(await quantity.isVisible()).toBe(true);
    const box = await quantity.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
    await screenshot(page, `edit-stock-focus-${project}`);

    // Saving and closing: the row's Edit opens on Title as before.
    await dialog.getByRole('button', { name: 'Save listing' }).click();
    await dialog.waitFor({ state: 'detached' });
    await tabTo(page, row.getByRole('button', { name: `Edit ${jug.title}`, exact: true }));
    await page.keyboard.press('Enter');
    await waitForFocus(page.getByRole('dialog', { name: 'Edit listing' }).getByLabel('Title'));
    expect(errors).toEqual([]);
    await context.close();
  });

// Found by a walk: the second time the editor opened from "Edit stock" (after Escape, or after
// "Edit"), the combination table was already loaded and focus stayed on Title, so a number typed
// for the stock went into the title.
for (const project of projectNames)
  test(`${project}: Edit stock lands on the quantity every time it opens`, async () => {
    const { seller, jug } = await glazedJug();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    const row = page.locator('tr', { hasText: jug.title });
    const editStock = row.getByRole('button', { name: `Edit stock of ${jug.title}` });
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const quantity = dialog.getByLabel('Quantity of Celadon');
    const openStock = async () => {
      await tabTo(page, editStock);
      await page.keyboard.press('Enter');
      await waitForFocus(quantity);
    };
    const close = async () => {
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    };

    await openStock();
    await close();
    // Again, with the table already loaded: still the quantity, and typing goes there, not into Title.
    await openStock();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4');
    expect(await quantity.inputValue()).toBe('4');
    expect(await dialog.getByLabel('Title').inputValue()).toBe(jug.title);
    await screenshot(page, `edit-stock-again-${project}`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await close();

    // "Edit" starts on Title; "Edit stock" after it still starts on the quantity.
    await tabTo(page, row.getByRole('button', { name: `Edit ${jug.title}`, exact: true }));
    await page.keyboard.press('Enter');
    await waitForFocus(dialog.getByLabel('Title'));
    await close();
    await openStock();
    expect(errors).toEqual([]);
    await context.close();
  });
