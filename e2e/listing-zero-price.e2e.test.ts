// A listing cannot be put on sale at $0.00 from the seller's dashboard: a price of 0 in the Edit
// listing form, in a combination's price cell, or in a new listing is refused with "Enter a price
// above $0.00" next to the field, focus on that field, and nothing sent or saved. Laptop and phone.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import {
  apronInTwoSizes,
  countCalls,
  createProduct,
  createSeller,
  signedInPage,
  token,
  waitForFocus,
} from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()?.width ?? 0,
  );
}

for (const project of projectNames) {
  test(`${project}: a price of 0 is refused at the field in Edit listing, a combination and New listing`, async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { title: `Ash ${token()} mug`, priceCents: 2400, quantity: 3 });
    const apron = await apronInTwoSizes(seller);
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const updates = countCalls(page, 'catalog.updateProduct');
    const tables = countCalls(page, 'catalog.setVariations');
    const creates = countCalls(page, 'catalog.createProduct');
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    await page.goto('/dashboard/listings');

    // The listing's own price.
    await page.getByRole('button', { name: `Edit ${mug.title}` }).focus();
    await page.keyboard.press('Enter');
    const price = dialog.getByLabel('Price ($)');
    await price.fill('0');
    await dialog.getByRole('button', { name: 'Save listing' }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByText('Enter a price above $0.00').waitFor();
    await waitForFocus(price);
    expect(await price.getAttribute('aria-invalid')).toBe('true');
    await noSidewaysScroll(page);
    await screenshot(page, `listing-zero-price-${project}`);
    expect(updates()).toBe(0);
    expect((await seller.caller.catalog.product({ productId: mug.id })).priceCents).toBe(2400);
    await page.keyboard.press('Escape');
    await page
      .getByRole('dialog', { name: 'Discard unsaved changes?' })
      .getByRole('button', { name: 'Discard changes' })
      .click();
    await dialog.waitFor({ state: 'hidden' });

    // A combination's price.
    await page.getByRole('button', { name: `Edit ${apron.title}` }).focus();
    await page.keyboard.press('Enter');
    const cell = dialog.getByLabel('Price of M');
    await cell.fill('0');
    await dialog.getByRole('button', { name: 'Save listing' }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByText('Enter a price above $0.00').waitFor();
    await waitForFocus(cell);
    expect(updates() + tables()).toBe(0);
    const saved = await seller.caller.catalog.variations({ productId: apron.id });
    expect(saved.combinations.map((c) => c.priceCents)).toEqual([4000, 4200]);
    await page.keyboard.press('Escape');
    await page
      .getByRole('dialog', { name: 'Discard unsaved changes?' })
      .getByRole('button', { name: 'Discard changes' })
      .click();
    await dialog.waitFor({ state: 'hidden' });

    // A new listing.
    await page.getByRole('button', { name: '+ New listing' }).click();
    const create = page.getByRole('dialog', { name: 'New listing' });
    await create.getByLabel('Title', { exact: true }).fill(`Oak ${token()} board`);
    await create.getByLabel('Description').fill('Oiled oak serving board.');
    await create.getByLabel('Category').selectOption('mugs');
    const newPrice = create.getByLabel('Price ($)');
    await newPrice.fill('0.00');
    await create.getByRole('button', { name: 'Publish listing' }).focus();
    await page.keyboard.press('Enter');
    await create.getByText('Enter a price above $0.00').waitFor();
    await waitForFocus(newPrice);
    expect(creates()).toBe(0);
    expect((await seller.caller.seller.listings({ shopId: seller.shopId, status: 'all' })).items).toHaveLength(2);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
}
