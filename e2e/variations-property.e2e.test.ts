// The listing editor's variations, by keyboard at laptop and phone width. "Add variations" (and
// "Add a second property") move focus on to the new property's name, instead of leaving it on the
// relabelled button. "Save variations" with a property left unnamed sends nothing: the name field
// says "Name the property (e.g. Size)" and takes focus, the toast names the problem (not "the
// highlighted cells"), and the message goes as soon as the seller types a name. It used to send
// catalog.setVariations anyway (a 400 and a console error) and keep the stale message until the
// next save.
import { expect, test } from 'bun:test';
import { waitUntil } from '../src/server/test/wait-until';
import { countCalls, createProduct, createSeller, signedInPage, tabTo, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

async function editListing(project: (typeof projectNames)[number]) {
  const seller = await createSeller();
  const product = await createProduct(seller, { title: `Linen ${token()} apron`, priceCents: 4000, quantity: 3 });
  const signed = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
  const calls = countCalls(signed.page, 'catalog.setVariations');
  await signed.page.goto(`/dashboard/listings?edit=${product.id}`);
  const dialog = signed.page.getByRole('dialog', { name: 'Edit listing' });
  return { ...signed, seller, product, calls, dialog };
}

for (const project of projectNames) {
  test(`${project}: "Add variations" and "Add a second property" focus the new property's name`, async () => {
    const { page, errors, context, dialog } = await editListing(project);
    const add = dialog.getByRole('button', { name: 'Add variations' });
    await add.focus();
    await page.keyboard.press('Enter');
    await waitForFocus(dialog.getByLabel('Property 1', { exact: true }));
    await page.keyboard.type('Size');
    await page.keyboard.press('Tab');
    await page.keyboard.type('S, M');
    await dialog.getByRole('button', { name: 'Add a second property' }).focus();
    await page.keyboard.press('Enter');
    await waitForFocus(dialog.getByLabel('Property 2', { exact: true }));
    await page.keyboard.type('Colour');
    expect(await dialog.getByLabel('Property 1', { exact: true }).inputValue()).toBe('Size');
    expect(await dialog.getByLabel('Property 2', { exact: true }).inputValue()).toBe('Colour');
    await screenshot(page, `add-property-focus-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: "Save variations" with an unnamed property sends nothing and says so on the field`, async () => {
    const { page, errors, context, dialog, calls, seller, product } = await editListing(project);
    await dialog.getByRole('button', { name: 'Add variations' }).focus();
    await page.keyboard.press('Enter');
    const name = dialog.getByLabel('Property 1', { exact: true });
    // (Where "Add variations" leaves focus is the test above; this one starts on the name itself.)
    await name.focus();
    // Past the empty name, straight to its values.
    await page.keyboard.press('Tab');
    await page.keyboard.type('S, M');
    await dialog.getByLabel('Quantity of M').waitFor();
    const save = dialog.getByRole('button', { name: 'Save variations' });
    await save.focus();
    await page.keyboard.press('Enter');

    const message = dialog.getByText('Name the property (e.g. Size).', { exact: true });
    await message.waitFor();
    await dialog.getByRole('status').filter({ hasText: 'Name each property first.' }).waitFor();
    expect(await dialog.getByText('highlighted cells').count()).toBe(0);
    await waitForFocus(name);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, `unnamed-property-${project}`);
    expect(calls()).toBe(0);

    // Typing a name clears the field's message at once.
    await page.keyboard.type('Size');
    await message.waitFor({ state: 'detached' });
    expect(await name.getAttribute('aria-invalid')).toBeNull();

    await save.focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Variations saved.' }).waitFor();
    await waitUntil(
      async () => (await seller.caller.catalog.variations({ productId: product.id })).properties[0]?.name === 'Size',
      { what: 'the named property saved' },
    );
    expect(calls()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
}

// Found by a walk: with more combinations than a listing may have, Save listing's toast said "Please
// fix the marked combinations." though nothing was marked, and the editor's line read "72 of at most
// 70 combinations". Both now say what is wrong and what to do, in a sentence.
for (const project of projectNames)
  test(`${project}: too many combinations are explained in plain words`, async () => {
    const { page, errors, context, dialog, calls } = await editListing(project);
    await tabTo(page, dialog.getByRole('button', { name: 'Add variations' }));
    await page.keyboard.press('Enter');
    await waitForFocus(dialog.getByLabel('Property 1', { exact: true }));
    await page.keyboard.type('Size');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1, 2, 3, 4, 5, 6, 7, 8, 9');
    await tabTo(page, dialog.getByRole('button', { name: 'Add a second property' }));
    await page.keyboard.press('Enter');
    await waitForFocus(dialog.getByLabel('Property 2', { exact: true }));
    await page.keyboard.type('Colour');
    await page.keyboard.press('Tab');
    await page.keyboard.type('A, B, C, D, E, F, G, H');

    const why = 'These values make 72 combinations, and a listing can have at most 70. Remove some values to save.';
    await dialog.getByRole('alert').filter({ hasText: why }).waitFor();
    // Enter in the listing's Title submits the form (Save listing is 72 rows of Tab away).
    await dialog.getByLabel('Title', { exact: true }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').filter({ hasText: why }).waitFor();
    expect(await dialog.getByText('marked').count()).toBe(0);
    await screenshot(page, `too-many-combinations-${project}`);
    expect(calls()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
