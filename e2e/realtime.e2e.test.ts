// Two shoppers race for a one-of-a-kind item in two browsers. Exactly one gets it into their cart;
// the other sees it is in someone's cart (not "sold out": it may come back), and a third shopper
// merely looking at the page sees that change live.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, createUser, signedInPage, token } from './fixtures';
import { newPage, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

test('two browsers race for a one-of-a-kind item; the loser and an onlooker see it go into someone’s cart live', async () => {
  const seller = await createSeller();
  const teapot = await createProduct(seller, { title: `One-off teapot ${token()}`, quantity: 1 });
  const [alice, bob] = [await createUser(), await createUser()];
  const a = await signedInPage(e2e.browser, e2e.app.baseUrl, alice);
  const b = await signedInPage(e2e.browser, e2e.app.baseUrl, bob);
  const onlooker = await newPage(e2e.browser, e2e.app.baseUrl);

  for (const { page } of [a, b, onlooker]) {
    await page.goto(`/product/${teapot.id}`);
    await page.getByText('Only 1 left — one of a kind').waitFor();
  }

  await Promise.all([
    a.page.getByRole('button', { name: 'Add to cart' }).click(),
    b.page.getByRole('button', { name: 'Add to cart' }).click(),
  ]);

  // Wait until both pages have settled: one shows "View in cart", the other "In someone’s cart".
  const settled = (page: typeof a.page) =>
    page
      .getByRole('link', { name: /View in cart/ })
      .or(page.getByRole('button', { name: 'In someone’s cart' }))
      .first()
      .waitFor();
  await Promise.all([settled(a.page), settled(b.page)]);

  // Exactly one cart holds it.
  const carts = await Promise.all([alice.caller.cart.get(), bob.caller.cart.get()]);
  expect(carts.map((c) => c.itemCount).sort()).toEqual([0, 1]);
  const [winner, loser] = carts[0].itemCount === 1 ? [a, b] : [b, a];

  await winner.page.getByRole('link', { name: /View in cart/ }).waitFor();
  await loser.page.getByRole('button', { name: 'In someone’s cart' }).waitFor();
  await loser.page.getByText(/may free up/).waitFor();
  // The onlooker never reloaded: the change arrived over inventory.watch.
  await onlooker.page.getByRole('button', { name: 'In someone’s cart' }).waitFor();
  await screenshot(loser.page, 'product-in-someones-cart');
  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]);
  await Promise.all([a.context.close(), b.context.close(), onlooker.context.close()]);
});
