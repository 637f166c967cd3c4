// Fixtures for the storefront specs: users, shops and listings are created directly through the
// app's services (same database the server under test uses), each with unique names, and a
// browser context is signed in by setting the real session cookie.
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright';
import { createProduct, createSeller, createUser, type TestUser, unique } from '../src/server/test/factories';
import { waitUntil } from '../src/server/test/wait-until';
import { newPage, type ProjectName } from './harness';

export { createProduct, createSeller, createUser, unique };

export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  user: TestUser,
  project: ProjectName | BrowserContextOptions = 'desktop',
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { context, page } = await newPage(browser, baseUrl, project);
  await context.addCookies([
    { name: 'hearth_session', value: user.sessionId, url: baseUrl, httpOnly: true, sameSite: 'Lax' },
  ]);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

const reviewerAddress = {
  name: 'Rae Reviewer',
  line1: '5 Clay Lane',
  city: 'Asheville',
  region: 'NC',
  postalCode: '28801',
  country: 'US',
};

/**
 * The buyer orders one unit of the listing through the API (quote, then place at that quote) and
 * the seller takes it to delivered, so the order page offers a review. Returns the order's id.
 */
export async function deliveredOrder(buyer: TestUser, seller: TestUser, productId: number): Promise<number> {
  await buyer.caller.cart.addItem({ productId, quantity: 1 });
  const quote = await buyer.caller.checkout.quote({ shippingAddress: reviewerAddress });
  const placed = await buyer.caller.checkout.place({
    idempotencyKey: crypto.randomUUID(),
    shippingAddress: reviewerAddress,
    quote: { version: quote.version, totalCents: quote.totalCents },
    payment: { token: 'tok_visa' },
  });
  const orderId = placed.orders[0]!.orderId;
  await seller.caller.orders.updateStatus({ orderId, status: 'processing' });
  await seller.caller.orders.updateStatus({ orderId, status: 'shipped', trackingNumber: '9400 1', carrier: 'USPS' });
  await seller.caller.orders.updateStatus({ orderId, status: 'delivered' });
  return orderId;
}

/** A guest buys one unit of the product from its page: cart, email, address, test card, placed. */
export async function guestCheckout(page: Page, productId: number, email: string): Promise<void> {
  await page.goto(`/product/${productId}`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('link', { name: /View in cart/ }).click();
  await page.getByRole('link', { name: 'Check out as a guest' }).click();
  await page.getByLabel('Email').fill(email);
  await fillShippingAddress(page);
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.getByLabel(/Visa ending 4242/).check();
  await page.getByRole('button', { name: 'Review order' }).click();
  await page.getByRole('button', { name: /Place order ·/ }).click();
  await page.getByText('Your order is placed').waitFor();
}

/** A made-up word so a search matches only this test's listings. */
export function token(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let out = 'zq';
  for (let i = 0; i < 7; i++) out += letters[Math.floor(Math.random() * letters.length)];
  return out;
}

/** Search is eventually consistent (outbox → Meilisearch); reload until the listing shows. */
export async function waitForSearchHit(page: Page, path: string, title: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(path);
    const link = page.getByRole('link', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first();
    try {
      await link.waitFor({ state: 'visible', timeout: 1500 });
      return link;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
  }
}

export async function fillShippingAddress(page: Page) {
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Address line 1').fill('12 Market St');
  await page.getByLabel('City').fill('Portland');
  await page.getByLabel('State / region').fill('OR');
  await page.getByLabel('Postal code').fill('97201');
  await page.getByLabel('Country').selectOption('US');
}

/** Opens /checkout directly and walks Shipping and Payment by keyboard to the Review step. */
export async function checkoutToReview(page: Page) {
  await page.goto('/checkout');
  await page.getByRole('heading', { name: 'Checkout · Shipping' }).waitFor();
  await fillShippingAddress(page);
  await page.getByLabel('Postal code').press('Enter');
  await page.getByLabel(/Visa ending 4242/).check();
  await page.getByLabel(/Visa ending 4242/).press('Enter');
  await page.getByRole('heading', { name: 'Checkout · Review' }).waitFor();
}

/** How many times the page has sent tRPC `procedure` from now on (batched calls counted one by one). */
export function countCalls(page: Page, procedure: string): () => number {
  let n = 0;
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.method() === 'POST' && path.startsWith('/trpc/'))
      n += path
        .slice(6)
        .split(',')
        .filter((p) => p === procedure).length;
  });
  return () => n;
}

/** Focus moves when React commits, which a busy machine delays: wait until `target` has it. */
export async function waitForFocus(target: Locator): Promise<void> {
  await waitUntil(() => target.evaluate((el) => el === document.activeElement), { what: `focus on ${target}` });
}
