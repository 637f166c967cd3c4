// Fixtures for the storefront specs: users, shops and listings are created directly through the
// app's services (same database the server under test uses), each with unique names, and a
// browser context is signed in by setting the real session cookie.
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright';
import {
  type Caller,
  createProduct,
  createSeller,
  createUser,
  type TestUser,
  unique,
} from '../src/server/test/factories';
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
 * The buyer orders one unit of the listing through the API (quote, then place at that quote),
 * paid by test card. Returns the order's id.
 */
export async function paidOrder(buyer: TestUser, productId: number): Promise<number> {
  await buyer.caller.cart.addItem({ productId, quantity: 1 });
  const quote = await buyer.caller.checkout.quote({ shippingAddress: reviewerAddress });
  const placed = await buyer.caller.checkout.place({
    idempotencyKey: crypto.randomUUID(),
    shippingAddress: reviewerAddress,
    quote: { version: quote.version, totalCents: quote.totalCents },
    payment: { token: 'tok_visa' },
  });
  return placed.orders[0]!.orderId;
}

/** As paidOrder, then the seller takes it to delivered, so the order page offers a review. */
export async function deliveredOrder(buyer: TestUser, seller: TestUser, productId: number): Promise<number> {
  const orderId = await paidOrder(buyer, productId);
  await seller.caller.orders.updateStatus({ orderId, status: 'processing' });
  await seller.caller.orders.updateStatus({ orderId, status: 'shipped', trackingNumber: '9400 1', carrier: 'USPS' });
  await seller.caller.orders.updateStatus({ orderId, status: 'delivered' });
  return orderId;
}

/** A new seller's "Ash … bowl", bought once by a new buyer (named `buyerName` when given). */
export async function sellerWithOrder(buyerName?: string) {
  const seller = await createSeller();
  const product = await createProduct(seller, { title: `Ash ${token()} bowl` });
  const buyer = await createUser(undefined, buyerName);
  return { seller, buyer, orderId: await paidOrder(buyer, product.id) };
}

/** A seller's jug in two glazes, Celadon (1 left) and Tenmoku (9). */
export async function glazedJug() {
  const seller = await createSeller();
  const jug = await createProduct(seller, { title: `Stoneware ${token()} jug`, priceCents: 4000, quantity: 3 });
  await seller.caller.catalog.setVariations({
    productId: jug.id,
    properties: [{ name: 'Glaze', values: ['Celadon', 'Tenmoku'] }],
    combinations: [
      { values: ['Celadon'], priceCents: 4000, quantity: 1 },
      { values: ['Tenmoku'], priceCents: 4000, quantity: 9 },
    ],
  });
  return { seller, jug };
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

/**
 * Search is fed asynchronously (outbox → Meilisearch): load `path` until it says `count` results,
 * for up to a minute.
 */
export async function untilIndexed(page: Page, path: string, count: number) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.goto(path);
    if (await page.getByText(new RegExp(`^${count} results?\\b`)).count()) return;
    if (Date.now() > deadline) throw new Error(`not indexed: ${path}`);
    await page.waitForTimeout(500);
  }
}

/** The search filters: the laptop's sidebar, or the phone's sheet opened by keyboard. */
export async function searchFilters(page: Page, project: ProjectName): Promise<Locator> {
  if (project === 'desktop') return page.getByRole('complementary', { name: 'Filters' });
  await tabTo(page, page.getByRole('button', { name: 'Filters' }));
  await page.keyboard.press('Enter');
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await sheet.waitFor();
  return sheet;
}

/** Two mugs from one seller, $3 and $8, titled with a made-up word that finds only them: returns the word. */
export async function twoMugs(): Promise<string> {
  const word = token();
  const seller = await createSeller();
  await createProduct(seller, { title: `Speckled ${word} mug`, priceCents: 300 });
  await createProduct(seller, { title: `Glazed ${word} mug`, priceCents: 800 });
  return word;
}

/**
 * The first link mailed to `email` whose address contains `path` (as '/reset-password?token='),
 * read from the app's development mailbox (/dev/mail/api/messages).
 */
export async function mailedLink(baseUrl: string, email: string, path: string): Promise<string> {
  let link: string | undefined;
  await waitUntil(
    async () => {
      const res = await fetch(`${baseUrl}/dev/mail/api/messages`);
      const { messages } = (await res.json()) as { messages: { to: string; text: string | null }[] };
      const re = new RegExp(`https?://\\S*${path.replace(/[?]/g, '\\?')}[^\\s)>\\]]+`);
      link = messages.find((m) => m.to.includes(email) && re.test(m.text ?? ''))?.text?.match(re)?.[0];
      return link !== undefined;
    },
    { timeoutMs: 20_000, intervalMs: 200, what: `a ${path} link mailed to ${email}` },
  );
  return link!;
}

/** The seller's $40 linen apron in sizes S ($40, 2 in stock) and M ($42, 1 in stock). */
export async function apronInTwoSizes(seller: { caller: Caller; shopId: number }) {
  const apron = await createProduct(seller, { title: `Linen ${token()} apron`, priceCents: 4000, quantity: 3 });
  await seller.caller.catalog.setVariations({
    productId: apron.id,
    properties: [{ name: 'Size', values: ['S', 'M'] }],
    combinations: [
      { values: ['S'], priceCents: 4000, quantity: 2 },
      { values: ['M'], priceCents: 4200, quantity: 1 },
    ],
  });
  return apron;
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

/**
 * Something that replaced the focused element (a live change) has focus within `timeoutMs`, with
 * the app's ring showing (:focus-visible and a solid outline of 2 px or more), not <body>. Fails
 * naming where focus is instead.
 */
export async function expectFocusWithRing(page: Page, target: Locator, timeoutMs = 10_000): Promise<void> {
  await waitUntil(() => target.evaluate((el) => el === document.activeElement), {
    timeoutMs,
    what: `focus on ${target} at ${page.url()}`,
  }).catch(async (error) => {
    const on = await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? 'nothing');
    throw new Error(`${(error as Error).message}; focus is on <${on}>`);
  });
  const ring = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    return {
      focusVisible: el.matches(':focus-visible'),
      ring: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
    };
  });
  if (!ring.focusVisible || !ring.ring)
    throw new Error(`${target} has focus but no visible ring: ${JSON.stringify(ring)}`);
}

/**
 * Presses Tab (never a click), as a keyboard user would, until `target` has focus; no press at all
 * when it has focus already. Fails naming the target and where focus was left after the last press.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 120): Promise<void> {
  await target.waitFor();
  for (let presses = 0; ; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    if (presses === maxPresses) break;
    await page.keyboard.press('Tab');
  }
  const at = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? '';
    return `<${el.tagName.toLowerCase()}> "${name}"`;
  });
  throw new Error(`Tab never reached ${target} in ${maxPresses} presses; focus is on ${at}`);
}

/** Flat-rate shipping ($5 a shop, never free), so totals in a test are easy to read. */
export const flatRatePolicy = { flatRateCents: 500, freeOverCents: null, processingDays: 2 };

export function sendOnVacation(seller: { caller: TestUser['caller']; shopId: number }) {
  return seller.caller.shops.setVacation({ shopId: seller.shopId, on: true, message: 'Away for a while' });
}

/**
 * A buyer whose cart holds a $30 jug from one shop (`away`) and a $12 cup from another (`open`),
 * both at flat-rate shipping; the jug's shop is then on vacation, unless `onVacation` is false for
 * a test that sends it away itself (with sendOnVacation) at the moment it needs.
 */
export async function cartWithShopAway({ onVacation = true }: { onVacation?: boolean } = {}) {
  const away = await createSeller(undefined, flatRatePolicy);
  const open = await createSeller(undefined, flatRatePolicy);
  const jug = await createProduct(away, { title: `Jug ${token()}`, priceCents: 3000, quantity: 3 });
  const cup = await createProduct(open, { title: `Cup ${token()}`, priceCents: 1200, quantity: 3 });
  const buyer = await createUser();
  await buyer.caller.cart.addItem({ productId: jug.id, quantity: 1 });
  await buyer.caller.cart.addItem({ productId: cup.id, quantity: 1 });
  if (onVacation) await sendOnVacation(away);
  return { away, open, jug, cup, buyer };
}

/**
 * A new buyer whose cart holds a line per [name, quantity], in that order: listings titled
 * `<name> <token>` of one new shop, 5 in stock each.
 */
export async function cartOf(lines: [name: string, quantity: number][]) {
  const seller = await createSeller();
  const word = token();
  const products: Awaited<ReturnType<typeof createProduct>>[] = [];
  for (const [name] of lines) products.push(await createProduct(seller, { title: `${name} ${word}`, quantity: 5 }));
  const buyer = await createUser();
  for (const [i, [, quantity]] of lines.entries())
    await buyer.caller.cart.addItem({ productId: products[i]!.id, quantity });
  return { seller, buyer, products };
}

/** A seller's tee in Size × Colour: S Red 3, S Blue 2 (both $20), M Red 1 at $20, M Blue 4 at $22. */
export async function colouredTee() {
  const seller = await createSeller();
  const tee = await createProduct(seller, { title: `Linen ${token()} tee`, priceCents: 2000, quantity: 1 });
  await seller.caller.catalog.setVariations({
    productId: tee.id,
    properties: [
      { name: 'Size', values: ['S', 'M'] },
      { name: 'Colour', values: ['Red', 'Blue'] },
    ],
    combinations: [
      { values: ['S', 'Red'], priceCents: 2000, quantity: 3, sku: 'TEE-S' },
      { values: ['S', 'Blue'], priceCents: 2000, quantity: 2, sku: 'TEE-S' },
      { values: ['M', 'Red'], priceCents: 2000, quantity: 1 },
      { values: ['M', 'Blue'], priceCents: 2200, quantity: 4 },
    ],
  });
  return { seller, tee };
}
