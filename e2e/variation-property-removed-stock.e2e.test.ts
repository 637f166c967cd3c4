// Found by a walk at 1366×900 and 390×844, keyboard only: a listing in Size (S, M) × Colour (Red,
// Blue) with stock per combination; "Remove Colour" and "Save variations" left S and M at quantity
// 0, as if new, so a seller who only tidied the options had the listing out of stock. Now S and M
// start with what their colours had (S: 3 + 2), with the price they shared, and say where it came
// from; where the colours' prices differed the seller is asked for one (decision 0196), in a whole
// sentence that says why ("The merged combinations had different prices: enter one.", read with the
// "Was …" note), and a toast that fits the phone's cards as well as the table.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { colouredTee, signedInPage, tabTo, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

for (const project of projectNames)
  test(`${project}: removing Colour keeps each size's stock, and the seller chooses a price where they differed`, async () => {
    const { seller, tee } = await colouredTee();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/listings?edit=${tee.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    await dialog.getByLabel('Quantity of S / Red').waitFor();

    await tabTo(page, dialog.getByRole('button', { name: 'Remove Colour' }));
    await page.keyboard.press('Enter');
    await waitForFocus(dialog.getByRole('button', { name: 'Add a second property' }));

    // What the seller sees before saving: S with 3 + 2 at the shared $20.00 and SKU; M with 1 + 4
    // and no price, its colours having had two.
    const s = {
      quantity: dialog.getByLabel('Quantity of S', { exact: true }),
      price: dialog.getByLabel('Price of S', { exact: true }),
    };
    const m = {
      quantity: dialog.getByLabel('Quantity of M', { exact: true }),
      price: dialog.getByLabel('Price of M', { exact: true }),
    };
    expect(await s.quantity.inputValue()).toBe('5');
    expect(await s.price.inputValue()).toBe('20.00');
    expect(await dialog.getByLabel('SKU of S', { exact: true }).inputValue()).toBe('TEE-S');
    expect(await m.quantity.inputValue()).toBe('5');
    expect(await m.price.inputValue()).toBe('');
    await dialog.getByText('Was Red: 3, Blue: 2').waitFor();
    await dialog.getByText('Was Red: 1 at $20.00, Blue: 4 at $22.00').waitFor();
    await noSidewaysScroll(page);
    await m.quantity.scrollIntoViewIfNeeded();
    await screenshot(page, `variation-property-removed-${project}`);

    // Saving asks for M's price, on its cell; once given, the table saves with the stock kept.
    const save = dialog.getByRole('button', { name: 'Save variations' });
    await tabTo(page, save);
    await page.keyboard.press('Enter');
    await waitForFocus(m.price);
    // The message is a sentence that says why the price is empty, and is read with the cell along
    // with the note it refers to; the toast's words fit the table and the phone's cards alike.
    const why = 'The merged combinations had different prices: enter one.';
    await dialog.getByText(why, { exact: true }).waitFor();
    expect(await m.price.evaluate((el) => (el as HTMLInputElement).getAttribute('aria-invalid'))).toBe('true');
    const description = await m.price.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent?.trim())
        .join(' | '),
    );
    expect(description).toBe(`${why} | Was Red: 1 at $20.00, Blue: 4 at $22.00`);
    await dialog.getByRole('status').filter({ hasText: 'Please fix the marked combinations.' }).waitFor();
    expect(await dialog.getByText('cells').count()).toBe(0);
    await screenshot(page, `variation-property-removed-price-asked-${project}`);
    await page.keyboard.type('21');
    await tabTo(page, save);
    await page.keyboard.press('Enter');
    await page.getByText('Variations saved').first().waitFor();

    const saved = await seller.caller.catalog.variations({ productId: tee.id });
    expect(saved.properties).toEqual([{ name: 'Size', values: ['S', 'M'] }]);
    expect(saved.combinations.map((c) => [c.values.join(' / '), c.quantity, c.priceCents, c.sku, c.enabled])).toEqual([
      ['S', 5, 2000, 'TEE-S', true],
      ['M', 5, 2100, '', true],
    ]);
    // The editor now shows the saved table, without the notes.
    await waitForFocus(save);
    expect(await dialog.getByLabel('Quantity of S', { exact: true }).inputValue()).toBe('5');
    expect(await dialog.getByText('Was Red: 3, Blue: 2').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

// Found by a walk: Size renamed to "Fit" before Colour was removed, and S and M started at 0, as new
// combinations (the saved property was found by its name, which the seller had just changed).
for (const project of projectNames)
  test(`${project}: a property renamed before the other is removed still carries each size's stock`, async () => {
    const { seller, tee } = await colouredTee();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/listings?edit=${tee.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    await dialog.getByLabel('Quantity of S / Red').waitFor();

    const name = dialog.getByLabel('Property 1', { exact: true });
    await tabTo(page, name);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Fit');
    await tabTo(page, dialog.getByRole('button', { name: 'Remove Colour' }));
    await page.keyboard.press('Enter');
    await waitForFocus(dialog.getByRole('button', { name: 'Add a second property' }));

    expect(await dialog.getByLabel('Quantity of S', { exact: true }).inputValue()).toBe('5');
    expect(await dialog.getByLabel('Price of S', { exact: true }).inputValue()).toBe('20.00');
    expect(await dialog.getByLabel('Quantity of M', { exact: true }).inputValue()).toBe('5');
    await dialog.getByText('Was Red: 3, Blue: 2').waitFor();
    await dialog.getByText('Was Red: 1 at $20.00, Blue: 4 at $22.00').waitFor();
    await noSidewaysScroll(page);
    await dialog.getByLabel('Quantity of M', { exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, `variation-renamed-then-removed-${project}`);

    // Saved with M's price chosen: Fit keeps S and M at 5 each.
    await tabTo(page, dialog.getByLabel('Price of M', { exact: true }));
    await page.keyboard.type('21');
    await tabTo(page, dialog.getByRole('button', { name: 'Save variations' }));
    await page.keyboard.press('Enter');
    await page.getByText('Variations saved').first().waitFor();
    const saved = await seller.caller.catalog.variations({ productId: tee.id });
    expect(saved.properties).toEqual([{ name: 'Fit', values: ['S', 'M'] }]);
    expect(saved.combinations.map((c) => [c.values.join(' / '), c.quantity, c.priceCents])).toEqual([
      ['S', 5, 2000],
      ['M', 5, 2100],
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
