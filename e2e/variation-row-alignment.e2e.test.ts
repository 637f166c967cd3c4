// Found by a walk at 1366×900, keyboard only: after "Remove Colour" and "Save variations" on a
// listing whose colours had different prices, the M row's Price field held a five-line message in
// its narrow column and moved to the top of its cell, while Quantity, SKU and On sale stayed
// vertically centred about 50 px lower. A row's fields now line up at its top, message or not.
import { expect, test } from 'bun:test';
import type { Locator } from 'playwright';
import { colouredTee, signedInPage, tabTo, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

const box = async (field: Locator) => {
  const b = await field.boundingBox();
  if (!b) throw new Error(`${field} is not shown`);
  return { top: Math.round(b.y), middle: Math.round(b.y + b.height / 2) };
};

for (const project of projectNames)
  test(`${project}: a combination's fields line up when one of them shows a message`, async () => {
    const { seller, tee } = await colouredTee();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/listings?edit=${tee.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    await tabTo(page, dialog.getByRole('button', { name: 'Remove Colour' }));
    await page.keyboard.press('Enter');
    await tabTo(page, dialog.getByRole('button', { name: 'Save variations' }));
    await page.keyboard.press('Enter');
    const price = dialog.getByLabel('Price of M', { exact: true });
    await waitForFocus(price);
    await dialog.getByText('The merged combinations had different prices: enter one.', { exact: true }).waitFor();

    const quantity = await box(dialog.getByLabel('Quantity of M', { exact: true }));
    const sku = await box(dialog.getByLabel('SKU of M', { exact: true }));
    const onSale = await box(dialog.getByLabel('M on sale', { exact: true }));
    // Price and Quantity start on one line (a phone's card puts SKU and On sale below them); on a
    // laptop's row SKU does too, and the checkbox sits level with the fields.
    expect((await box(price)).top).toBe(quantity.top);
    if (project === 'desktop') {
      expect(sku.top).toBe(quantity.top);
      expect(Math.abs(onSale.middle - quantity.middle)).toBeLessThanOrEqual(1);
    }
    await screenshot(page, `variation-row-alignment-${project}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
