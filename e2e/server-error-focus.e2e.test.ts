// An error the server finds lands where the browser's own check would put it: on the field, with
// focus there, so a keyboard user reads the message where they type. A wrong current password on
// /account, a return window of 0 days on the storefront (the form sends it; the server refuses it).
// Keyboard only, at laptop and phone size.
import { expect, test } from 'bun:test';
import { createSeller, createUser, signedInPage, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: a wrong current password focuses Current password`, async () => {
    const user = await createUser();
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, user, project);
    await page.goto('/account');
    const form = page.locator('form').filter({ has: page.getByLabel('New password again') });
    await form.getByLabel('Current password').fill('not my password');
    await form.getByLabel('New password', { exact: true }).fill('a brand new secret');
    await form.getByLabel('New password again').fill('a brand new secret');
    await form.getByLabel('New password again').press('Enter');
    await form.getByText('That password is not right.').waitFor();
    await waitForFocus(form.getByLabel('Current password'));
    await screenshot(page, `password-error-focus-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: a return window the server refuses focuses that field`, async () => {
    const seller = await createSeller();
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/storefront');
    const returns = page.getByRole('checkbox', { name: 'I accept returns' });
    await returns.focus();
    if (!(await returns.isChecked())) await page.keyboard.press('Space');
    const days = page.getByLabel('Within how many days of delivery');
    await days.fill('0');
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await save.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Allow at least 1 day.').waitFor();
    await waitForFocus(days);
    await screenshot(page, `return-window-focus-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  });
}
