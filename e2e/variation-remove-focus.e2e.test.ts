// Removing a property in the variations editor, by keyboard at laptop and phone width (Edit
// listing and New listing). "Remove <property>" takes its own button away; focus used to fall to
// <body>, so the next Tab started again at the top of the page. Now it lands where the removed
// property was: on the property that moves up into its place, or on "Add a second property" /
// "Add variations" when the removed one was last, and the next Tab stays in the dialog.
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { createProduct, createSeller, signedInPage, token, waitForFocus } from './fixtures';
import { type ProjectName, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

async function press(page: Page, button: Locator) {
  await button.focus();
  await page.keyboard.press('Enter');
}

/** Enter on "Add variations", then Size with the values S and M, typed. */
async function addSizes(page: Page, dialog: Locator) {
  await press(page, dialog.getByRole('button', { name: 'Add variations' }));
  await waitForFocus(dialog.getByLabel('Property 1', { exact: true }));
  await page.keyboard.type('Size');
  await page.keyboard.press('Tab');
  await page.keyboard.type('S, M');
}

/** Size (S, M), then "Add a second property" and Colour (Red), typed. */
async function addTwoProperties(page: Page, dialog: Locator) {
  await addSizes(page, dialog);
  await press(page, dialog.getByRole('button', { name: 'Add a second property' }));
  await waitForFocus(dialog.getByLabel('Property 2', { exact: true }));
  await page.keyboard.type('Colour');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Red');
}

/** A seller's Edit listing dialog for a scarf with no variations, given Size and Colour by keyboard. */
async function editingWithTwoProperties(project: ProjectName) {
  const seller = await createSeller();
  const product = await createProduct(seller, { title: `Wool ${token()} scarf`, priceCents: 3000, quantity: 4 });
  const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
  await page.goto(`/dashboard/listings?edit=${product.id}`);
  const dialog = page.getByRole('dialog', { name: 'Edit listing' });
  await addTwoProperties(page, dialog);
  return { page, errors, context, dialog };
}

async function nextTabInside(page: Page, dialog: Locator) {
  await page.keyboard.press('Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
}

for (const project of projectNames) {
  test(`${project}: Edit listing: removing the second, then the last property keeps focus in the editor`, async () => {
    const { page, errors, context, dialog } = await editingWithTwoProperties(project);

    await press(page, dialog.getByRole('button', { name: 'Remove Colour' }));
    await waitForFocus(dialog.getByRole('button', { name: 'Add a second property' }));
    expect(await dialog.getByLabel('Property 1', { exact: true }).inputValue()).toBe('Size');
    await screenshot(page, `remove-second-${project}`);

    await press(page, dialog.getByRole('button', { name: 'Remove Size' }));
    await waitForFocus(dialog.getByRole('button', { name: 'Add variations' }));
    await nextTabInside(page, dialog);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: removing the first of two properties focuses the one that moves up`, async () => {
    const { page, errors, context, dialog } = await editingWithTwoProperties(project);

    await press(page, dialog.getByRole('button', { name: 'Remove Size' }));
    const moved = dialog.getByLabel('Property 1', { exact: true });
    await waitForFocus(moved);
    expect(await moved.inputValue()).toBe('Colour');
    await nextTabInside(page, dialog);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: New listing: removing the only property focuses "Add variations"`, async () => {
    const seller = await createSeller();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    await press(page, page.getByRole('button', { name: /New listing/ }).first());
    const dialog = page.getByRole('dialog', { name: 'New listing' });
    await addSizes(page, dialog);
    await press(page, dialog.getByRole('button', { name: 'Remove Size' }));
    await waitForFocus(dialog.getByRole('button', { name: 'Add variations' }));
    await screenshot(page, `remove-only-new-${project}`);
    await nextTabInside(page, dialog);
    expect(errors).toEqual([]);
    await context.close();
  });
}
