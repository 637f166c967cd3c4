// A seller puts the shop on vacation from shop settings; a shopper with the item in their cart
// sees it released and unbuyable, the product page says when the shop is back and offers no
// "Add to cart"; asking a question gets the vacation message as an automatic reply. Then the
// seller comes back and the listing can be bought again. Desktop and phone.
import { expect, test } from 'bun:test';
import { seriousA11yViolations } from './axe';
import { createProduct, createSeller, createUser, signedInPage, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: vacation mode from shop settings blocks buying, releases the cart hold, and ends`, async () => {
    const seller = await createSeller();
    const jug = await createProduct(seller, { title: `Milk jug ${token()}`, quantity: 1 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: jug.id, quantity: 1 });
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    await s.page.goto('/dashboard/shop');
    const card = s.page.getByRole('region', { name: /Vacation mode/ });
    await card.getByRole('button', { name: 'Go on vacation' }).click();
    await card.getByText('Write a short message').waitFor();
    await card.getByLabel('Message for shoppers').fill('At the winter fair, back soon!');
    // A return date within the next year (the form's range): 30 days ahead.
    const back = new Date(Date.now() + 30 * 86_400_000);
    await card.getByLabel('Back on (optional)').fill(back.toISOString().slice(0, 10));
    await card.getByRole('button', { name: 'Go on vacation' }).click();
    await card.getByText(/On vacation since/).waitFor();

    await b.page.goto(`/product/${jug.id}`);
    const month = back.toLocaleDateString('en-US', { month: 'long', timeZone: 'UTC' });
    const until = `${month.slice(0, 3)}(${month.slice(3)})? ${back.getUTCDate()}, ${back.getUTCFullYear()}`;
    await b.page.getByText(new RegExp(`is on vacation until ${until}`)).waitFor();
    await b.page.getByText('“At the winter fair, back soon!”').waitFor();
    expect(await b.page.getByRole('button', { name: 'Shop on vacation' }).isDisabled()).toBe(true);
    expect(await b.page.getByRole('button', { name: 'Add to cart' }).count()).toBe(0);
    await screenshot(b.page, `vacation-product-${project}`);
    expect(await seriousA11yViolations(b.page)).toEqual([]);

    await b.page.goto('/cart');
    await b.page.getByText('The shop is on vacation.').waitFor();
    await s.page.screenshot({ path: `e2e/screenshots/vacation-settings-${project}.png` });

    await card.getByRole('button', { name: 'I’m back: open the shop' }).click();
    await card.getByRole('button', { name: 'Go on vacation' }).waitFor();
    await b.page.goto(`/product/${jug.id}`);
    // Back: no vacation notice, and the buy box offers to buy again (the line in the cart lost its
    // hold while the shop was away, so the shopper adds it afresh).
    await b.page.getByRole('button', { name: /Add to cart|Add another|All available/ }).waitFor();
    expect(await b.page.getByText(/is on vacation/).count()).toBe(0);
    for (const page of [b.page, s.page]) {
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
    }
    expect(b.errors).toEqual([]);
    expect(s.errors).toEqual([]);
    await Promise.all([b.context.close(), s.context.close()]);
  });
}
