// The seller's "Edit listing" and "New listing" dialogs open on their first field, Title, not on
// the Close button, so a keyboard user types straight away; also when the listing is still loading
// as the dialog opens (focus moves to Title once the form appears). Laptop and phone, keyboard only.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, signedInPage, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: the listing dialogs open with focus on Title`, async () => {
    const seller = await createSeller();
    const bowl = await createProduct(seller, { title: `Walnut ${token()} bowl`, priceCents: 5200, quantity: 2 });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');

    // Edit listing, its listing held back so the dialog opens on "Loading listing" first.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(
      (url) => url.pathname.startsWith('/trpc/') && url.pathname.slice(6).split(',').includes('catalog.product'),
      async (route) => {
        await held;
        await route.continue();
      },
    );
    const edit = page.getByRole('button', { name: `Edit ${bowl.title}` });
    await edit.focus();
    await page.keyboard.press('Enter');
    const editDialog = page.getByRole('dialog', { name: 'Edit listing' });
    await editDialog.getByRole('status', { name: 'Loading listing' }).waitFor();
    release();
    const editTitle = editDialog.getByLabel('Title');
    await waitForFocus(editTitle);
    await page.keyboard.press('End');
    await page.keyboard.type(', oiled');
    expect(await editTitle.inputValue()).toBe(`${bowl.title}, oiled`);
    await screenshot(page, `edit-listing-focus-${project}`);
    // Escape asks about the typed change; Discard closes and focus goes back to Edit.
    await page.keyboard.press('Escape');
    const question = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await question.getByRole('button', { name: 'Discard changes' }).focus();
    await page.keyboard.press('Enter');
    await editDialog.waitFor({ state: 'hidden' });
    await waitForFocus(edit);

    // New listing: Title first, typed into at once.
    const newListing = page.getByRole('button', { name: '+ New listing' });
    await newListing.focus();
    await page.keyboard.press('Enter');
    const newDialog = page.getByRole('dialog', { name: 'New listing' });
    const newTitle = newDialog.getByLabel('Title');
    await waitForFocus(newTitle);
    await page.keyboard.type('Ash serving board');
    expect(await newTitle.inputValue()).toBe('Ash serving board');
    await screenshot(page, `new-listing-focus-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
}
