// A removed cart line must stay gone. The page removes it at once (optimistic) while the server
// works; meanwhile the cart may be read again (another shopper's hold on a listing in the cart is
// reported live and refetches it, and a second Remove answers with the cart as it stood then).
// An answer read before the removal committed must not bring the line back, not even for a frame.
// Here the removal's request is held in the browser until such a refetch has been answered (and,
// for two quick removes, the first one's answer is let through while the second is still held);
// a MutationObserver records every moment a removed line is on the page. Desktop and phone.
import { expect, test } from 'bun:test';
import type { Page, Route } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { createProduct, createSeller, createUser, signedInPage, token } from './fixtures';
import { projectNames, setupE2E } from './harness';

const e2e = setupE2E();

/** Records, from now on, whether a line with one of these titles is added back after it left. */
async function watchForReturn(page: Page, titles: string[]) {
  await page.evaluate((watched) => {
    const w = window as unknown as { returned: string[] };
    w.returned = [];
    const present = (t: string) => !!document.querySelector(`li.cart-item[aria-label="${CSS.escape(t)}"]`);
    const gone = new Set<string>();
    const check = () => {
      for (const t of watched) {
        if (!present(t)) gone.add(t);
        else if (gone.has(t) && !w.returned.includes(t)) w.returned.push(t);
      }
    };
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
  }, titles);
}
const returned = (page: Page) => page.evaluate(() => (window as unknown as { returned: string[] }).returned);

/** Holds each cart.removeItem request (in order) until the test lets it go to the server. */
function holdRemovals(page: Page) {
  const held: Route[] = [];
  void page.route('**/trpc/cart.removeItem*', (route) => void held.push(route));
  return held;
}

/** Resolves once a cart.get started from now on has been answered. */
function nextCartRead(page: Page) {
  return page.waitForResponse((r) => /\/trpc\/[^?]*cart\.get/.test(r.url()));
}

for (const project of projectNames) {
  test(`${project}: a cart read answered while a removal is under way does not bring the line back`, async () => {
    const seller = await createSeller();
    const word = token();
    const [bowl, jug] = await Promise.all(
      ['Bowl', 'Jug'].map((w) => createProduct(seller, { title: `${w} ${word}`, quantity: 5 })),
    );
    const buyer = await createUser();
    const other = await createUser();
    await buyer.caller.cart.addItem({ productId: bowl!.id, quantity: 1 });
    await buyer.caller.cart.addItem({ productId: jug!.id, quantity: 1 });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto('/cart');
    const line = (title: string) => page.getByRole('listitem', { name: title, exact: true });
    await line(jug!.title).waitFor();
    await watchForReturn(page, [bowl!.title]);
    const held = holdRemovals(page);

    await line(bowl!.title).getByRole('button', { name: 'Remove' }).click();
    await line(bowl!.title).waitFor({ state: 'detached' });
    await waitUntil(() => held.length === 1, { what: 'the removal sent' });
    // Someone else holds the jug: the cart page hears it live and reads the cart again, before
    // the server has seen the removal.
    const read = nextCartRead(page);
    await other.caller.cart.addItem({ productId: jug!.id, quantity: 1 });
    await read;
    await held[0]!.continue();
    await page.getByText('Removed from your cart').waitFor();
    await waitUntil(async () => (await buyer.caller.cart.get()).itemCount === 1, { what: 'the bowl removed' });
    await line(jug!.title).waitFor();
    expect(await returned(page)).toEqual([]);
    expect(await line(bowl!.title).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: two quick removes: the first one's answer does not bring the second line back`, async () => {
    const seller = await createSeller();
    const word = token();
    const [ash, birch, cedar] = await Promise.all(
      ['Ash', 'Birch', 'Cedar'].map((w) => createProduct(seller, { title: `${w} ${word} spoon`, quantity: 5 })),
    );
    const buyer = await createUser();
    for (const p of [ash, birch, cedar]) await buyer.caller.cart.addItem({ productId: p!.id, quantity: 1 });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto('/cart');
    const line = (title: string) => page.getByRole('listitem', { name: title, exact: true });
    await line(cedar!.title).waitFor();
    await watchForReturn(page, [ash!.title, birch!.title]);
    const held = holdRemovals(page);

    await line(ash!.title).getByRole('button', { name: 'Remove' }).click();
    await line(ash!.title).waitFor({ state: 'detached' });
    await line(birch!.title).getByRole('button', { name: 'Remove' }).click();
    await line(birch!.title).waitFor({ state: 'detached' });
    await waitUntil(() => held.length === 2, { what: 'both removals sent' });
    // The first answer is the cart after Ash only: Birch is still in it on the server.
    const first = page.waitForResponse((r) => r.url().includes('cart.removeItem'));
    await held[0]!.continue();
    await first;
    await waitUntil(async () => (await buyer.caller.cart.get()).itemCount === 2, { what: 'ash removed' });
    await held[1]!.continue();
    await waitUntil(async () => (await buyer.caller.cart.get()).itemCount === 1, { what: 'birch removed' });
    await waitUntil(async () => (await page.getByText('Removed from your cart').count()) > 0, {
      what: 'the removals confirmed',
    });
    // Whatever is read after both answers is the server's cart: only Cedar.
    await waitUntil(async () => (await page.locator('li.cart-item').count()) === 1, { what: 'one line left' });
    await line(cedar!.title).waitFor();
    expect(await returned(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
}
