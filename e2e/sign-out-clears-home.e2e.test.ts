// Found by a walk at 1366×900 and 390×844, keyboard only: after Sign out on the home page the
// header said "Sign in" but the page still said "WELCOME, <name>" above its heading and kept the
// shopper's own feed. Signing out now leaves nothing of the shopper on screen: the greeting, the
// personal sections ("Because you favourited …") and the header's counts go with the session.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, createUser, signedInPage, tabTo, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: Sign out on the home page clears the greeting and the personal feed`, async () => {
    const seller = await createSeller();
    const look = { categorySlug: 'teapots', materials: ['stoneware'], tags: ['teapot'] };
    const saved = await createProduct(seller, { ...look, title: `Signout teapot ${token()}` });
    for (let i = 0; i < 3; i++) await createProduct(seller, { ...look, priceCents: 2500 + i * 100 });
    const user = await createUser(undefined, `Wren ${token()}`);
    await user.caller.favorites.toggleProduct({ productId: saved.id, favorited: true });
    const { page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, user, project);
    await page.goto('/');
    const heading = page.getByRole('heading', { level: 1, name: /Things with a story/ });
    await heading.waitFor();
    const firstName = user.name.split(' ')[0]!;
    const main = page.locator('#main');
    await main.getByText(new RegExp(`Welcome.*${firstName}`, 'i')).waitFor();
    const personal = main.getByRole('heading', { name: `Because you favourited ${saved.title}` });
    await personal.waitFor();

    await tabTo(page, page.getByRole('button', { name: 'Account menu' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Sign out' }), 20);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await waitForFocus(heading);
    await main.getByText('Made by hand, found with care').waitFor();
    await personal.waitFor({ state: 'detached' });
    expect(await main.getByText(firstName).count()).toBe(0);
    expect(await main.getByText(/welcome/i).count()).toBe(0);
    await screenshot(page, `sign-out-clears-home-${project}`);
    expect(errors).toEqual([]);
  }, 150_000);
}
