// Found by walks at 1366×900 and 390×844, keyboard only, in the Edit listing dialog of a Size ×
// Colour tee. (1) After 'Save variations', the green 'Variations saved' toast sat over the dialog's
// fields for its 4.5 s: over S / Blue's Price and Quantity (390), over Property 1's Values (1366),
// and over Title with the dialog scrolled to its top (390). The editor now says what a save came to
// beside its button, in a polite live region, and raises no toast (decision 0201). (2) Pressing
// 'Remove Colour' at once left the old word in place while the table showed merged rows that were
// not saved; the status now goes as soon as the table differs from what was saved.
import { expect, test } from 'bun:test';
import type { Locator } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { colouredTee, signedInPage, tabTo, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** The dialog's fields on screen that something else is drawn over (at their centre), by label. */
function coveredFields(dialog: Locator): Promise<string[]> {
  return dialog.evaluate((el) =>
    [...el.querySelectorAll<HTMLElement>('input, select, textarea')].flatMap((field) => {
      const r = field.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      if (r.width === 0 || y < 0 || y > window.innerHeight || x < 0 || x > window.innerWidth) return [];
      const hit = document.elementFromPoint(x, y);
      if (hit && (field === hit || field.contains(hit) || hit.closest('label')?.contains(field))) return [];
      const name = field.getAttribute('aria-label') ?? field.closest('.field')?.querySelector('label')?.textContent;
      return [`${name ?? field.tagName} (under ${hit?.closest('[data-sonner-toast]') ? 'a toast' : hit?.tagName})`];
    }),
  );
}

for (const project of projectNames)
  test(`${project}: 'Save variations' says 'Variations saved.' beside itself, over no field, until the table changes`, async () => {
    const { seller, tee } = await colouredTee();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/listings?edit=${tee.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const quantity = dialog.getByLabel('Quantity of S / Red');
    await tabTo(page, quantity);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('7');
    const save = dialog.getByRole('button', { name: 'Save variations' });
    await tabTo(page, save);
    await page.keyboard.press('Enter');
    const status = dialog.getByRole('status').filter({ hasText: 'Variations saved.' });
    await status.waitFor();
    await waitForFocus(save);
    await waitUntil(
      async () =>
        (await seller.caller.catalog.variations({ productId: tee.id })).combinations.some(
          (c) => c.values.join() === 'S,Red' && c.quantity === 7,
        ),
      { what: 'the quantity saved' },
    );
    // Beside the button: on its row (laptop) or right above it (phone), never over a field.
    const [said, button] = [await status.boundingBox(), await save.boundingBox()];
    expect(said && button).toBeTruthy();
    if (said && button) expect(Math.abs(said.y + said.height - (button.y + button.height))).toBeLessThan(80);
    expect(await page.locator('[data-sonner-toast]:not([data-removed="true"])').count()).toBe(0);
    expect(await coveredFields(dialog)).toEqual([]);
    await screenshot(page, `variation-saved-status-${project}`);
    // The dialog scrolled to its top: Title and the first fields are clear too.
    await dialog.evaluate((el) => el.scrollTo(0, 0));
    await waitUntil(async () => (await dialog.evaluate((el) => el.scrollTop)) === 0, { what: 'the dialog at its top' });
    expect(await coveredFields(dialog)).toEqual([]);
    await screenshot(page, `variation-saved-status-top-${project}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await tabTo(page, dialog.getByRole('button', { name: 'Remove Colour' }));
    await page.keyboard.press('Enter');
    await dialog.getByText('Was Red: 1 at $20.00, Blue: 4 at $22.00').waitFor();
    // The table now shows unsaved rows: nothing may still say they are saved.
    await waitUntil(async () => (await status.count()) === 0, { what: "'Variations saved.' gone" });
    expect(await dialog.getByText('Variations saved').count()).toBe(0);
    expect((await seller.caller.catalog.variations({ productId: tee.id })).properties).toHaveLength(2);
    expect(errors).toEqual([]);
    await context.close();
  });

// (3) Walk 39: a refusal outlived its cause. With S / Red's Price cleared, 'Save variations' and
// 'Save listing' both said 'Please fix the marked combinations.'; typing the same price back (the
// table now as saved) left both lines up, as the status only went when the table differed from what
// was saved. A refusal now goes as soon as the table is edited after it.
for (const project of projectNames)
  test(`${project}: 'Please fix the marked combinations.' goes once the marked price is typed back`, async () => {
    const { seller, tee } = await colouredTee();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/listings?edit=${tee.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const price = dialog.getByLabel('Price of S / Red');
    await tabTo(page, price);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    const saveTable = dialog.getByRole('button', { name: 'Save variations' });
    await tabTo(page, saveTable);
    await page.keyboard.press('Enter');
    const tableStatus = dialog.locator('.variations-status');
    await waitUntil(async () => (await tableStatus.textContent()) === 'Please fix the marked combinations.', {
      what: 'the refusal beside Save variations',
    });
    await waitForFocus(price);
    expect(await price.getAttribute('aria-invalid')).toBe('true');
    const saveListing = dialog.getByRole('button', { name: 'Save listing' });
    await price.focus();
    await page.keyboard.down('Shift');
    await tabTo(page, saveListing);
    await page.keyboard.up('Shift');
    await page.keyboard.press('Enter');
    const listingStatus = dialog.locator('.form-status');
    await waitUntil(async () => (await listingStatus.textContent()) === 'Please fix the marked combinations.', {
      what: 'the refusal above Save listing',
    });
    await screenshot(page, `variation-refusal-before-${project}`);

    // The same price typed back: the table is as saved, and nothing is marked any more.
    await tabTo(page, price);
    await page.keyboard.type('20.00');
    await waitUntil(async () => (await price.getAttribute('aria-invalid')) !== 'true', { what: 'the mark gone' });
    await waitUntil(async () => !(await tableStatus.textContent()) && !(await listingStatus.textContent()), {
      what: 'both refusals gone',
    });
    await screenshot(page, `variation-refusal-after-${project}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

// (4) Walk 39, as with Publish listing: at 390 px a failed 'Save variations' (offline) put its
// answer above the button, which pushed the still-focused button below the dialog's bottom edge.
for (const project of projectNames)
  test(`${project}: a failed 'Save variations' keeps the focused button in view with its ring`, async () => {
    const { seller, tee } = await colouredTee();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/listings?edit=${tee.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    await tabTo(page, dialog.getByLabel('Quantity of M / Blue'));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('9');
    const save = dialog.getByRole('button', { name: 'Save variations' });
    await tabTo(page, save);
    await context.setOffline(true);
    await page.keyboard.press('Enter');
    await dialog.locator('.variations-status').filter({ hasText: 'You appear to be offline.' }).waitFor();
    await waitForFocus(save);
    // Its ring (3 px outline, 2 px offset) wholly inside the dialog's shown box.
    const cut = () =>
      save.evaluate((el) => {
        const b = el.getBoundingClientRect();
        const v = (el.closest('dialog') as Element).getBoundingClientRect();
        return Math.max(0, v.top - (b.top - 5)) + Math.max(0, b.bottom + 5 - v.bottom);
      });
    await waitUntil(async () => (await cut()) === 0, { what: 'Save variations wholly in view' });
    await screenshot(page, `variation-failed-save-in-view-${project}`);
    await context.setOffline(false);
    expect(errors).toEqual([]);
    await context.close();
  });
