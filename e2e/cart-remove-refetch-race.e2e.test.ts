// Removing a cart line while the cart is read again, at 1366×900 and 390×844, keyboard only. The
// page removes the line at once (optimistic) while the server works; meanwhile the cart may be read
// again (another shopper's hold on a listing in the cart is reported live and refetches it, and a
// second Remove answers with the cart as it stood then). Found by walks:
// - A removed line must stay gone: an answer read before the removal committed must not bring the
//   line back, not even for a frame. A MutationObserver records every moment a removed line is on
//   the page.
// - The header's cart count kept the old number for a moment: the page showed the cart with the
//   removal under way applied, but the header read the cached cart alone, which such a read set
//   back to the cart before the removal. The header now counts the cart the page shows. A
//   MutationObserver records every moment the header's count and the lines' quantities disagree.
// The removal's request is held in the browser until such a read has been answered (and, for two
// quick removes, the first one's answer is let through while the second is still held), so the
// moment is there to see.
import { expect, test } from 'bun:test';
import type { Page, Route } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { cartOf, createUser, signedInPage, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

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

/** The cart page's line for a listing. */
const lineOf = (page: Page) => (title: string) => page.getByRole('listitem', { name: title, exact: true });

for (const project of projectNames) {
  test(`${project}: a cart read answered while a removal is under way brings no line back, and the header counts the removal`, async () => {
    const {
      buyer,
      products: [bowl, jug],
    } = await cartOf([
      ['Bowl', 2],
      ['Jug', 1],
    ]);
    const other = await createUser();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto('/cart');
    const line = lineOf(page);
    const cartLink = page.locator('.site-header').getByRole('link', { name: /^Cart/ });
    await line(jug!.title).waitFor();
    await waitUntil(async () => (await cartLink.getAttribute('aria-label')) === 'Cart, 3 items', {
      what: 'the header counting 3',
    });
    await watchForReturn(page, [bowl!.title]);
    await watchCounts(page);
    const held = holdRemovals(page);

    await line(bowl!.title).getByRole('button', { name: 'Remove' }).focus();
    await page.keyboard.press('Enter');
    await line(bowl!.title).waitFor({ state: 'detached' });
    await waitUntil(() => held.length === 1, { what: 'the removal sent' });
    expect(await cartLink.getAttribute('aria-label')).toBe('Cart, 1 item');
    // Someone else holds the jug: the cart page hears it live and reads the cart again; the server
    // has not seen the removal yet, so the answer still holds the bowl.
    const read = nextCartRead(page);
    await other.caller.cart.addItem({ productId: jug!.id, quantity: 1 });
    await read;
    await painted(page);
    expect(await cartLink.getAttribute('aria-label')).toBe('Cart, 1 item');
    await screenshot(page, `cart-header-count-on-remove-${project}`);

    await held[0]!.continue();
    await page.getByText('Removed from your cart').waitFor();
    await waitUntil(async () => (await buyer.caller.cart.get()).itemCount === 1, { what: 'the bowl removed' });
    await line(jug!.title).waitFor();
    // Focus went on to the next line, not to <body>.
    await waitForFocus(line(jug!.title).getByRole('link', { name: jug!.title, exact: true }));
    expect(await returned(page)).toEqual([]);
    expect(await line(bowl!.title).count()).toBe(0);
    expect(await cartLink.getAttribute('aria-label')).toBe('Cart, 1 item');
    expect(await disagreements(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: two quick removes: the first one's answer does not bring the second line back`, async () => {
    const {
      buyer,
      products: [ash, birch, cedar],
    } = await cartOf([
      ['Ash spoon', 1],
      ['Birch spoon', 1],
      ['Cedar spoon', 1],
    ]);
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto('/cart');
    const line = lineOf(page);
    await line(cedar!.title).waitFor();
    await watchForReturn(page, [ash!.title, birch!.title]);
    const held = holdRemovals(page);

    await line(ash!.title).getByRole('button', { name: 'Remove' }).focus();
    await page.keyboard.press('Enter');
    await line(ash!.title).waitFor({ state: 'detached' });
    await line(birch!.title).getByRole('button', { name: 'Remove' }).focus();
    await page.keyboard.press('Enter');
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
