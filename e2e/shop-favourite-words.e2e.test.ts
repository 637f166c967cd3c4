// One word for keeping a shop, "favourite", on every surface: the shop page's button (its visible
// text and the name a screen reader or voice control uses), the home page's row of the shop's new
// listings, and the favourites page. At both widths, the button pressed from the keyboard.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, createUser, signedInPage, token } from './fixtures';
import { screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of ['phone', 'desktop'] as const) {
  test(`${project}: a shop is "favourited", never "followed"`, async () => {
    const seller = await createSeller();
    // A candle, so the home page's "Because you favourited" (a mug) does not show it first.
    const product = await createProduct(seller, {
      title: `Favourite candle ${token()}`,
      categorySlug: 'candles',
      materials: ['soy wax'],
      tags: ['candle'],
    });
    const buyer = await createUser();
    // A saved listing elsewhere makes the home page personal (one favourite shop alone is too weak).
    const liked = await createProduct(await createSeller());
    await buyer.caller.favorites.toggleProduct({ productId: liked.id, favorited: true });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    const shop = seller.shop.name;
    await page.goto(`/shop/${seller.shop.slug}`);

    const add = page.getByRole('button', { name: `Favourite shop ${shop}`, exact: true });
    expect(await add.innerText()).toBe('Favourite shop');
    await add.focus();
    await page.keyboard.press('Enter');
    const remove = page.getByRole('button', { name: `Favourited ${shop}: remove from favourites`, exact: true });
    await remove.waitFor();
    expect(await remove.getAttribute('aria-pressed')).toBe('true');
    expect(await remove.innerText()).toBe('Favourited');
    expect(await page.getByText(/follow/i).count()).toBe(0);
    await screenshot(page, `shop-favourited-${project}`);

    await page.goto('/');
    const row = page.locator('section', {
      has: page.getByRole('heading', { name: 'New from your favourite shops', exact: true }),
    });
    await row.getByText(product.title).waitFor();
    expect(await page.getByText(/follow/i).count()).toBe(0);

    await page.goto('/favorites');
    await page.getByRole('heading', { name: 'Shops' }).waitFor();
    await page.getByText(shop).first().waitFor();
    expect(await page.getByText(/follow/i).count()).toBe(0);

    // Pressed again: back to where it started.
    await page.goto(`/shop/${seller.shop.slug}`);
    await remove.focus();
    await page.keyboard.press('Enter');
    await add.waitFor();
    expect(await add.getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
}
