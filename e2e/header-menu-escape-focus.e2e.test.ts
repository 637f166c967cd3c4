// Found by a walk at 1366×900 and 390×844, keyboard only: Escape in the Account menu (Tab to
// "Account menu", Enter, Tab to "Favourites", Escape) closed it and focus fell to <body>, so the next
// Tab started again at "Skip to content". Escape now puts focus back on the menu's button, as the
// notification bell's panel already did (checked here too).
import { expect, test } from 'bun:test';
import { createUser, signedInPage, tabTo, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: Escape from a link in a header menu closes it and focus returns to its button`, async () => {
    const buyer = await createUser();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();

    const bell = page.getByRole('button', { name: 'Notifications', exact: true });
    const settings = page.getByRole('link', { name: 'Email settings' });
    await tabTo(page, bell);
    await page.keyboard.press('Enter');
    await tabTo(page, settings, 10);
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });
    await waitForFocus(bell);
    const account = page.getByRole('button', { name: 'Account menu' });
    const favourites = page.locator('.menu-panel').getByRole('link', { name: 'Favourites' });
    await tabTo(page, account, 10);
    await page.keyboard.press('Enter');
    await tabTo(page, favourites, 10);
    await page.keyboard.press('Escape');
    await favourites.waitFor({ state: 'detached' });
    await waitForFocus(account);
    expect(await account.getAttribute('aria-expanded')).toBe('false');
    await screenshot(page, `account-menu-escape-${project}`);

    expect(errors).toEqual([]);
    await context.close();
  });
}
