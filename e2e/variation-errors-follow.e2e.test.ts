// The listing editor's variations (found by a walk): a property's messages were kept by its position,
// so removing Property 1 while it said "Name the property (e.g. Size)" put that message on the
// property that moved up into its place, and took that property's own message away. Messages now go
// with their property: removing one removes its messages, and the other keeps its own as it moves
// up. A cell's message goes with its combination too. Keyboard only, laptop and phone.
import { expect, test } from 'bun:test';
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

for (const project of projectNames)
  test(`${project}: removing a property takes its message with it; the other keeps its own`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Linen ${token()} apron`, priceCents: 4000, quantity: 3 });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const calls = countCalls(page, 'catalog.setVariations');
    await page.goto(`/dashboard/listings?edit=${product.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    await dialog.getByRole('button', { name: 'Add variations' }).focus();
    await page.keyboard.press('Enter');
    // Property 1: no name, values S and M.
    const first = dialog.getByLabel('Property 1', { exact: true });
    await waitForFocus(first);
    await page.keyboard.press('Tab');
    await page.keyboard.type('S, M');
    // Property 2: Colour, with no values yet.
    await dialog.getByRole('button', { name: 'Add a second property' }).focus();
    await page.keyboard.press('Enter');
    await waitForFocus(dialog.getByLabel('Property 2', { exact: true }));
    await page.keyboard.type('Colour');
    await dialog.getByRole('button', { name: 'Save variations' }).focus();
    await page.keyboard.press('Enter');
    const unnamed = dialog.getByText('Name the property (e.g. Size).', { exact: true });
    const valueless = dialog.getByText('Give at least one value.', { exact: true });
    await unnamed.waitFor();
    await valueless.waitFor();

    // Property 1 goes (its Remove button, by keyboard): Colour moves up, with its own message only.
    await dialog.getByRole('button', { name: 'Remove property 1' }).focus();
    await page.keyboard.press('Enter');
    const colour = dialog.getByLabel('Property 1', { exact: true });
    await colour.scrollIntoViewIfNeeded();
    await screenshot(page, `variation-errors-follow-${project}`);
    expect(await colour.inputValue()).toBe('Colour');
    expect({
      unnamed: await unnamed.count(),
      valueless: await valueless.count(),
      nameInvalid: await colour.getAttribute('aria-invalid'),
      valuesInvalid: await dialog.getByLabel('Values', { exact: true }).getAttribute('aria-invalid'),
    }).toEqual({ unnamed: 0, valueless: 1, nameInvalid: null, valuesInvalid: 'true' });

    // Its values typed: its message goes, and the table saves.
    await dialog.getByLabel('Values', { exact: true }).focus();
    await page.keyboard.type('Oat, Moss');
    await valueless.waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Save variations' }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Variations saved.' }).waitFor();
    expect(calls()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

for (const project of projectNames)
  test(`${project}: a cell's message stays on its combination when a value is added before it`, async () => {
    const seller = await createSeller();
    const product = await apronInTwoSizes(seller);
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/listings?edit=${product.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const mQuantity = dialog.getByLabel('Quantity of M');
    await mQuantity.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('lots');
    await dialog.getByRole('button', { name: 'Save variations' }).focus();
    await page.keyboard.press('Enter');
    await waitForFocus(mQuantity);
    expect(await mQuantity.getAttribute('aria-invalid')).toBe('true');
    // A smaller size goes first: S and M move down a row, and the message stays on M.
    const values = dialog.getByLabel('Values', { exact: true });
    await values.focus();
    await page.keyboard.press('Home');
    await page.keyboard.type('XS, ');
    await dialog.getByLabel('Quantity of XS').waitFor();
    await screenshot(page, `variation-cell-error-follows-${project}`);
    expect({
      m: await mQuantity.getAttribute('aria-invalid'),
      s: await dialog.getByLabel('Quantity of S', { exact: true }).getAttribute('aria-invalid'),
      xs: await dialog.getByLabel('Quantity of XS').getAttribute('aria-invalid'),
    }).toEqual({ m: 'true', s: null, xs: null });
    expect(errors).toEqual([]);
    await context.close();
  });
