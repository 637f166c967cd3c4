// Shop settings' "Save changes" and the listing editor's "Save variations", pressed again once the
// first save has answered (a slow double Enter, focus still on the button) or with values that store
// exactly what is saved ("5" over "5.00"), send nothing and say "No changes to save" where the
// save answers (the shop's toast; beside "Save variations", decision 0201), one message replacing the
// last; a real change after that is saved. Laptop and phone.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { apronInTwoSizes, countCalls, createSeller, signedInPage, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

const toasts = (page: Page) => page.locator('[data-sonner-toast]');

for (const project of projectNames) {
  test(`${project}: "Save changes" again with nothing changed sends nothing and shows one toast`, async () => {
    const seller = await createSeller();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const calls = countCalls(page, 'shops.update');
    await page.goto('/dashboard/shop');
    const settings = page.getByRole('form', { name: 'Shop settings' });
    await settings.getByLabel('Tagline').fill('Small-batch stoneware');
    const save = settings.getByRole('button', { name: 'Save changes' });
    await save.focus();
    await page.keyboard.press('Enter');
    await toasts(page).filter({ hasText: 'Shop updated' }).waitFor();
    await waitForFocus(save);
    // The slow second (and third) press: the form holds what was just saved.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await toasts(page).filter({ hasText: 'No changes to save' }).waitFor();
    // The same amount written differently stores the same cents: nothing to save either.
    const flat = settings.getByLabel('Flat shipping rate ($)');
    const shown = await flat.inputValue();
    await flat.fill(String(Number(shown)));
    expect(await flat.inputValue()).not.toBe(shown);
    await save.focus();
    await page.keyboard.press('Enter');
    await waitForFocus(save);
    expect(await toasts(page).count()).toBe(1);
    await screenshot(page, `shop-settings-no-changes-${project}`);
    // A real change is saved.
    await settings.getByLabel('Tagline').fill('Small-batch stoneware, fired in Leeds');
    await save.focus();
    await page.keyboard.press('Enter');
    await waitUntil(
      async () => (await seller.caller.shops.mine())?.tagline === 'Small-batch stoneware, fired in Leeds',
      {
        what: 'the changed tagline saved',
      },
    );
    await toasts(page).filter({ hasText: 'Shop updated' }).waitFor();
    expect(calls()).toBe(2);
    expect(await toasts(page).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: "Save variations" again with nothing changed sends nothing and says so beside the button`, async () => {
    const seller = await createSeller();
    const product = await apronInTwoSizes(seller);
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const calls = countCalls(page, 'catalog.setVariations');
    await page.goto(`/dashboard/listings?edit=${product.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    await dialog.getByLabel('Quantity of M').fill('5');
    const save = dialog.getByRole('button', { name: 'Save variations' });
    await save.focus();
    await page.keyboard.press('Enter');
    // Said beside the button, one line replacing the last, and no toast (decision 0201).
    const status = dialog.getByRole('status');
    await status.filter({ hasText: 'Variations saved.' }).waitFor();
    await waitForFocus(save);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await status.filter({ hasText: 'No changes to save: variations are up to date.' }).waitFor();
    // 42 over 42.00 stores the same price.
    await dialog.getByLabel('Price of M').fill('42');
    await save.focus();
    await page.keyboard.press('Enter');
    await waitForFocus(save);
    await status.filter({ hasText: 'No changes to save' }).waitFor();
    expect(await toasts(page).count()).toBe(0);
    await screenshot(page, `variations-no-changes-${project}`);
    // A real change is saved.
    await dialog.getByLabel('Quantity of S').fill('7');
    await save.focus();
    await page.keyboard.press('Enter');
    await waitUntil(
      async () =>
        (await seller.caller.catalog.variations({ productId: product.id })).combinations.some(
          (c) => c.values[0] === 'S' && c.quantity === 7,
        ),
      { what: 'the changed quantity saved' },
    );
    await status.filter({ hasText: 'Variations saved.' }).waitFor();
    expect(calls()).toBe(2);
    expect(await toasts(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
}
