// The seller's listings table shows each listing's photo (found by a walk: the thumbnails were
// there, loaded, and drawn 0 px wide), at desktop and phone width.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, signedInPage, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: the listings table shows each listing's photo`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, {
      title: `Thumb vase ${token()}`,
      images: ['/images/ph/vases-3.svg'],
    });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    const row = page.getByRole('row', { name: new RegExp(product.title) });
    const thumb = row.locator('img.table-thumb');
    await thumb.waitFor();
    await thumb.evaluate((img: HTMLImageElement) => img.decode());
    const box = await thumb.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(40);
    expect(box?.height).toBeGreaterThanOrEqual(40);
    await screenshot(page, `seller-listings-thumb-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  });
}
