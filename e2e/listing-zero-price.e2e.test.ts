// A listing cannot be put on sale at $0.00 from the seller's dashboard: a price of 0 in the Edit
// listing form, in a combination's price cell, or in a new listing is refused with "Enter a price
// above $0.00" next to the field, focus on that field, and nothing sent or saved. Laptop and phone.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { testDeps } from '../src/server/test/test-services';
import {
  apronInTwoSizes,
  colouredTee,
  countCalls,
  createProduct,
  createSeller,
  signedInPage,
  tabTo,
  token,
  waitForFocus,
} from './fixtures';
import { newPage, projectNames, screenshot, setupE2E } from './harness';

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

// A listing left at $0.00 from before prices were required (decision 0199): the migration took it
// off sale. A shopper sees no "$0.00" and nothing to buy; the seller sees a prompt for a price, and
// Restore refuses, in words, until the listing has one; then it goes back on sale at that price.
for (const project of projectNames) {
  test(`${project}: a $0.00 listing from before prices were required is not sold, and the seller is asked for a price`, async () => {
    const seller = await createSeller();
    const bowl = await createProduct(seller, { title: `Old ${token()} bowl`, priceCents: 2400, quantity: 3 });
    // What the migration leaves of such a row: archived, at 0.
    await testDeps()
      .db.updateTable('products')
      .set({ status: 'archived', price_cents: 0 })
      .where('id', '=', bowl.id)
      .execute();
    await testDeps()
      .db.updateTable('listing_variants')
      .set({ price_cents: 0 })
      .where('product_id', '=', bowl.id)
      .execute();

    // The shopper: no price, nothing to add.
    const shopper = await newPage(e2e.browser, e2e.app.baseUrl, project);
    await shopper.page.goto(`/product/${bowl.id}`);
    await shopper.page.getByText('This listing is no longer for sale.').waitFor();
    expect(await shopper.page.getByText('$0.00').count()).toBe(0);
    expect(await shopper.page.getByRole('button', { name: /add to cart/i }).count()).toBe(0);
    await noSidewaysScroll(shopper.page);
    await shopper.context.close();

    // The seller: the row asks for a price and Restore says why it cannot, keyboard only.
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings?status=archived');
    const row = page.locator(`[data-listing-row="${bowl.id}"]`);
    await row.getByText('No price. Set one in Edit to sell it.').waitFor();
    expect(await row.getByText('$0.00').count()).toBe(0);
    await noSidewaysScroll(page);
    await screenshot(page, `listing-zero-price-legacy-${project}`);
    await tabTo(page, page.getByRole('button', { name: `Restore ${bowl.title}` }));
    await page.keyboard.press('Enter');
    await page.getByText('Set a price above $0.00 in Edit before putting this listing back on sale.').waitFor();
    expect((await seller.caller.catalog.product({ productId: bowl.id })).status).toBe('archived');

    // Given a price in Edit, it can be restored, at that price.
    await tabTo(page, page.getByRole('button', { name: `Edit ${bowl.title}` }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    // Price is empty and asks for one, as a required field does (it read '0.00', unmarked).
    const price = dialog.getByLabel('Price ($)');
    await dialog.getByText('This listing has no price. Enter one to put it on sale.').waitFor();
    expect(await price.inputValue()).toBe('');
    expect(await price.getAttribute('aria-invalid')).toBe('true');
    await noSidewaysScroll(page);
    await screenshot(page, `listing-zero-price-edit-${project}`);
    await tabTo(page, price);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('26');
    await dialog.getByText('This listing has no price.').waitFor({ state: 'detached' });
    await tabTo(page, dialog.getByRole('button', { name: 'Save listing' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await tabTo(page, page.getByRole('button', { name: `Restore ${bowl.title}` }));
    await page.keyboard.press('Enter');
    await page.getByText(`“${bowl.title}” is back on sale.`).waitFor();
    expect(await seller.caller.catalog.product({ productId: bowl.id })).toMatchObject({
      status: 'active',
      priceCents: 2600,
    });
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);
}

// A listing whose one combination was left at $0.00 (M / Blue, last in the table): its Edit dialog
// said nothing of it until Save ('Please fix the marked combinations.'). Variations now name it at
// the top and its Price cell is empty and marked from the start; once priced, the table saves.
for (const project of projectNames) {
  test(`${project}: a combination left at $0.00 is named at the top of Variations and marked`, async () => {
    const { seller, tee } = await colouredTee();
    // As the migration leaves it: archived (the listing's own price follows its cheapest combination).
    await testDeps().db.updateTable('products').set({ status: 'archived' }).where('id', '=', tee.id).execute();
    await testDeps()
      .db.updateTable('listing_variants')
      .set({ price_cents: 0 })
      .where('product_id', '=', tee.id)
      .where('option1', '=', 'M')
      .where('option2', '=', 'Blue')
      .execute();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings?status=archived');
    await tabTo(page, page.getByRole('button', { name: `Edit ${tee.title}` }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const notice = dialog.getByText('No price yet for M / Blue. Enter one in its marked Price to sell this listing.');
    await notice.waitFor();
    // At the top of Variations, above the first property.
    const [top, property] = [
      await notice.boundingBox(),
      await dialog.getByLabel('Property 1', { exact: true }).boundingBox(),
    ];
    expect(top && property && top.y < property.y).toBe(true);
    const cell = dialog.getByLabel('Price of M / Blue');
    expect(await cell.inputValue()).toBe('');
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByText('This combination has no price. Enter one.').count()).toBe(1);
    expect(await dialog.getByLabel('Price of S / Red').getAttribute('aria-invalid')).toBeNull();
    await noSidewaysScroll(page);
    await notice.scrollIntoViewIfNeeded();
    await screenshot(page, `listing-zero-price-combination-${project}`);

    // Priced by keyboard: the notice and mark go, and the table saves.
    await tabTo(page, cell);
    await page.keyboard.type('23');
    await notice.waitFor({ state: 'detached' });
    expect(await cell.getAttribute('aria-invalid')).toBeNull();
    await tabTo(page, dialog.getByRole('button', { name: 'Save variations' }));
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Variations saved.' }).waitFor();
    const saved = await seller.caller.catalog.variations({ productId: tee.id });
    expect(saved.combinations.find((c) => c.values.join() === 'M,Blue')?.priceCents).toBe(2300);
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);
}
