// A reload of checkout's Shipping step keeps what the shopper had typed there but not yet sent with
// Continue: the fields, a guest's email and the "Save this address" tick (decision 0176, amended).
// Restored fields show no error until the shopper submits or types (decision 0177); a stored field
// that no longer checks is dropped; nothing is left once Continue has checked the address. Keyboard
// only where it types, at desktop and phone width.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { createProduct, createSeller, createUser, signedInPage, token, unique } from './fixtures';
import { newPage, type ProjectName, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
const TYPING_KEY = 'hearth:checkout-typing';

const form = (page: Page) => page.getByRole('form', { name: 'Shipping address' });

/** Errors the Shipping form shows (Field's messages and red fields). */
async function shownErrors(page: Page): Promise<string[]> {
  const messages = await form(page).locator('.error').allInnerTexts();
  const invalid = await form(page).locator('[aria-invalid="true"]').count();
  return invalid ? [...messages, `${invalid} fields marked invalid`] : messages;
}

async function typeInto(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(value);
}

async function reloadShipping(page: Page) {
  await page.reload();
  await page.getByRole('heading', { name: 'Checkout · Shipping' }).waitFor();
}

/** Tab from the first field to Continue, typing nothing: passing through never turns a field red. */
async function tabThrough(page: Page, first: string) {
  await page.getByLabel(first, { exact: true }).focus();
  for (let i = 0; i < 20; i++) {
    if (await page.getByRole('button', { name: 'Continue to payment' }).evaluate((b) => b === document.activeElement))
      return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached Continue to payment');
}

for (const project of projectNames as ProjectName[]) {
  test(`${project}: a guest who reloads the Shipping step keeps the email and fields they had typed`, async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { title: `Typed mug ${token()}`, priceCents: 2800 });
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    await page.goto(`/product/${mug.id}`);
    await page.getByRole('button', { name: 'Add to cart' }).press('Enter');
    await page.getByRole('link', { name: /View in cart/ }).waitFor();
    await page.goto('/checkout');
    await page.getByRole('heading', { name: 'Checkout · Shipping' }).waitFor();

    // Half an address: no city, region or postal code yet, and never sent with Continue.
    const email = `${unique('typed')}@example.com`;
    await typeInto(page, 'Email', email);
    await typeInto(page, 'Full name', 'Ada Lovelace');
    await typeInto(page, 'Address line 1', '12 Market St');
    await page.getByLabel('Country').selectOption('GB');
    await reloadShipping(page);

    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    expect(await page.getByLabel('Full name').inputValue()).toBe('Ada Lovelace');
    expect(await page.getByLabel('Address line 1').inputValue()).toBe('12 Market St');
    expect(await page.getByLabel('City').inputValue()).toBe('');
    expect(await page.getByLabel('Country').inputValue()).toBe('GB');
    // Restored is not typed: no red before the shopper submits, even after tabbing through it all.
    expect(await shownErrors(page)).toEqual([]);
    await tabThrough(page, 'Email');
    expect(await shownErrors(page)).toEqual([]);
    await screenshot(page, `checkout-typing-reloaded-guest-${project}`);

    // A stored field that no longer checks (a control character) is dropped; the rest stay.
    await page.evaluate((key) => {
      const stored = JSON.parse(sessionStorage.getItem(key) ?? '{}');
      stored.fields.line1 = '12 Market\u0000St';
      sessionStorage.setItem(key, JSON.stringify(stored));
    }, TYPING_KEY);
    await reloadShipping(page);
    expect(await page.getByLabel('Address line 1').inputValue()).toBe('');
    expect(await page.getByLabel('Full name').inputValue()).toBe('Ada Lovelace');
    expect(await page.getByLabel('Email').inputValue()).toBe(email);

    // Submitting still checks everything; finished and sent, the typing is no longer kept.
    await page.getByRole('button', { name: 'Continue to payment' }).press('Enter');
    await form(page).getByText('City is required.').waitFor();
    await typeInto(page, 'Address line 1', '12 Market St');
    await typeInto(page, 'City', 'London');
    await typeInto(page, 'Postal code', 'N1 9GU');
    await page.getByLabel('Postal code').press('Enter');
    await page.getByRole('heading', { name: 'Checkout · Payment' }).waitFor();
    expect(await page.evaluate((key) => sessionStorage.getItem(key), TYPING_KEY)).toBeNull();
    await context.close();
  }, 120_000);

  test(`${project}: a signed-in buyer who reloads the Shipping step keeps the fields and the Save tick`, async () => {
    const seller = await createSeller();
    const vase = await createProduct(seller, { title: `Typed vase ${token()}`, categorySlug: 'vases' });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: vase.id, quantity: 1 });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto('/checkout');
    await page.getByRole('heading', { name: 'Checkout · Shipping' }).waitFor();

    await typeInto(page, 'Full name', 'Grace Hopper');
    await typeInto(page, 'Address line 1', '1 Navy Way');
    await typeInto(page, 'City', 'Arlington');
    await typeInto(page, 'State / region', 'VA');
    const saveTick = page.getByLabel('Save this address to my address book');
    await saveTick.focus();
    await page.keyboard.press('Space');
    expect(await saveTick.isChecked()).toBe(true);
    await typeInto(page, 'Postal code', '2220');
    await reloadShipping(page);

    expect(await page.getByLabel('Full name').inputValue()).toBe('Grace Hopper');
    expect(await page.getByLabel('Address line 1').inputValue()).toBe('1 Navy Way');
    expect(await page.getByLabel('City').inputValue()).toBe('Arlington');
    expect(await page.getByLabel('State / region').inputValue()).toBe('VA');
    expect(await page.getByLabel('Postal code').inputValue()).toBe('2220');
    expect(await saveTick.isChecked()).toBe(true);
    expect(await shownErrors(page)).toEqual([]);
    await screenshot(page, `checkout-typing-reloaded-buyer-${project}`);

    // Finish the postal code and Continue: the restored tick saves the address to the book.
    await page.getByLabel('Postal code').focus();
    await page.keyboard.press('End');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Checkout · Payment' }).waitFor();
    await waitUntil(async () => (await buyer.caller.addresses.list()).some((a) => a.address.line1 === '1 Navy Way'), {
      what: 'the address in the address book',
    });
    expect(await page.evaluate((key) => sessionStorage.getItem(key), TYPING_KEY)).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
}
