// "Save listing" in the seller's Edit listing dialog with nothing changed (or only "24" typed over
// "24.00") sends no update: one "No changes to save" toast (also after "Save variations" said the
// same beside itself, decision 0201), the row's Updated date stays as it was, and focus goes back to the row's Edit button that
// opened the dialog, for a listing with variations as for one without. A real change is still
// saved. Laptop and phone.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { testDeps } from '../src/server/test/test-services';
import { waitUntil } from '../src/server/test/wait-until';
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

/** The toasts on screen (one dismissed as a dialog opens may still be leaving). */
const toasts = (page: Page) => page.locator('[data-sonner-toast]:not([data-removed="true"])');

/** Last edited on 12 November: a save today would show in the row's Updated column. */
const LAST_EDITED = new Date('2026-11-12T10:00:00Z');

async function updatedAt(productId: number): Promise<string> {
  const row = await testDeps()
    .db.selectFrom('products')
    .select('updated_at')
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
  return new Date(row.updated_at).toISOString();
}

for (const project of projectNames) {
  test(`${project}: "Save listing" with nothing changed sends nothing, shows one toast and gives focus back to Edit`, async () => {
    const seller = await createSeller();
    const apron = await apronInTwoSizes(seller);
    const mug = await createProduct(seller, { title: `Ash ${token()} mug`, priceCents: 2400, quantity: 3 });
    await testDeps()
      .db.updateTable('products')
      .set({ updated_at: LAST_EDITED })
      .where('id', 'in', [apron.id, mug.id])
      .execute();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const updates = countCalls(page, 'catalog.updateProduct');
    const tables = countCalls(page, 'catalog.setVariations');
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const updatedCell = (productId: number) => page.locator(`[data-listing-row="${productId}"] .listing-updated`);
    await page.goto('/dashboard/listings');
    expect(await updatedCell(apron.id).textContent()).toBe('Nov 12');

    // A listing with variations, saved as it is: "Save variations", then "Save listing".
    const editApron = page.getByRole('button', { name: `Edit ${apron.title}` });
    await editApron.focus();
    await page.keyboard.press('Enter');
    await dialog.getByLabel('Price of M').waitFor();
    await dialog.getByRole('button', { name: 'Save variations' }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'No changes to save: variations are up to date.' }).waitFor();
    expect(await toasts(page).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Save listing' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await toasts(page).filter({ hasText: 'No changes to save' }).waitFor();
    await waitForFocus(editApron);
    expect(await toasts(page).count()).toBe(1);
    await screenshot(page, `listing-unchanged-save-${project}`);
    expect([updates(), tables()]).toEqual([0, 0]);
    expect(await updatedAt(apron.id)).toBe(LAST_EDITED.toISOString());
    expect(await updatedCell(apron.id).textContent()).toBe('Nov 12');

    // A listing without variations, its price retyped as the same amount.
    const editMug = page.getByRole('button', { name: `Edit ${mug.title}` });
    await editMug.focus();
    await page.keyboard.press('Enter');
    // The dialog opening dismisses the last toast: let it leave before the next one comes.
    await waitUntil(async () => (await page.locator('[data-sonner-toast]').count()) === 0, {
      what: 'the last toast gone',
    });
    await dialog.getByLabel('Price ($)').fill('24');
    await dialog.getByRole('button', { name: 'Save listing' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await waitForFocus(editMug);
    expect(await toasts(page).count()).toBe(1);
    expect(await toasts(page).textContent()).toContain('No changes to save');
    expect([updates(), tables()]).toEqual([0, 0]);
    expect(await updatedAt(mug.id)).toBe(LAST_EDITED.toISOString());

    // A real change is saved, once.
    await editApron.focus();
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await page.locator('[data-sonner-toast]').count()) === 0, {
      what: 'the last toast gone',
    });
    await dialog.getByLabel('Description').fill('Heavy linen apron with two pockets.');
    await dialog.getByRole('button', { name: 'Save listing' }).focus();
    await page.keyboard.press('Enter');
    await toasts(page).filter({ hasText: 'Listing updated' }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await waitForFocus(editApron);
    expect([updates(), tables()]).toEqual([1, 0]);
    expect((await seller.caller.catalog.product({ productId: apron.id })).description).toBe(
      'Heavy linen apron with two pockets.',
    );
    expect(await updatedAt(apron.id)).not.toBe(LAST_EDITED.toISOString());
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
}
