// Found by a walk at 1366×900 and 390×844: on Favourites, Enter on a filled heart took its card
// away and focus fell to <body> (the next Tab started again at "Skip to content"), also when the
// last one went and "Nothing saved yet" appeared. Focus now goes to the next card's heart, the
// previous one after the last, and to "Nothing saved yet" once nothing is left. Keyboard only.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, createUser, signedInPage, tabTo, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: removing favourites on Favourites keeps focus on the next heart, then the empty state`, async () => {
    const seller = await createSeller();
    const buyer = await createUser();
    const titles = [`Kept jug ${token()}`, `Kept bowl ${token()}`, `Kept cup ${token()}`];
    for (const title of titles) {
      const product = await createProduct(seller, { title });
      await buyer.caller.favorites.toggleProduct({ productId: product.id, favorited: true });
    }
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto('/favorites');
    const hearts = page.getByRole('button', { name: /^Remove .* from favourites$/ });
    await hearts.first().waitFor();
    const order = await hearts.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    expect(order.length).toBe(3);
    const heart = (label: string) => page.getByRole('button', { name: label, exact: true });

    // The middle one goes: focus on the one after it.
    await tabTo(page, heart(order[1]));
    await page.keyboard.press('Enter');
    await heart(order[1]).waitFor({ state: 'detached' });
    await waitForFocus(heart(order[2]));
    // The last one goes: focus on the one before it.
    await page.keyboard.press('Enter');
    await heart(order[2]).waitFor({ state: 'detached' });
    await waitForFocus(heart(order[0]));
    // The only one left goes: focus on the empty state's heading.
    await page.keyboard.press('Enter');
    const empty = page.getByRole('heading', { name: 'Nothing saved yet' });
    await waitForFocus(empty);
    await screenshot(page, `favourites-emptied-${project}`);
    expect((await buyer.caller.favorites.list()).products).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);
}
