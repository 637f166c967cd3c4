// Listing text is the seller's, shown to every shopper: HTML in it must render as plain text on
// the product page, in search results and on the shop page, and never run.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, token, waitForSearchHit } from './fixtures';
import { newPage, setupE2E } from './harness';

const e2e = setupE2E();

test('HTML in listing text renders inert on product, search and shop pages', async () => {
  const word = token();
  const seller = await createSeller();
  const title = `Mug ${word} <img src=x onerror="window.__xss=1">`;
  const description = `Lovely <script>window.__xss=2</script><b>bold</b> glaze ${word}`;
  const product = await createProduct(seller, { title, description, tags: [word] });

  const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  await page.goto(`/product/${product.id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
  await page.getByText('<script>window.__xss=2</script>', { exact: false }).first().waitFor();
  expect(await page.locator('main img[src="x"], main script:not([src]), main b').count()).toBe(0);

  await waitForSearchHit(page, `/search?q=${word}`, `Mug ${word}`);
  expect(await page.locator('main img[src="x"]').count()).toBe(0);

  await page.goto(`/shop/${seller.shop.slug}`);
  await page.getByText(`Mug ${word}`, { exact: false }).first().waitFor();
  expect(await page.locator('main img[src="x"]').count()).toBe(0);

  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await context.close();
});
