// Found by a walk of the seller's dashboard at 1366 and 390 px: the Listings table's stock cell
// said "Stock must be a whole number from 0 to 10,000" with no full stop, and so did the Edit
// listing dialog ("Title needs at least 3 characters", "Enter a price above $0.00", "Use at most 13
// tags", "Enter a whole number from 0 to 10,000") and Shop settings ("Enter an amount like 50, or
// leave empty", "Enter a whole number of days from 0 to 60"). Every message a seller reads is a
// sentence that ends with a full stop. Keyboard only.
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { createProduct, createSeller, signedInPage, tabTo, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** Replaces what the field (reached by Tab) holds with `text`, as a seller would. */
async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  if (text) await page.keyboard.type(text);
  else await page.keyboard.press('Backspace');
}

/** Every field message shown inside `where`. */
const messagesIn = (where: Locator) => where.locator('[role="alert"]').allInnerTexts();

for (const project of projectNames)
  test(`${project}: the dashboard's field messages end with a full stop`, async () => {
    const seller = await createSeller();
    const listing = await createProduct(seller, { title: `Stoneware ${token()} bowl`, quantity: 3 });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);

    // The Listings table's stock cell.
    await page.goto('/dashboard/listings');
    const cell = page.getByLabel(`Stock for ${listing.title}`);
    await typeInto(page, cell, '20000');
    await page.keyboard.press('Enter');
    await page.getByText('Stock must be a whole number from 0 to 10,000.', { exact: true }).waitFor();
    await screenshot(page, `dashboard-error-full-stop-stock-${project}`);

    // The Edit listing dialog.
    await page.goto(`/dashboard/listings?edit=${listing.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    await typeInto(page, dialog.getByLabel('Title'), 'Bo');
    await typeInto(page, dialog.getByLabel('Price ($)'), '0');
    await typeInto(page, dialog.getByLabel('Quantity in stock'), '20000');
    await typeInto(page, dialog.getByLabel('Tags'), Array.from({ length: 14 }, (_, i) => `tag${i}`).join(', '));
    await tabTo(page, dialog.getByRole('button', { name: 'Save listing' }));
    await page.keyboard.press('Enter');
    for (const words of [
      'Title needs at least 3 characters.',
      'Enter a price above $0.00.',
      'Enter a whole number from 0 to 10,000.',
      'Use at most 13 tags.',
    ])
      await dialog.getByText(words, { exact: true }).waitFor();
    for (const message of await messagesIn(dialog)) expect(message.trim()).toMatch(/[.!?]$/);
    await screenshot(page, `dashboard-error-full-stop-listing-${project}`);
    await page.keyboard.press('Escape');

    // Shop settings.
    await page.goto('/dashboard/shop');
    const form = page.locator('form', { has: page.getByLabel('Processing days') });
    await typeInto(page, page.getByLabel('Free shipping over ($)'), 'soon');
    await typeInto(page, page.getByLabel('Processing days'), '99');
    await tabTo(page, page.getByRole('button', { name: 'Save changes' }));
    await page.keyboard.press('Enter');
    await form.getByText('Enter an amount like 50, or leave it empty.', { exact: true }).waitFor();
    await form.getByText('Enter a whole number of days from 0 to 60.', { exact: true }).waitFor();
    for (const message of await messagesIn(form)) expect(message.trim()).toMatch(/[.!?]$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, `dashboard-error-full-stop-shop-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  });
