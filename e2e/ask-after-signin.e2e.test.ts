// Found by a walk at 1366×900 and 390×844: "Ask a question" on a listing while signed out led to a
// plain Sign in page that did not say why, and after signing in the shopper was back on the
// listing with the question dialog closed, to find and press again. Sign in now says "Sign in to
// message <shop>", and after signing in the listing opens with the question dialog open and focus
// in its message box. Keyboard only.
import { expect, test } from 'bun:test';
import { TEST_PASSWORD } from '../src/server/test/factories';
import { createProduct, createSeller, createUser, tabTo, token, waitForFocus } from './fixtures';
import { newPage, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: a signed-out "Ask a question" says why on Sign in and reopens the question after`, async () => {
    const seller = await createSeller();
    const title = `Question jug ${token()}`;
    const product = await createProduct(seller, { title });
    const buyer = await createUser();
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/listing/${product.id}`);
    await tabTo(page, page.getByRole('button', { name: 'Ask a question' }));
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/signin');
    const why = page.getByRole('heading', { level: 1, name: `Sign in to message ${seller.shop.name}` });
    await why.waitFor();
    await waitForFocus(why);
    await screenshot(page, `ask-signin-${project}`);

    await tabTo(page, page.getByLabel('Email'));
    await page.keyboard.type(buyer.email);
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname.startsWith(`/listing/${product.id}`));
    const dialog = page.getByRole('dialog', { name: `Message ${seller.shop.name}` });
    await dialog.waitFor();
    await waitForFocus(dialog.getByLabel('Your message'));
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    await screenshot(page, `ask-reopened-${project}`);
    await page.keyboard.type('Does it come in blue?');
    await page.keyboard.press('Tab');
    // Send: the question goes, as if the shopper had never been away.
    await tabTo(page, dialog.getByRole('button', { name: /Send/ }), 6);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname.startsWith('/messages/'));
    await page.getByText('Does it come in blue?').first().waitFor();
    // Back on the listing, the question is not asked again.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    expect(await dialog.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);
}
