// What Etsy and Amazon shoppers expect on cards and in the cart: a heart on every product card
// that saves the listing without leaving the results, "spend $X more for free shipping", and a
// product image that opens large.
import { describe, expect, test } from 'bun:test';
import {
  createProduct,
  createSeller,
  createUser,
  signedInPage,
  token,
  waitForFocus,
  waitForSearchHit,
} from './fixtures';
import { newPage, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

describe.each(projectNames)('shopper expectations on %s', (project) => {
  test('a heart on a search result card saves the listing without leaving the results', async () => {
    const word = token();
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Speckled ${word} vase`, categorySlug: 'vases' });
    const buyer = await createUser();
    const { page, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    try {
      await waitForSearchHit(page, `/search?q=${word}`, product.title);
      const heart = page.getByRole('button', { name: `Save ${product.title} to favourites` });
      await heart.click();
      await page.getByRole('button', { name: `Remove ${product.title} from favourites` }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/search');
      await screenshot(page, `card-heart-${project}`);
      const saved = await buyer.caller.favorites.list();
      expect(saved.products.map((p) => p.id)).toContain(product.id);
    } finally {
      await context.close();
    }
  });

  test('a guest pressing a heart is asked to sign in', async () => {
    const word = token();
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Woven ${word} basket`, categorySlug: 'bowls' });
    const { page, context } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    try {
      await waitForSearchHit(page, `/search?q=${word}`, product.title);
      await page.getByRole('button', { name: `Save ${product.title} to favourites` }).click();
      await page.waitForURL(/\/signin/);
    } finally {
      await context.close();
    }
  });

  test('the cart says how much more buys free shipping from a shop, and stops once it is reached', async () => {
    const seller = await createSeller(undefined, { flatRateCents: 495, freeOverCents: 5000, processingDays: 2 });
    const mug = await createProduct(seller, { title: `Tall ${token()} mug`, priceCents: 3200, quantity: 5 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: mug.id, quantity: 1 });
    const { page, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    try {
      await page.goto('/cart');
      await page.getByText(`Spend $18.00 more for free shipping from ${seller.shop.name}.`).waitFor();
      await screenshot(page, `cart-free-shipping-${project}`);
      await page.getByRole('button', { name: 'Increase quantity' }).click();
      await page
        .getByRole('region', { name: `Items from ${seller.shop.name}` })
        .getByText('Shipping Free')
        .waitFor();
      expect(await page.getByText(/more for free shipping/).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('a product image zooms into a dialog; arrow keys page through the images; Escape closes it', async () => {
    const seller = await createSeller();
    const vase = await createProduct(seller, {
      title: `Ribbed ${token()} vase`,
      categorySlug: 'vases',
      images: ['/images/ph/vases-3.svg', '/images/ph/vases-9.svg'],
    });
    const { page, context } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    try {
      await page.goto(`/product/${vase.id}`);
      const zoom = page.getByRole('button', { name: 'Zoom image 1 of 2' });
      await zoom.click();
      const dialog = page.getByRole('dialog', { name: vase.title });
      await dialog.getByRole('img', { name: `${vase.title} (1 of 2)` }).waitFor();
      await screenshot(page, `product-zoom-${project}`);
      await page.keyboard.press('ArrowRight');
      await dialog.getByRole('img', { name: `${vase.title} (2 of 2)` }).waitFor();
      await dialog.getByRole('button', { name: 'Next image' }).click();
      await dialog.getByRole('img', { name: `${vase.title} (1 of 2)` }).waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await waitForFocus(zoom);
    } finally {
      await context.close();
    }
  });

  test('an empty checkout says so in the page heading (the page keeps its h1)', async () => {
    const { page, context } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    try {
      await page.goto('/checkout');
      await page.getByRole('heading', { level: 1, name: 'Nothing to check out' }).waitFor();
      await page.getByRole('link', { name: 'Keep shopping' }).waitFor();
    } finally {
      await context.close();
    }
  });

  test('the quantity picker adds several at once, and offers no more than are available', async () => {
    const seller = await createSeller();
    const soap = await createProduct(seller, { title: `Oat ${token()} soap`, categorySlug: 'soaps', quantity: 4 });
    const buyer = await createUser();
    const { page, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    try {
      await page.goto(`/product/${soap.id}`);
      const picker = page.getByLabel('Quantity', { exact: true });
      await picker.waitFor();
      expect(await picker.locator('option').count()).toBe(4);
      await picker.selectOption('3');
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByText('3 items in your cart.').waitFor();
      const cart = await buyer.caller.cart.get();
      expect(cart.shops[0]?.items.map((i) => i.quantity)).toEqual([3]);
      // One unit left for this shopper: no picker, just the button.
      await page.getByRole('button', { name: 'Add another' }).waitFor();
      // The button kept the focus while adding (it was not disabled under the shopper's finger).
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add another');
      // Taking the last one: the line counts what the shopper holds, not "the last one" for four.
      await page.getByRole('button', { name: 'Add another' }).click();
      await page.getByTestId('availability').getByText('You have all 4 left in your cart').waitFor();
      expect(await page.getByLabel('Quantity', { exact: true }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
