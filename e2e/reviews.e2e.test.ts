// Reviews in a real browser: a buyer's order (placed through the API with tok_visa and moved to
// delivered by the seller) gets a review from the order page, which then shows on the product page;
// the seller answers it once. Also the seller's listings table: archive, find under "Archived",
// restore, and the listing is back in the shop.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import type { Browser } from 'playwright';
import { createProduct, createSeller, createUser, deliveredOrder, signedInPage, token } from './fixtures';
import { launchBrowser, newPage, type RunningApp, screenshot, startApp } from './harness';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

test('a buyer reviews a delivered item from the order page; it shows on the product page; the seller replies once', async () => {
  const seller = await createSeller();
  const product = await createProduct(seller, { title: `Tenmoku ${token()} tea bowl`, priceCents: 3600, quantity: 4 });
  const buyerUser = await createUser(undefined, 'Rae Reviewer');
  const orderId = await deliveredOrder(buyerUser, seller, product.id);

  const buyer = await signedInPage(browser, app.baseUrl, buyerUser);
  const page = buyer.page;
  await page.goto(`/orders/${orderId}`);
  await page.getByRole('heading', { name: `Order #${orderId}` }).waitFor();
  await page.getByRole('button', { name: 'Write a review' }).click();
  const form = page.getByRole('form', { name: `Review ${product.title}` });
  // Focus moves into the form: the first star.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('radio');

  // Nothing chosen: both fields say what is missing, and nothing is sent.
  await form.getByRole('button', { name: 'Post review' }).click();
  await form.getByText('Choose a rating from 1 to 5 stars').waitFor();
  await form.getByText('Write a few words about the item.', { exact: true }).waitFor();
  expect(await form.getByLabel('Your review').getAttribute('aria-invalid')).toBe('true');
  await screenshot(page, 'review-form-errors');

  // Keyboard: arrow keys move through the radio group.
  await form.getByRole('radio', { name: '5 stars, Excellent' }).check();
  await page.keyboard.press('ArrowLeft');
  expect(await form.getByRole('radio', { name: '4 stars, Very good' }).isChecked()).toBe(true);
  expect(await form.getByRole('radiogroup').count()).toBe(0); // a fieldset of radios, legend names it
  expect(await form.getByRole('group', { name: 'Your rating' }).count()).toBe(1);
  const text = 'Holds the heat beautifully and the glaze is even deeper in daylight.';
  await form.getByLabel('Your review').fill(text);
  await form.getByText(`${text.length} / 2,000 characters`).waitFor();
  expect(await form.getByLabel('Your review').getAttribute('maxlength')).toBe('2000');
  await screenshot(page, 'review-form');
  await form.getByRole('button', { name: 'Post review' }).click();

  await page.getByText('Thanks! Your review is on the product page.').waitFor();
  const done = page.getByRole('status').filter({ hasText: 'You reviewed this' });
  await done.waitFor();
  expect(await done.getByRole('img', { name: /Rated 4\.0 out of 5/ }).count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Write a review' }).count()).toBe(0);
  await screenshot(page, 'order-reviewed');

  // A reload keeps it: the order DTO says the line is reviewed.
  await page.reload();
  await page.getByText('You reviewed this').waitFor();
  expect(await page.getByRole('button', { name: 'Write a review' }).count()).toBe(0);

  await page.getByRole('link', { name: 'See it on the product page' }).click();
  await page.getByRole('heading', { name: product.title }).waitFor();
  const reviews = page.getByRole('region', { name: 'Reviews' });
  const mine = reviews.getByRole('article', { name: 'Review by Rae R.' });
  await mine.getByText(text).waitFor();
  expect(await reviews.getByRole('img', { name: 'Rated 4.0 out of 5, 1 review' }).count()).toBe(1);
  // The product page has the same breakdown and sort as the shop page.
  const bars = reviews.getByRole('list', { name: 'Ratings by stars' });
  expect(await bars.getByText('1 review with 4 stars').count()).toBe(1);
  await reviews.getByLabel('Sort by').selectOption('lowest');
  await mine.getByText(text).waitFor();
  // Buyers do not get a reply button.
  expect(await mine.getByRole('button', { name: /Reply/ }).count()).toBe(0);
  await mine.scrollIntoViewIfNeeded();
  await screenshot(page, 'product-review');

  // The shop's seller answers, once.
  const sellerSession = await signedInPage(browser, app.baseUrl, seller);
  const sp = sellerSession.page;
  await sp.goto(`/product/${product.id}`);
  const theirs = sp.getByRole('region', { name: 'Reviews' }).getByRole('article', { name: 'Review by Rae R.' });
  await theirs.getByRole('button', { name: 'Reply to Rae R.’s review' }).click();
  const replyForm = theirs.getByRole('form', { name: 'Reply to this review' });
  await replyForm.getByRole('button', { name: 'Post reply' }).click();
  await replyForm.getByText('Write a reply.', { exact: true }).waitFor();
  await replyForm.getByLabel('Your public reply').fill('Thank you, Rae! Enjoy many pots of tea.');
  await theirs.scrollIntoViewIfNeeded();
  await screenshot(sp, 'product-review-reply-form');
  await replyForm.getByRole('button', { name: 'Post reply' }).click();
  await theirs.getByText('Reply from the shop:').waitFor();
  await theirs.getByText('Thank you, Rae! Enjoy many pots of tea.').waitFor();
  expect(await theirs.getByRole('button', { name: /Reply/ }).count()).toBe(0);
  await screenshot(sp, 'product-review-replied');

  // The buyer sees the reply too.
  await page.reload();
  await mine.getByText('Thank you, Rae! Enjoy many pots of tea.').waitFor();

  expect(buyer.errors).toEqual([]);
  expect(sellerSession.errors).toEqual([]);
  await Promise.all([buyer.context.close(), sellerSession.context.close()]);
});

test('the seller finds an archived listing under "Archived" and restores it to the shop', async () => {
  const seller = await createSeller();
  const word = token();
  const keep = await createProduct(seller, { title: `Linen ${word} apron`, priceCents: 4200, quantity: 5 });
  const gone = await createProduct(seller, { title: `Walnut ${word} spoon`, priceCents: 1800, quantity: 2 });
  await seller.caller.catalog.archiveProduct({ productId: gone.id });

  const { context, page, errors } = await signedInPage(browser, app.baseUrl, seller);
  await page.goto('/dashboard/listings');
  const filters = page.getByRole('group', { name: 'Show listings' });
  await page.getByRole('link', { name: keep.title }).waitFor();
  expect(await page.getByRole('link', { name: gone.title }).count()).toBe(0);
  expect(await filters.getByRole('button', { name: 'Active 1' }).getAttribute('aria-pressed')).toBe('true');

  await filters.getByRole('button', { name: 'Archived 1' }).click();
  await page.getByRole('link', { name: gone.title }).waitFor();
  expect(await page.getByRole('link', { name: keep.title }).count()).toBe(0);
  await screenshot(page, 'dashboard-listings-archived');

  await page.getByRole('button', { name: `Restore ${gone.title}` }).click();
  await page.getByText(`“${gone.title}” is back on sale`).waitFor();
  await page.getByText('Nothing archived. Listings you archive wait here until you restore them.').waitFor();
  await filters.getByRole('button', { name: 'All 2' }).click();
  await page.getByRole('link', { name: gone.title }).waitFor();
  await page.getByRole('link', { name: keep.title }).waitFor();
  await screenshot(page, 'dashboard-listings-all');

  // Back on sale: the public product page and the shop list it again.
  const shopper = await newPage(browser, app.baseUrl);
  await shopper.page.goto(`/product/${gone.id}`);
  await shopper.page.getByRole('button', { name: 'Add to cart' }).waitFor();
  expect(await shopper.page.getByTestId('availability').textContent()).toContain('Only 2 left');
  expect(await shopper.page.getByText('This listing is no longer for sale.').count()).toBe(0);
  await shopper.context.close();
  const shopPage = await seller.caller.catalog.shopProducts({ shopId: seller.shopId });
  expect(shopPage.items.map((i) => i.id).sort()).toEqual([keep.id, gone.id].sort());
  expect(errors).toEqual([]);
  await context.close();
});
