// Closing the seller's Edit listing dialog with unsaved changes asks "Discard unsaved changes?"
// (Keep editing focused and the default) instead of dropping them; with nothing changed it closes
// at once. Cancel, Escape and the close button all ask, for the form and for the combination
// table. Keyboard only where it types; run at phone and desktop width. Back asks the same question
// and a reload or closing the tab gets the browser's prompt (decision 0174); however the dialog
// closes, focus goes back to the Edit or New listing button that opened it.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
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

// The dialog is in the URL (?edit=<id>), so the browser's Back leaves it as well: with unsaved
// edits it asks the same question (the URL stays until the seller answers); a reload or closing the
// tab gets the browser's own prompt. Nothing changed: Back and closing go at once.
for (const project of projectNames as ProjectName[]) {
  test(`${project}: Back from the Edit listing dialog asks before discarding unsaved changes`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Cherry ${token()} bowl`, priceCents: 3600, quantity: 2 });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const question = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    const title = dialog.getByLabel('Title');
    const editButton = page.getByRole('button', { name: `Edit ${product.title}` });
    const editing = () => new URL(page.url()).searchParams.get('edit');
    const openEditor = async () => {
      await editButton.focus();
      await page.keyboard.press('Enter');
      await title.waitFor();
      expect(editing()).toBe(String(product.id));
    };
    await page.goto('/dashboard/listings');
    await openEditor();

    // Nothing changed: Back closes at once, no question, focus back on the Edit button.
    await page.goBack();
    await dialog.waitFor({ state: 'hidden' });
    expect(await question.isVisible()).toBe(false);
    expect(editing()).toBeNull();
    await waitForFocus(editButton);

    // A new title, then Back: the question, the URL still that of the dialog.
    await openEditor();
    await title.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Bowl with a new name');
    await page.goBack();
    await question.waitFor();
    const keep = question.getByRole('button', { name: 'Keep editing' });
    await waitForFocus(keep);
    expect(editing()).toBe(String(product.id));
    await screenshot(page, `listing-back-question-${project}`);

    // Keep editing: still in the dialog, the edit intact, the URL unchanged, focus back on the title.
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'hidden' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await title.inputValue()).toBe('Bowl with a new name');
    expect(editing()).toBe(String(product.id));
    await waitForFocus(title);

    // Back again, then Discard: the navigation goes through and nothing was saved.
    await page.goBack();
    await waitForFocus(keep);
    await page.keyboard.press('Tab');
    await waitForFocus(question.getByRole('button', { name: 'Discard changes' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await question.waitFor({ state: 'hidden' });
    expect(editing()).toBeNull();
    expect(new URL(page.url()).pathname).toBe('/dashboard/listings');
    await waitForFocus(editButton);
    expect((await seller.caller.catalog.product({ productId: product.id })).title).toBe(product.title);

    // Closing the tab with unsaved edits: the browser asks; staying keeps the edit.
    await openEditor();
    expect(await title.inputValue()).toBe(product.title);
    await title.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' (large)');
    const prompts: string[] = [];
    page.on('dialog', (d) => {
      prompts.push(d.type());
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await waitUntil(async () => prompts.length > 0, { what: 'the beforeunload prompt' });
    expect(prompts).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    expect(await title.inputValue()).toBe(`${product.title} (large)`);

    // Changed back by hand: nothing unsaved, so the tab closes without a prompt.
    for (let i = 0; i < ' (large)'.length; i++) await page.keyboard.press('Backspace');
    expect(await title.inputValue()).toBe(product.title);
    expect(errors).toEqual([]);
    await page.close({ runBeforeUnload: true });
    await waitUntil(async () => page.isClosed(), { what: 'the page to close' });
    expect(prompts).toEqual(['beforeunload']);
    await context.close();
  }, 180_000);

  test(`${project}: focus returns to the Edit or New listing button when the dialog closes`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Ash ${token()} stool`, priceCents: 9000, quantity: 1 });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const question = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    const title = dialog.getByLabel('Title');
    let editButton = page.getByRole('button', { name: `Edit ${product.title}` });
    const press = async (target: ReturnType<Page['locator']>, key: string) => {
      await target.focus();
      await page.keyboard.press(key);
    };
    const openEditor = async () => {
      await press(editButton, 'Enter');
      await title.waitFor();
    };
    const focusedName = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
      });
    const closedToEditButton = async () => {
      await dialog.waitFor({ state: 'hidden' });
      await waitForFocus(editButton);
    };
    await page.goto('/dashboard/listings');

    // Cancel, Escape and the close button, with nothing changed.
    await openEditor();
    await press(dialog.getByRole('button', { name: 'Cancel' }), 'Enter');
    await closedToEditButton();
    await openEditor();
    await page.keyboard.press('Escape');
    await closedToEditButton();
    await openEditor();
    await press(dialog.getByRole('button', { name: 'Close' }), 'Enter');
    await closedToEditButton();
    expect(await focusedName()).toBe(`Edit ${product.title}`);

    // Discard changes, from the question.
    await openEditor();
    await title.focus();
    await page.keyboard.type(' x');
    await page.keyboard.press('Escape');
    await waitForFocus(question.getByRole('button', { name: 'Keep editing' }));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'hidden' });
    await closedToEditButton();

    // Save: the same button, now named after the new title.
    await openEditor();
    await title.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' (oiled)');
    await press(dialog.getByRole('button', { name: 'Save listing' }), 'Enter');
    editButton = page.getByRole('button', { name: `Edit ${product.title} (oiled)` });
    await closedToEditButton();
    expect(await focusedName()).toBe(`Edit ${product.title} (oiled)`);

    // New listing: Escape and Cancel go back to the New listing button.
    const newListing = page.getByRole('button', { name: '+ New listing' });
    const newDialog = page.getByRole('dialog', { name: 'New listing' });
    await press(newListing, 'Enter');
    await newDialog.getByLabel('Title').waitFor();
    await page.keyboard.press('Escape');
    await newDialog.waitFor({ state: 'hidden' });
    await waitForFocus(newListing);
    await press(newListing, 'Enter');
    await press(newDialog.getByRole('button', { name: 'Cancel' }), 'Enter');
    await newDialog.waitFor({ state: 'hidden' });
    await waitForFocus(newListing);
    expect(await focusedName()).toBe('+ New listing');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
}
