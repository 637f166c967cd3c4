// A combination's SKU may be 64 characters. In the Edit listing dialog its box showed about 25 on a
// laptop (32 on a phone) and scrolled the rest out of sight, so two codes that differ only at the
// end ("…-LOT-4471A" and "…-LOT-4471B") looked the same. The box now grows to show the whole code,
// wrapped; it stays one line of text (Enter adds no line break, a pasted line break is dropped).
// Laptop and phone, keyboard only.
import { expect, test } from 'bun:test';
import type { Locator } from 'playwright';
import { createProduct, createSeller, signedInPage, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
const longA = 'APRON-LINEN-CHARCOAL-XS-2026-WINTER-BATCH-07-HAND-DYED-LOT-4471A';
const longB = `${longA.slice(0, -1)}B`;

/** Nothing of the value is scrolled out of the box, either way. */
const showsWhole = (box: Locator) =>
  box.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1);

for (const project of projectNames)
  test(`${project}: a 64-character SKU is shown whole in the combination table`, async () => {
    expect(longA.length).toBe(64);
    const seller = await createSeller();
    const apron = await createProduct(seller, { title: `Linen ${token()} apron`, priceCents: 4000, quantity: 3 });
    await seller.caller.catalog.setVariations({
      productId: apron.id,
      properties: [{ name: 'Size', values: ['XS', 'M'] }],
      combinations: [
        { values: ['XS'], priceCents: 4000, quantity: 2, sku: longA },
        { values: ['M'], priceCents: 4000, quantity: 2 },
      ],
    });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/listings?edit=${apron.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const saved = dialog.getByLabel('SKU of XS');
    await saved.waitFor();
    expect(await saved.inputValue()).toBe(longA);
    expect(await showsWhole(saved)).toBe(true);

    // Typed by keyboard into the next one: whole as it is typed, and Enter adds no line break.
    await dialog.getByLabel('Quantity of M').focus();
    await page.keyboard.press('Tab');
    const typed = dialog.getByLabel('SKU of M');
    await waitForFocus(typed);
    await page.keyboard.type(longB);
    await page.keyboard.press('Enter');
    expect(await typed.inputValue()).toBe(longB);
    expect(await showsWhole(typed)).toBe(true);
    await typed.scrollIntoViewIfNeeded();
    await screenshot(page, `long-sku-${project}`);
    const width = project === 'phone' ? 390 : 1366;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    await dialog.getByRole('button', { name: 'Save variations' }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Variations saved.' }).waitFor();
    const stored = await seller.caller.catalog.variations({ productId: apron.id });
    expect(stored.combinations.map((c) => c.sku).sort()).toEqual([longA, longB]);
    expect(errors).toEqual([]);
    await context.close();
  });
