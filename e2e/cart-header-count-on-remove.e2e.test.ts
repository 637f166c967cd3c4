// Found by a walk at 1366×900 and 390×844, keyboard only: removing a line in the cart, the line
// went at once but the header's cart count kept the old number for a moment. The page showed the
// cart with the removal under way applied; the header read the cached cart alone, which a cart read
// answered meanwhile (the page reads the cart again when a listing in it changes live) set back to
// the cart before the removal. The header now counts the cart the page shows. A MutationObserver
// records every moment the header's count and the lines' quantities disagree; the removal is held
// in the browser until such a read has been answered, so the moment is there to see.
import { expect, test } from 'bun:test';
import type { Page, Route } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { createProduct, createSeller, createUser, signedInPage, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** From now on, records each moment the header's count differs from the sum of the lines' quantities. */
async function watchCounts(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { disagreements: string[] };
    w.disagreements = [];
    const check = () => {
      const lines = [...document.querySelectorAll('li.cart-item output[aria-label="Quantity"]')].reduce(
        (n, el) => n + Number(el.textContent),
        0,
      );
      const label = document.querySelector('.site-header a[href="/cart"]')?.getAttribute('aria-label') ?? '';
      const header = Number(/\d+/.exec(label)?.[0] ?? 0);
      if (header !== lines) w.disagreements.push(`header ${header}, lines ${lines}`);
    };
    new MutationObserver(check).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
  });
}
const disagreements = (page: Page) =>
  page.evaluate(() => (window as unknown as { disagreements: string[] }).disagreements);

/** Two frames painted: whatever the page had received by now is on the screen. */
const painted = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

for (const project of projectNames) {
  test(`${project}: the header's cart count changes with the removed line`, async () => {
    const seller = await createSeller();
    const word = token();
    const [bowl, jug] = await Promise.all(
      ['Bowl', 'Jug'].map((w) => createProduct(seller, { title: `${w} ${word}`, quantity: 5 })),
    );
    const buyer = await createUser();
    const other = await createUser();
    await buyer.caller.cart.addItem({ productId: bowl!.id, quantity: 2 });
    await buyer.caller.cart.addItem({ productId: jug!.id, quantity: 1 });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto('/cart');
    const line = (title: string) => page.getByRole('listitem', { name: title, exact: true });
    const cartLink = page.locator('.site-header').getByRole('link', { name: /^Cart/ });
    await line(jug!.title).waitFor();
    await waitUntil(async () => (await cartLink.getAttribute('aria-label')) === 'Cart, 3 items', {
      what: 'the header counting 3',
    });
    await watchCounts(page);
    // The removal waits in the browser until the test lets it go to the server.
    const held: Route[] = [];
    await page.route('**/trpc/cart.removeItem*', (route) => void held.push(route));

    const remove = line(bowl!.title).getByRole('button', { name: 'Remove' });
    await remove.focus();
    await page.keyboard.press('Enter');
    await line(bowl!.title).waitFor({ state: 'detached' });
    await waitUntil(() => held.length === 1, { what: 'the removal sent' });
    expect(await cartLink.getAttribute('aria-label')).toBe('Cart, 1 item');
    // Someone else holds the jug: the cart page hears it live and reads the cart again; the server
    // has not seen the removal yet, so the answer still holds the bowl.
    const read = page.waitForResponse((r) => /\/trpc\/[^?]*cart\.get/.test(r.url()));
    await other.caller.cart.addItem({ productId: jug!.id, quantity: 1 });
    await read;
    await painted(page);
    expect(await cartLink.getAttribute('aria-label')).toBe('Cart, 1 item');
    await screenshot(page, `cart-header-count-on-remove-${project}`);

    await held[0]!.continue();
    await page.getByText('Removed from your cart').waitFor();
    await waitUntil(async () => (await buyer.caller.cart.get()).itemCount === 1, { what: 'the bowl removed' });
    // Focus went on to the next line, not to <body>.
    await waitForFocus(line(jug!.title).getByRole('link', { name: jug!.title, exact: true }));
    expect(await cartLink.getAttribute('aria-label')).toBe('Cart, 1 item');
    expect(await disagreements(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
}
