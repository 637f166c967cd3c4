// The account page's address book by keyboard only: "+ Add an address" opens the form on its first
// field, Cancel hands focus back to the button that opened the form, and saving, editing, making
// default and deleting leave focus on the address concerned (never on <body>, from where the next
// Tab starts again at "Skip to content"). A postal code over 12 characters is refused in words
// that name the field, in the form and from the server. At laptop and phone size.
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { createUser, signedInPage, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

async function pressEnterOn(page: Page, control: Locator) {
  await control.focus();
  await page.keyboard.press('Enter');
}

const RAW_ZOD = /Too (big|small)|Invalid input|expected string|Invalid string/;

for (const project of projectNames) {
  test(`${project}: address book focus follows the form, and a long postal code is refused in words`, async () => {
    const user = await createUser();
    const street = `${token()} Market St`;
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, user, project);
    await page.goto('/account');
    await page.getByText('No saved addresses yet').waitFor();
    const add = page.getByRole('button', { name: '+ Add an address' });
    const form = page.getByRole('form', { name: 'New address' });

    // Opening the form lands on its first field; Cancel returns to the button that opened it.
    await pressEnterOn(page, add);
    await waitForFocus(form.getByLabel('Full name'));
    await pressEnterOn(page, form.getByRole('button', { name: 'Cancel' }));
    await form.waitFor({ state: 'detached' });
    await waitForFocus(add);

    // A postal code one character too long: the field says so in words, nothing is saved.
    await pressEnterOn(page, add);
    await waitForFocus(form.getByLabel('Full name'));
    await page.keyboard.type('Ada Lovelace');
    await form.getByLabel('Address line 1').fill(street);
    await form.getByLabel('City').fill('Leeds');
    await form.getByLabel('Country').selectOption('GB');
    await form.getByLabel('Postal code').fill('LS1 4AP-99999');
    await pressEnterOn(page, form.getByRole('button', { name: 'Save address' }));
    await form.getByText('Postal code must be 12 characters or fewer.').waitFor();
    await waitForFocus(form.getByLabel('Postal code'));
    expect(await page.locator('main').textContent()).not.toMatch(RAW_ZOD);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `address-book-postal-code-${project}`);
    // The server's answer to the same address reads the same.
    const refused = await user.caller.addresses
      .create({ address: { name: 'Ada', line1: street, city: 'Leeds', postalCode: 'LS1 4AP-99999', country: 'GB' } })
      .then(
        () => '',
        (e: Error) => e.message,
      );
    expect(refused).toContain('Postal code must be 12 characters or fewer.');
    expect(refused).not.toMatch(RAW_ZOD);
    expect(await user.caller.addresses.list()).toEqual([]);

    // Saved: focus on the new address.
    await form.getByLabel('Postal code').fill('LS1 4AP');
    await pressEnterOn(page, form.getByRole('button', { name: 'Save address' }));
    const item = (line1: string) => page.locator('li.address-item').filter({ hasText: line1 });
    await waitForFocus(item(street));
    await screenshot(page, `address-book-saved-focus-${project}`);

    // Edit opens on the first field; Cancel returns to that address's Edit button.
    const edit = page.getByRole('button', { name: `Edit address ${street}` });
    await pressEnterOn(page, edit);
    const editForm = page.getByRole('form', { name: 'Edit address' });
    await waitForFocus(editForm.getByLabel('Full name'));
    await pressEnterOn(page, editForm.getByRole('button', { name: 'Cancel' }));
    await waitForFocus(edit);
    // Edited and saved: focus on the edited address.
    const moved = `${token()} Harbour Rd`;
    await pressEnterOn(page, edit);
    await editForm.getByLabel('Address line 1').fill(moved);
    await pressEnterOn(page, editForm.getByRole('button', { name: 'Save address' }));
    await waitForFocus(item(moved));

    // A second address, made default (it moves to the top): focus follows it.
    const second = `${token()} Mill Lane`;
    await pressEnterOn(page, add);
    await waitForFocus(form.getByLabel('Full name'));
    await page.keyboard.type('Ada Lovelace');
    await form.getByLabel('Address line 1').fill(second);
    await form.getByLabel('City').fill('York');
    await form.getByLabel('Country').selectOption('GB');
    await form.getByLabel('Postal code').fill('YO1 7HH');
    await pressEnterOn(page, form.getByRole('button', { name: 'Save address' }));
    await waitForFocus(item(second));
    await pressEnterOn(page, item(second).getByRole('button', { name: 'Make default' }));
    await item(second).getByText('Default', { exact: true }).waitFor();
    await waitForFocus(item(second));

    // Deleted: focus on the address that took its place, then on "+ Add an address".
    await pressEnterOn(page, page.getByRole('button', { name: `Delete address ${second}` }));
    await item(second).waitFor({ state: 'detached' });
    await waitForFocus(item(moved));
    await pressEnterOn(page, page.getByRole('button', { name: `Delete address ${moved}` }));
    await page.getByText('No saved addresses yet').waitFor();
    await waitForFocus(add);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).not.toBe('Skip to content');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
}
