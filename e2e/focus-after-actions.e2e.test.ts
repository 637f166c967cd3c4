// Keyboard focus after an action whose button goes away or waits: the focus must land somewhere
// near, never on <body> (from where the next Tab starts again at "Skip to content", ~25 stops up).
// Cart "Remove" (the next line's first control, else the previous line's, else the empty cart's
// link), "Post review" on a delivered order (the "You reviewed this" status), shop settings "Save
// changes" (stays on the button) and vacation mode (the button stays; "I'm back" hands focus to
// the card's title). Keyboard only, at laptop and phone size.
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { createProduct, createSeller, createUser, deliveredOrder, signedInPage, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** Focus a control and press Enter on it, as a keyboard user who has tabbed there. */
async function pressEnterOn(page: Page, control: Locator) {
  await control.focus();
  await page.keyboard.press('Enter');
}

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);

for (const project of projectNames) {
  test(`${project}: cart Remove moves focus to the next line, then the previous one, then the empty cart's link`, async () => {
    const seller = await createSeller();
    const word = token();
    const titles = ['Ash', 'Birch', 'Cedar'].map((w) => `${w} ${word} spoon`);
    const buyer = await createUser();
    for (const title of titles) {
      const p = await createProduct(seller, { title, quantity: 3 });
      await buyer.caller.cart.addItem({ productId: p.id, quantity: 1 });
    }
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto('/cart');
    const line = (title: string) => page.getByRole('listitem', { name: title, exact: true });
    const titleLink = (title: string) => line(title).getByRole('link', { name: title });
    await line(titles[2]!).waitFor();
    const order = await page.locator('li.cart-item').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    const [first, middle, last] = order as [string, string, string];

    // Middle line: the next line's first control (its title link).
    await pressEnterOn(page, line(middle).getByRole('button', { name: 'Remove' }));
    await line(middle).waitFor({ state: 'detached' });
    await waitForFocus(titleLink(last));
    await screenshot(page, `focus-cart-remove-${project}`);
    // The last line: no next one, so the previous line's.
    await pressEnterOn(page, line(last).getByRole('button', { name: 'Remove' }));
    await line(last).waitFor({ state: 'detached' });
    await waitForFocus(titleLink(first));
    // The only line: the empty cart's way on.
    await pressEnterOn(page, line(first).getByRole('button', { name: 'Remove' }));
    const discover = page.getByRole('link', { name: 'Discover something handmade' });
    await discover.waitFor();
    await waitForFocus(discover);
    // The next Tab goes on from there, not from the top of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).not.toBe('Skip to content');
    await waitUntil(async () => (await buyer.caller.cart.get()).shops.length === 0, { what: 'the cart emptied' });
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: Post review moves focus to the "You reviewed this" status`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Tenmoku ${token()} tea bowl`, quantity: 4 });
    const buyerUser = await createUser(undefined, 'Rae Reviewer');
    const orderId = await deliveredOrder(buyerUser, seller, product.id);

    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyerUser, project);
    await page.goto(`/orders/${orderId}`);
    await pressEnterOn(page, page.getByRole('button', { name: 'Write a review' }));
    const form = page.getByRole('form', { name: `Review ${product.title}` });
    await waitForFocus(form.getByRole('radio', { name: '1 star, Poor' }));
    await page.keyboard.press('ArrowRight'); // 2 stars
    await page.keyboard.press('ArrowRight'); // 3 stars
    await page.keyboard.press('ArrowRight'); // 4 stars
    await page.keyboard.press('Tab');
    await page.keyboard.type('Holds the heat and the glaze is deep.');
    await page.keyboard.press('Tab'); // Cancel
    await page.keyboard.press('Tab'); // Post review
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Post review');
    await page.keyboard.press('Enter');
    const done = page.getByRole('status').filter({ hasText: 'You reviewed this' });
    await done.waitFor();
    await waitForFocus(done);
    await screenshot(page, `focus-review-posted-${project}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('See it on the product page');
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: shop settings Save changes and vacation mode keep focus in place`, async () => {
    const seller = await createSeller();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/shop');
    const settings = page.getByRole('form', { name: 'Shop settings' });
    await settings.getByLabel('Tagline').focus();
    await page.keyboard.type('Small-batch stoneware');
    const save = settings.getByRole('button', { name: 'Save changes' });
    await pressEnterOn(page, save);
    await page.getByText('Shop updated').waitFor();
    await save.waitFor();
    expect(await isFocused(save)).toBe(true);

    const card = page.getByRole('region', { name: /Vacation mode/ });
    await card.getByLabel('Message for shoppers').focus();
    await page.keyboard.type('At the winter fair, back soon!');
    await pressEnterOn(page, card.getByRole('button', { name: 'Go on vacation' }));
    await card.getByText(/On vacation since/).waitFor();
    const update = card.getByRole('button', { name: 'Update vacation' });
    await update.waitFor();
    expect(await isFocused(update)).toBe(true);
    await screenshot(page, `focus-vacation-on-${project}`);

    await pressEnterOn(page, card.getByRole('button', { name: 'I’m back: open the shop' }));
    await card.getByRole('button', { name: 'Go on vacation' }).waitFor();
    // The card's title, not "Go on vacation": a double press's second Enter would submit that.
    await waitForFocus(card.getByRole('heading', { name: 'Vacation mode' }));
    expect((await seller.caller.shops.mine())?.vacation).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });
}
