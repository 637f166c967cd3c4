// A seller's double press sends one request, at laptop and phone size: a double click on "Go on
// vacation" or "I'm back: open the shop", three quick Enters on shop settings' "Save changes"
// (the busy state shows only after React renders, later than a second press can come). Two Enters
// on "I'm back" leave the shop open (focus does not land on "Go on vacation" in its place). "Save
// variations" in the Edit listing dialog keeps keyboard focus although the editor is rebuilt.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { apronInTwoSizes, countCalls, createSeller, signedInPage, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** Hold `procedure`'s requests until release(): a slow network, so every press lands while it is in flight. */
async function holdCalls(page: Page, procedure: string): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((r) => {
    release = r;
  });
  await page.route(`**/trpc/${procedure}**`, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

for (const project of projectNames) {
  test(`${project}: a double click on "Go on vacation" and on "I'm back" sends one request each`, async () => {
    const seller = await createSeller();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const calls = countCalls(page, 'shops.setVacation');
    await page.goto('/dashboard/shop');
    const card = page.getByRole('region', { name: /Vacation mode/ });
    await card.getByLabel('Message for shoppers').fill('At the winter fair, back soon!');
    await card.getByRole('button', { name: 'Go on vacation' }).dblclick();
    await card.getByText(/On vacation since/).waitFor();
    const awayToasts = page.locator('[data-sonner-toast]', { hasText: 'Your shop is on vacation' });
    await awayToasts.first().waitFor();
    expect(calls()).toBe(1);
    expect(await awayToasts.count()).toBe(1);

    await card.getByRole('button', { name: 'I’m back: open the shop' }).dblclick();
    await card.getByRole('button', { name: 'Go on vacation' }).waitFor();
    await page.locator('[data-sonner-toast]', { hasText: 'Welcome back!' }).first().waitFor();
    expect(calls()).toBe(2);
    expect((await seller.caller.shops.mine())?.vacation).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: Enter on "Go on vacation" again once it answered sends nothing and shows one toast`, async () => {
    const seller = await createSeller();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const calls = countCalls(page, 'shops.setVacation');
    await page.goto('/dashboard/shop');
    const card = page.getByRole('region', { name: /Vacation mode/ });
    await card.getByLabel('Message for shoppers').fill('At the winter fair, back soon!');
    await card.getByRole('button', { name: 'Go on vacation' }).focus();
    await page.keyboard.press('Enter');
    await card.getByText(/On vacation since/).waitFor();
    const awayToasts = page.locator('[data-sonner-toast]', { hasText: 'Your shop is on vacation' });
    await awayToasts.first().waitFor();
    // The second press of a slow double Enter: focus is still on the button, now "Update vacation".
    await waitForFocus(card.getByRole('button', { name: 'Update vacation' }));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // Nothing changed: the form's one toast says so in the words every seller form uses.
    const upToDate = page.locator('[data-sonner-toast]', {
      hasText: 'No changes to save: your vacation is up to date.',
    });
    await upToDate.waitFor();
    expect(await page.locator('[data-sonner-toast]').count()).toBe(1);
    expect(calls()).toBe(1);
    // A third press after a change does save it.
    await card.getByLabel('Message for shoppers').fill('At the winter fair, back on Monday!');
    await card.getByRole('button', { name: 'Update vacation' }).focus();
    await page.keyboard.press('Enter');
    await waitUntil(
      async () => (await seller.caller.shops.mine())?.vacation?.message === 'At the winter fair, back on Monday!',
      {
        what: 'the changed message saved',
      },
    );
    await awayToasts.first().waitFor();
    expect(calls()).toBe(2);
    expect(await awayToasts.count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: Enter twice on "I'm back" leaves the shop open`, async () => {
    const seller = await createSeller();
    const shop = (await seller.caller.shops.mine())!;
    await seller.caller.shops.setVacation({ shopId: shop.id, on: true, message: 'Away at the kiln', returnsOn: null });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const calls = countCalls(page, 'shops.setVacation');
    await page.goto('/dashboard/shop');
    const card = page.getByRole('region', { name: /Vacation mode/ });
    const back = card.getByRole('button', { name: 'I’m back: open the shop' });
    await back.focus();
    await page.keyboard.press('Enter');
    // Once the shop is open, focus is on something a second Enter does not submit.
    await card.getByRole('button', { name: 'Go on vacation' }).waitFor();
    await waitUntil(() => page.evaluate(() => document.activeElement !== document.body), { what: 'focus placed' });
    await page.keyboard.press('Enter');
    await waitForFocus(card.getByRole('heading', { name: 'Vacation mode' }));
    await screenshot(page, `vacation-back-focus-${project}`);
    // Nothing more was sent, and the shop stays open.
    expect(calls()).toBe(1);
    expect(await card.getByText(/On vacation since/).count()).toBe(0);
    expect((await seller.caller.shops.mine())?.vacation).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: a real double Enter on "I'm back" (100 ms apart) leaves the shop open`, async () => {
    const seller = await createSeller();
    const shop = (await seller.caller.shops.mine())!;
    await seller.caller.shops.setVacation({ shopId: shop.id, on: true, message: 'Away at the kiln', returnsOn: null });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/shop');
    const card = page.getByRole('region', { name: /Vacation mode/ });
    await card.getByRole('button', { name: 'I’m back: open the shop' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(100); // the gap of a double press: the input, not a wait for the app
    await page.keyboard.press('Enter');
    await card.getByRole('button', { name: 'Go on vacation' }).waitFor();
    await page.locator('[data-sonner-toast]', { hasText: 'Welcome back!' }).first().waitFor();
    await waitUntil(async () => !(await page.evaluate(() => document.querySelector('[aria-busy="true"]'))), {
      what: 'no button busy',
    });
    expect(await card.getByText(/On vacation since/).count()).toBe(0);
    expect((await seller.caller.shops.mine())?.vacation).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: three quick Enters on shop settings "Save changes" send one update`, async () => {
    const seller = await createSeller();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const calls = countCalls(page, 'shops.update');
    const release = await holdCalls(page, 'shops.update');
    await page.goto('/dashboard/shop');
    const settings = page.getByRole('form', { name: 'Shop settings' });
    await settings.getByLabel('Tagline').fill('Small-batch stoneware');
    await settings.getByRole('button', { name: 'Save changes' }).focus();
    for (let i = 0; i < 3; i++) {
      if (i) await page.waitForTimeout(15); // the gap between presses: the input
      await page.keyboard.press('Enter');
    }
    await waitUntil(async () => calls() > 0, { what: 'the update sent' });
    // Presses that got through before the busy state rendered were sent by now as well.
    await settings.getByRole('button', { name: /Saving/ }).waitFor();
    release();
    await page.getByText('Shop updated').first().waitFor();
    await settings.getByRole('button', { name: 'Save changes' }).waitFor();
    expect(calls()).toBe(1);
    expect(await page.locator('[data-sonner-toast]', { hasText: 'Shop updated' }).count()).toBe(1);
    expect((await seller.caller.shops.mine())?.tagline).toBe('Small-batch stoneware');
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: Save variations keeps keyboard focus on its button`, async () => {
    const seller = await createSeller();
    const product = await apronInTwoSizes(seller);
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/listings?edit=${product.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const quantity = dialog.getByLabel('Quantity of M');
    await quantity.waitFor();
    await quantity.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('5');
    const save = dialog.getByRole('button', { name: 'Save variations' });
    await save.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Variations saved').first().waitFor();
    await waitForFocus(dialog.getByRole('button', { name: 'Save variations' }));
    await screenshot(page, `variations-save-focus-${project}`);
    const saved = await seller.caller.catalog.variations({ productId: product.id });
    expect(saved.combinations.map((c) => c.quantity)).toEqual([2, 5]);
    expect(errors).toEqual([]);
    await context.close();
  });
}
