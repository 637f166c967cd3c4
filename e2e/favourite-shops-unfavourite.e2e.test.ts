// Found by a walk at 1366×900 and 390×844: a favourite shop on Favourites had no heart, so it could
// be unfavourited only from the shop's own page. Each shop card now has one, which behaves as a
// listing's heart there: a toast, the card goes, and focus moves to the next heart (the previous
// one after the last) instead of falling to <body>. Keyboard only.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, createUser, signedInPage, tabTo, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: a favourite shop is unfavourited from its heart on Favourites`, async () => {
    const first = await createSeller();
    const second = await createSeller();
    const buyer = await createUser();
    const product = await createProduct(first, { title: `Saved jug ${token()}` });
    await buyer.caller.favorites.toggleProduct({ productId: product.id, favorited: true });
    await buyer.caller.favorites.toggleShop({ shopId: first.shopId, favorited: true });
    await buyer.caller.favorites.toggleShop({ shopId: second.shopId, favorited: true });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto('/favorites');
    const shopHearts = page
      .getByRole('region', { name: 'Shops' })
      .getByRole('button', { name: /^Remove .* from favourites$/ });
    await shopHearts.first().waitFor();
    const order = await shopHearts.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    expect(order.length).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, `favourite-shops-${project}`);
    const heart = (label: string) => page.getByRole('button', { name: label, exact: true });

    await tabTo(page, heart(order[0]));
    await page.keyboard.press('Enter');
    await page.getByText('Removed from favourites').first().waitFor();
    await heart(order[0]).waitFor({ state: 'detached' });
    await waitForFocus(heart(order[1]));
    // The last shop goes: focus on the heart before it (the listing's).
    await page.keyboard.press('Enter');
    await heart(order[1]).waitFor({ state: 'detached' });
    await waitForFocus(page.getByRole('button', { name: `Remove ${product.title} from favourites` }));
    expect(await page.getByRole('region', { name: 'Shops' }).count()).toBe(0);
    const left = await buyer.caller.favorites.list();
    expect(left.shops).toEqual([]);
    expect(left.products.map((p) => p.id)).toEqual([product.id]);
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);
}
