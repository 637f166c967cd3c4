// Checkout's shipping step after a submit with nothing filled in: every field says what it needs.
// Filling the form and choosing France (no state or region needed there) must take away
// "State / region is required" at once, not leave it red until Continue proves it wrong; a field
// the shopper fills loses its error too. At laptop and phone size.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, createUser, signedInPage, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: a country that needs no region takes the region's error away`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Pot ${token()}`, quantity: 3 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: product.id, quantity: 1 });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto('/checkout');
    await page.getByRole('heading', { name: 'Checkout · Shipping' }).waitFor();
    const form = page.getByRole('form', { name: 'Shipping address' });
    await form.getByRole('button', { name: 'Continue to payment' }).focus();
    await page.keyboard.press('Enter');
    await form.getByText('State / region is required.').waitFor();
    await waitForFocus(form.getByLabel('Full name'));

    await page.keyboard.type('Ada Lovelace');
    await form.getByLabel('Address line 1').fill('12 Rue de la Paix');
    await form.getByLabel('City').fill('Paris');
    await form.getByLabel('Postal code').fill('75002');
    await form.getByLabel('Country').selectOption('FR');
    await form.getByText('State / region is required.').waitFor({ state: 'detached' });
    expect(await form.locator('[aria-invalid="true"]').count()).toBe(0);
    expect(await form.getByText(/is required/).count()).toBe(0);
    await screenshot(page, `region-error-gone-${project}`);

    await form.getByRole('button', { name: 'Continue to payment' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Checkout · Payment' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
}
