// A seller changes a price while the buyer shops: the cart says what the line was when added, and
// a price raised after the review step is never charged silently: the checkout shows old -> new
// and the buyer confirms the new total (on a phone, where the notice must fit).
import { expect, test } from 'bun:test';
import { createProduct, createSeller, createUser, fillShippingAddress, signedInPage, token } from './fixtures';
import { screenshot, setupE2E } from './harness';

const e2e = setupE2E();

test('a price raised after review is shown old -> new and charged only once the buyer confirms it', async () => {
  const seller = await createSeller();
  const mug = await createProduct(seller, { title: `Ash glaze mug ${token()}`, priceCents: 2400, quantity: 5 });
  const buyer = await createUser();
  await buyer.caller.cart.addItem({ productId: mug.id, quantity: 1 });
  await seller.caller.catalog.updateProduct({ productId: mug.id, priceCents: 2500 });
  const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, 'phone');

  await page.goto('/cart');
  const line = page.getByRole('listitem', { name: mug.title });
  await line.getByText('$25.00 each').waitFor();
  await line.getByText('(was $24.00)').waitFor();
  await screenshot(page, 'cart-price-moved');

  await page.getByRole('link', { name: 'Proceed to checkout' }).click();
  await fillShippingAddress(page);
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.getByLabel(/Visa ending 4242/).check();
  await page.getByRole('button', { name: 'Review order' }).click();
  const place = page.getByRole('button', { name: /Place order · \$30\.00/ }); // $25 + $5 shipping, no OR tax
  await place.waitFor();

  // The seller raises the price again while the buyer reads the review.
  await seller.caller.catalog.updateProduct({ productId: mug.id, priceCents: 2900 });
  await place.click();
  const notice = page.getByRole('alert').filter({ hasText: 'Prices changed since you reviewed your order' });
  await notice.waitFor();
  await notice.getByText(`${mug.title}: $25.00 → $29.00 each`).waitFor();
  await notice.getByText('Total: $30.00 → $34.00').waitFor();
  await screenshot(page, 'checkout-price-changed');
  expect((await buyer.caller.orders.list({})).items).toEqual([]);

  await page.getByRole('button', { name: 'Confirm new total · $34.00' }).click();
  await page.getByText('Your order is placed').waitFor();
  const [order] = (await buyer.caller.orders.list({})).items;
  expect(order?.totalCents).toBe(3400);
  expect(errors).toEqual([]);
  await context.close();
});
