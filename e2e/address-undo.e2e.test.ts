// Deleting a saved address on /account happens at once, so its toast offers Undo: reached by
// keyboard (Alt+T takes focus to the toasts, Tab to Undo), it brings the address back as it was,
// still the default, and focus lands on it. Pressed twice (Enter, Enter while the toast fades), it
// restores the address once. At laptop and phone size.
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { countCalls, createUser, signedInPage, token, waitForFocus } from './fixtures';
import { type ProjectName, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** A shopper with two saved addresses, Home (the default) and Work, on /account. */
async function accountWithTwoAddresses(project: ProjectName) {
  const user = await createUser();
  const home = `${token()} Home Rd`;
  const work = `${token()} Work St`;
  const at = { name: 'Ada Lovelace', city: 'Leeds', postalCode: 'LS1 4AP', country: 'GB' };
  await user.caller.addresses.create({ address: { ...at, line1: work } });
  await user.caller.addresses.create({ address: { ...at, line1: home }, makeDefault: true });
  const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, user, project);
  await page.goto('/account');
  const item = (line1: string) => page.locator('li.address-item').filter({ hasText: line1 });
  await item(home).getByText('Default').waitFor();
  return { user, home, work, context, page, errors, item };
}

/**
 * Enter on "Delete address <line1>": the address goes, its toast offers Undo (returned), and focus
 * goes to the address that took its place (`next`), never to <body>.
 */
async function deleteByKeyboard(page: Page, item: (line1: string) => Locator, line1: string, next: string) {
  await page.getByRole('button', { name: `Delete address ${line1}` }).focus();
  await page.keyboard.press('Enter');
  await item(line1).waitFor({ state: 'detached' });
  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.waitFor();
  await waitForFocus(item(next));
  return undo;
}

/** Alt+T takes focus to the toasts, then Tab (at most six presses) to `undo`. */
async function focusUndo(page: Page, undo: Locator) {
  await page.keyboard.press('Alt+t');
  for (let i = 0; i < 6 && !(await undo.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await waitForFocus(undo);
}

for (const project of projectNames) {
  test(`${project}: Undo brings a deleted default address back as it was`, async () => {
    const { user, home, work, context, page, errors, item } = await accountWithTwoAddresses(project);

    const undo = await deleteByKeyboard(page, item, home, work);
    const toastEl = page.locator('[data-sonner-toast][data-mounted="true"]').filter({ hasText: 'Address deleted' });
    await toastEl.waitFor();
    await toastEl.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    await screenshot(page, `address-deleted-undo-${project}`);

    await focusUndo(page, undo);
    await page.keyboard.press('Enter');
    await item(home).waitFor();
    await item(home).getByText('Default').waitFor();
    await waitForFocus(item(home));
    await page.getByText('Address restored').waitFor();
    const saved = await user.caller.addresses.list();
    expect(saved.map((a) => [a.address.line1, a.isDefault])).toEqual([
      [home, true],
      [work, false],
    ]);
    await screenshot(page, `address-restored-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  });
}

for (const project of projectNames) {
  test(`${project}: Undo pressed twice restores the address once`, async () => {
    const { user, home, work, context, page, errors, item } = await accountWithTwoAddresses(project);
    const creates = countCalls(page, 'addresses.create');

    const undo = await deleteByKeyboard(page, item, home, work);
    await focusUndo(page, undo);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByText('Address restored').first().waitFor();
    await waitForFocus(item(home));
    // Once the toast has gone, no second "Address restored" can follow from the second press.
    await undo.waitFor({ state: 'detached' });
    expect(await page.getByText('Address restored').count()).toBe(1);
    expect(creates()).toBe(1);

    await page.reload();
    await item(work).waitFor();
    expect(await item(home).count()).toBe(1);
    const saved = await user.caller.addresses.list();
    expect(saved.map((a) => [a.address.line1, a.isDefault])).toEqual([
      [home, true],
      [work, false],
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
}
