// In the seller's Edit listing dialog, a combination's SKU (a realistic one, "APRON-LINEN-CHARCOAL-XS")
// is shown whole as it is typed and read back: on a phone each combination is a two-column card,
// where the SKU had half the width and was cut off mid-code. Nothing in the dialog or the page pans
// sideways. Laptop and phone, keyboard only. On a phone the "On sale" box is a 24 px target, not the
// browser's 13 px one.
import { expect, test } from 'bun:test';
import type { Locator } from 'playwright';
import { apronInTwoSizes, createProduct, createSeller, signedInPage, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** The input shows all of its value: nothing scrolled out of the box. */
const showsWhole = (input: Locator) => input.evaluate((el) => el.scrollWidth <= el.clientWidth);

for (const project of projectNames) {
  test(`${project}: a combination's SKU is shown whole in the Edit listing dialog`, async () => {
    const seller = await createSeller();
    const apron = await createProduct(seller, { title: `Linen ${token()} apron`, priceCents: 4000, quantity: 3 });
    await seller.caller.catalog.setVariations({
      productId: apron.id,
      properties: [
        { name: 'Size', values: ['XS', 'XL'] },
        { name: 'Colour', values: ['Charcoal', 'Natural'] },
      ],
      combinations: [
        { values: ['XS', 'Charcoal'], priceCents: 4000, quantity: 2, sku: `APRON-LINEN-CHARCOAL-XS` },
        { values: ['XS', 'Natural'], priceCents: 4000, quantity: 2 },
        { values: ['XL', 'Charcoal'], priceCents: 4200, quantity: 1 },
        { values: ['XL', 'Natural'], priceCents: 4200, quantity: 1 },
      ],
    });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    const edit = page.getByRole('button', { name: `Edit ${apron.title}` });
    await edit.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const saved = dialog.getByLabel('SKU of XS / Charcoal');
    await saved.waitFor();
    expect(await saved.inputValue()).toBe('APRON-LINEN-CHARCOAL-XS');
    expect(await showsWhole(saved)).toBe(true);

    // Typed by keyboard into the next combination: the whole code stays in view.
    await dialog.getByLabel('Quantity of XS / Natural').focus();
    await page.keyboard.press('Tab');
    const typed = dialog.getByLabel('SKU of XS / Natural');
    await waitForFocus(typed);
    await page.keyboard.type('APRON-LINEN-NATURAL-XS');
    expect(await showsWhole(typed)).toBe(true);
    await typed.scrollIntoViewIfNeeded();
    await screenshot(page, `variation-sku-${project}`);

    const width = project === 'phone' ? 390 : 1366;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const body = dialog.locator('.dialog-body');
    expect(await body.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
}

test('phone: a combination\'s "On sale" box is big enough to tap and toggles by keyboard', async () => {
  const seller = await createSeller();
  const apron = await apronInTwoSizes(seller);
  const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, 'phone');
  await page.goto('/dashboard/listings');
  await page.getByRole('button', { name: `Edit ${apron.title}` }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit listing' });
  const onSale = dialog.getByLabel('M on sale');
  await onSale.waitFor();
  const box = await onSale.boundingBox();
  expect(box && Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
  await dialog.getByLabel('SKU of M').focus();
  await page.keyboard.press('Tab');
  await waitForFocus(onSale);
  await page.keyboard.press('Space');
  expect(await onSale.isChecked()).toBe(false);
  await onSale.scrollIntoViewIfNeeded();
  await screenshot(page, 'variation-on-sale-phone');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(errors).toEqual([]);
  await context.close();
}, 180_000);
