// "Show more reviews" with the keyboard (found by a walk): each press dropped focus to <body>,
// because the button was disabled while the next page loaded, so the next Tab started again at
// "Skip to content". Focus now stays on the button; when the last page removes it, focus goes to
// the first review that page brought. On the product page and on the shop page, at both sizes.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { createOrderFixture } from '../src/server/modules/reviews/test-orders';
import { testDeps } from '../src/server/test/test-services';
import { createProduct, createSeller, createUser, token, waitForFocus } from './fixtures';
import { newPage, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** `count` delivered purchases of `productId`, each reviewed by its own buyer. */
async function reviewed(productId: number, count: number) {
  for (let i = 0; i < count; i++) {
    const buyer = await createUser(testDeps(), `Reviewer ${i}`);
    const [order] = await createOrderFixture(testDeps(), buyer.id, [{ productId }]);
    await buyer.caller.reviews.create({ orderId: order!.orderId, productId, rating: 5, text: `Review ${i}` });
  }
}

/** Presses "Show more reviews" with Enter and waits until `shown` reviews are on the page. */
async function showMore(page: Page, shown: number) {
  const button = page.getByRole('button', { name: /Show more reviews/ });
  await button.focus();
  await page.keyboard.press('Enter');
  await page
    .locator('article.review')
    .nth(shown - 1)
    .waitFor();
}

for (const project of projectNames) {
  test(`${project}: "Show more reviews" keeps keyboard focus, then hands it to the first new review`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Celadon ${token()} cup`, priceCents: 2400, quantity: 50 });
    await reviewed(product.id, 21);
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);

    await page.goto(`/product/${product.id}`);
    await page.getByRole('button', { name: 'Show more reviews (11 more)' }).waitFor();
    await showMore(page, 20);
    const button = page.getByRole('button', { name: 'Show more reviews (1 more)' });
    await waitForFocus(button);
    await showMore(page, 21);
    await expect(page.getByRole('button', { name: /Show more reviews/ }).count()).resolves.toBe(0);
    await waitForFocus(page.locator('article.review').nth(20));
    await screenshot(page, `reviews-show-more-focus-${project}`);

    await page.goto(`/shop/${seller.shop.slug}`);
    await page.getByRole('button', { name: 'Show more reviews (11 more)' }).waitFor();
    await showMore(page, 20);
    await waitForFocus(page.getByRole('button', { name: 'Show more reviews (1 more)' }));
    await context.close();
  }, 180_000);
}
