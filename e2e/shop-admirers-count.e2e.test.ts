// The shop page's "N admirers" follows the Favourite shop button at once, as the product page's
// "Favourited N times" follows its heart: up when pressed, back down when pressed again.
import { expect, test } from 'bun:test';
import { createSeller, createUser, signedInPage } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: Favourite shop counts the shopper among its admirers at once`, async () => {
    const seller = await createSeller();
    const fan = await createUser();
    await fan.caller.favorites.toggleShop({ shopId: seller.shopId, favorited: true });
    const buyer = await createUser();
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto(`/shop/${seller.shop.slug}`);
    const stats = page.locator('.shop-stats');
    await stats.getByText('1 admirer', { exact: true }).waitFor();

    const add = page.getByRole('button', { name: `Favourite shop ${seller.shop.name}`, exact: true });
    await add.click();
    await page.getByRole('button', { name: `Favourited ${seller.shop.name}: remove from favourites` }).waitFor();
    await stats.getByText('2 admirers', { exact: true }).waitFor({ timeout: 5000 });
    await screenshot(page, `shop-admirers-${project}`);

    await page.getByRole('button', { name: `Favourited ${seller.shop.name}: remove from favourites` }).click();
    await add.waitFor();
    await stats.getByText('1 admirer', { exact: true }).waitFor({ timeout: 5000 });
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
}
