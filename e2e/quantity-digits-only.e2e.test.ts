// Found by a walk of the seller's variations editor: typing "12abc" in a combination's Quantity
// showed "12abc" in the box until Save refused it. A stock field is a whole number of units, so
// every one in the dashboard keeps only the digits typed or pasted and says why the rest did not
// land: a combination's Quantity, "Quantity for all", the listing's own "Quantity in stock" and the
// Listings table's stock cell. Keyboard only, desktop and phone.
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { colouredTee, createProduct, createSeller, signedInPage, tabTo, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
const DIGITS_ONLY = 'Use digits only, like 12.';

/** Types `text` at the end of the field (reached by Tab) over what it held, as a seller would. */
async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** The field's own message, read through its aria-describedby. */
const description = (field: Locator) =>
  field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' | '),
  );

for (const project of projectNames) {
  test(`${project}: the variations editor's quantities keep digits only and say so`, async () => {
    const { seller, tee } = await colouredTee();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/listings?edit=${tee.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const quantity = dialog.getByLabel('Quantity of S / Red');
    await quantity.waitFor();

    await typeInto(page, quantity, '12abc');
    expect(await quantity.inputValue()).toBe('12');
    expect(await quantity.getAttribute('inputmode')).toBe('numeric');
    await dialog.getByText(DIGITS_ONLY).waitFor();
    expect(await description(quantity)).toBe(DIGITS_ONLY);
    await screenshot(page, `quantity-digits-only-${project}`);
    // A digit typed next takes the message away.
    await page.keyboard.type('3');
    expect(await quantity.inputValue()).toBe('123');
    await dialog.getByText(DIGITS_ONLY).waitFor({ state: 'detached' });

    const all = dialog.getByLabel('Quantity for all');
    await typeInto(page, all, '45kg');
    expect(await all.inputValue()).toBe('45');
    expect(await description(all)).toBe(DIGITS_ONLY);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: a listing's own stock, in its form and in the Listings table, keeps digits only`, async () => {
    const seller = await createSeller();
    const listing = await createProduct(seller, { title: `Stoneware ${token()} bowl`, quantity: 3 });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    const cell = page.getByLabel(`Stock for ${listing.title}`);
    await typeInto(page, cell, '7x');
    expect(await cell.inputValue()).toBe('7');
    await page.getByText(DIGITS_ONLY).first().waitFor();

    await page.goto(`/dashboard/listings?edit=${listing.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const quantity = dialog.getByLabel('Quantity in stock');
    await typeInto(page, quantity, '12abc');
    expect(await quantity.inputValue()).toBe('12');
    await dialog.getByText(DIGITS_ONLY).waitFor();
    await screenshot(page, `listing-quantity-digits-only-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  });
}
