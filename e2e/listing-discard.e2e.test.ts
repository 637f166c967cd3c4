// Closing the seller's Edit listing dialog with unsaved changes asks "Discard unsaved changes?"
// (Keep editing focused and the default) instead of dropping them; with nothing changed it closes
// at once. Cancel, Escape and the close button all ask, for the form and for the combination
// table. Keyboard only where it types; run at phone and desktop width.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { createProduct, createSeller, signedInPage, token, waitForFocus } from './fixtures';
import { type ProjectName, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const project of projectNames as ProjectName[]) {
  test(`${project}: closing the Edit listing dialog asks before discarding unsaved changes`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Walnut ${token()} spoon`, priceCents: 2400, quantity: 3 });
    await seller.caller.catalog.setVariations({
      productId: product.id,
      properties: [{ name: 'Wood', values: ['Walnut', 'Cherry'] }],
      combinations: [
        { values: ['Walnut'], priceCents: 2400, quantity: 2 },
        { values: ['Cherry'], priceCents: 2600, quantity: 1 },
      ],
    });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const question = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    const cancel = dialog.getByRole('button', { name: 'Cancel' });
    const title = dialog.getByLabel('Title');
    const press = async (target: ReturnType<Page['locator']>, key: string) => {
      await target.focus();
      await page.keyboard.press(key);
    };
    const openEditor = async () => {
      await press(page.getByRole('button', { name: `Edit ${product.title}` }), 'Enter');
      await dialog.getByLabel('Quantity of Cherry').waitFor();
    };
    await page.goto('/dashboard/listings');
    await openEditor();

    // Nothing changed: Cancel closes at once, no question.
    await press(cancel, 'Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await question.isVisible()).toBe(false);

    // A new title, then Cancel: the question, with Keep editing focused.
    await openEditor();
    await press(title, 'ControlOrMeta+A');
    await page.keyboard.type('Spoon with a new name');
    await press(cancel, 'Enter');
    await question.waitFor();
    await question.getByText('Your changes to this listing have not been saved.').waitFor();
    const keep = question.getByRole('button', { name: 'Keep editing' });
    await waitForFocus(keep);
    await noSidewaysScroll(page);
    // Both choices fit the screen (a phone must not hide Discard off to the side).
    for (const name of ['Keep editing', 'Discard changes']) {
      const box = await question.getByRole('button', { name }).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    }
    await screenshot(page, `listing-discard-question-${project}`);

    // Keep editing (the default, Enter): the typed title is still there and focus is back on Cancel.
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'hidden' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await title.inputValue()).toBe('Spoon with a new name');
    await waitForFocus(cancel);

    // Cancel again, then Discard: both close and nothing was saved.
    await page.keyboard.press('Enter');
    await waitForFocus(keep);
    await page.keyboard.press('Tab');
    await waitForFocus(question.getByRole('button', { name: 'Discard changes' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await question.waitFor({ state: 'hidden' });
    expect((await seller.caller.catalog.product({ productId: product.id })).title).toBe(product.title);
    await openEditor();
    expect(await title.inputValue()).toBe(product.title);

    // A change in the combination table counts too; Escape asks, and Escape on the question keeps editing.
    await press(dialog.getByRole('checkbox', { name: 'Cherry on sale' }), 'Space');
    expect(await dialog.getByRole('checkbox', { name: 'Cherry on sale' }).isChecked()).toBe(false);
    await page.keyboard.press('Escape');
    await question.waitFor();
    await waitForFocus(keep);
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'hidden' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Cherry on sale' }).isChecked()).toBe(false);
    // The close button asks as well; Discard closes.
    await press(dialog.getByRole('button', { name: 'Close' }), 'Enter');
    await waitForFocus(keep);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const saved = await seller.caller.catalog.variations({ productId: product.id });
    expect(saved.combinations.find((c) => c.values[0] === 'Cherry')?.enabled).toBe(true);

    // Changed back by hand is not a change: Cancel closes at once.
    await openEditor();
    await press(title, 'End');
    await page.keyboard.type('!');
    await page.keyboard.press('Backspace');
    await press(cancel, 'Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await question.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
}
