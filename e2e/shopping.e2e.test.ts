// Shopper journeys in a real browser against the real server: search with a synonym and a facet,
// a cart from two shops, checkout with tok_visa producing two orders, and a declined card.
import { expect, test } from 'bun:test';
import {
  createProduct,
  createSeller,
  createUser,
  fillShippingAddress,
  signedInPage,
  token,
  waitForSearchHit,
} from './fixtures';
import { newPage, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/**
 * The page's word for "n listings match every word": the result count when nothing else matched,
 * or the partial-match note when listings matching only some words follow (other tests' sweaters).
 */
const matchingEveryWord = (n: number) => new RegExp(`^${n} results?\\b|^${n} listings? match(es)? every word`);

test('search finds a "sweater" when asked for a "jumper", and the wool facet narrows it', async () => {
  const word = token();
  const seller = await createSeller();
  const sweater = await createProduct(seller, {
    title: `Chunky ${word} sweater`,
    categorySlug: 'sweaters',
    materials: ['wool'],
    tags: ['knitwear'],
  });
  const light = await createProduct(seller, {
    title: `Light ${word} sweater`,
    categorySlug: 'sweaters',
    materials: ['cotton'],
  });

  const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl);
  await waitForSearchHit(page, `/search?q=${word}+jumper`, sweater.title);
  await waitForSearchHit(page, `/search?q=${word}+jumper`, light.title);
  await page.getByText(matchingEveryWord(2)).first().waitFor();
  await screenshot(page, 'search');

  await page.getByRole('checkbox', { name: /^wool\b/i }).click();
  await page.waitForURL(/material=wool/);
  await page.getByRole('checkbox', { name: /^wool\b/i, checked: true }).waitFor();
  await page.getByText(matchingEveryWord(1)).first().waitFor();
  expect(await page.getByRole('link', { name: /Light .* sweater/ }).count()).toBe(0);
  await page.getByRole('link', { name: sweater.title }).waitFor();

  // The filter lives in the URL: back removes it, forward restores it.
  await page.goBack();
  await page.getByText(matchingEveryWord(2)).first().waitFor();
  await page.goForward();
  await page.getByText(matchingEveryWord(1)).first().waitFor();
  await context.close();
});

test('a cart from two shops checks out with tok_visa into two orders', async () => {
  const [a, b] = [await createSeller(), await createSeller()];
  const mug = await createProduct(a, { title: `Speckled mug ${token()}`, priceCents: 2800 });
  const scarf = await createProduct(b, { title: `Wool scarf ${token()}`, priceCents: 4500, categorySlug: 'scarves' });
  const buyer = await createUser();
  const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer);

  for (const p of [mug, scarf]) {
    await page.goto(`/product/${p.id}`);
    await page.getByRole('heading', { name: p.title }).waitFor();
    if (p === mug) await screenshot(page, 'product');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('link', { name: /View in cart/ }).waitFor();
  }
  await page.getByRole('link', { name: 'Cart, 2 items' }).click();
  await page.getByRole('region', { name: `Items from ${a.shop.name}` }).waitFor();
  await page.getByRole('region', { name: `Items from ${b.shop.name}` }).waitFor();
  await screenshot(page, 'cart');

  await page.getByRole('link', { name: 'Proceed to checkout' }).click();
  await fillShippingAddress(page);
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.getByLabel(/Visa ending 4242/).check();
  await page.getByRole('button', { name: 'Review order' }).click();
  const place = page.getByRole('button', { name: /Place order ·/ });
  await place.waitFor();
  await screenshot(page, 'checkout-review');
  await place.click();
  await page.getByText('Your 2 orders are placed').waitFor();
  await screenshot(page, 'checkout-confirmation');

  await page.getByRole('link', { name: 'View your orders' }).click();
  const orders = page.getByRole('list', { name: 'Orders' }).getByRole('listitem');
  await orders.first().waitFor();
  expect(await orders.count()).toBe(2);
  await page.getByText(a.shop.name).waitFor();
  await page.getByText(b.shop.name).waitFor();
  await screenshot(page, 'orders');
  expect(errors).toEqual([]);
  await context.close();
});

test('a declined card is explained, nothing is ordered, and another card succeeds', async () => {
  const seller = await createSeller();
  const vase = await createProduct(seller, { title: `Bud vase ${token()}`, categorySlug: 'vases' });
  const buyer = await createUser();
  await buyer.caller.cart.addItem({ productId: vase.id, quantity: 1 });
  const { context, page } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer);

  await page.goto('/checkout');
  await fillShippingAddress(page);
  // Keyboard only from here: Enter submits each step.
  await page.getByLabel('Postal code').press('Enter');
  await page.getByLabel(/Card that is declined/).check();
  await page.getByLabel(/Card that is declined/).press('Enter');
  await page.getByRole('button', { name: /Place order ·/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('Your card was declined').waitFor();
  await screenshot(page, 'checkout-declined');
  expect((await buyer.caller.orders.list({})).items.length).toBe(0);

  await page.getByRole('link', { name: 'Use a different card' }).click();
  await page.getByLabel(/Visa ending 4242/).check();
  await page.getByRole('button', { name: 'Review order' }).click();
  await page.getByRole('button', { name: /Place order ·/ }).click();
  await page.getByText('Your order is placed').waitFor();
  expect((await buyer.caller.orders.list({})).items.length).toBe(1);
  await context.close();
});
