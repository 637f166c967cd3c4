// A change made while the browser is offline (found by a walk: "Ask a question" sat on "Sending…"
// with no word why, react-query having paused the call until the network came back) fails at once
// and tells the shopper, and works when they try again online. Phone and desktop, keyboard only.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, createUser, signedInPage, token } from './fixtures';
import { projectNames, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: Add to cart while offline says so, and works once back online`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Offline ${token()} jug` });
    const { context, page } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await page.goto(`/product/${product.id}`);
    await page.getByRole('heading', { name: product.title }).waitFor();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Add to cart' }).press('Enter');
    await page.getByText('You appear to be offline. Check your connection and try again.').first().waitFor();
    expect(await page.getByRole('link', { name: /View in cart/ }).count()).toBe(0);
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Add to cart' }).press('Enter');
    await page.getByRole('link', { name: /View in cart/ }).waitFor();
    await context.close();
  }, 60_000);
}
