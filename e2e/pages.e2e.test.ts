// Every page, as a guest, a shopper and a seller, on a laptop and a phone: an axe-core scan with no
// serious or critical violations, nothing wider than the viewport (also at 320 px), and a
// screenshot of each for a person to look at (e2e/screenshots/pages-<project>-<page>.png).
import { beforeAll, describe, expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { horizontalOverflow, overflowingElements, seriousA11yViolations } from './axe';
import { createProduct, createSeller, createUser, signedInPage, token } from './fixtures';
import { newPage, type ProjectName, projectNames, projects, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

type Who = 'guest' | 'buyer' | 'seller';
interface PageCase {
  name: string;
  who: Who;
  path: () => string;
}

let world: {
  buyer: Awaited<ReturnType<typeof createUser>>;
  seller: Awaited<ReturnType<typeof createSeller>>;
  productId: number;
  orderId: number;
  word: string;
};

beforeAll(async () => {
  const word = token();
  const seller = await createSeller();
  const made = [];
  const kinds = [
    ['Speckled stoneware mug', 'mugs', ['ceramic']],
    ['Chunky cable sweater', 'sweaters', ['wool']],
    ['Beaded necklace with a very long title that goes on and on', 'necklaces', ['glass', 'silver']],
    ['Olive wood serving platter', 'serving-ware', ['wood']],
  ] as const;
  for (let i = 0; i < 12; i++) {
    const [title, categorySlug, materials] = kinds[i % kinds.length]!;
    made.push(
      await createProduct(seller, {
        title: `${title} ${word} ${i + 1}`,
        categorySlug,
        materials: [...materials],
        quantity: i % 3 === 0 ? 1 : 4,
        priceCents: 1500 + i * 700,
      }),
    );
  }
  const buyer = await createUser();
  await buyer.caller.favorites.toggleProduct({ productId: made[0]!.id });
  await buyer.caller.favorites.toggleShop({ shopId: seller.shopId });
  await buyer.caller.cart.addItem({ productId: made[1]!.id, quantity: 1 });
  const shippingAddress = {
    name: 'Ada Lovelace',
    line1: '12 Market St',
    city: 'Portland',
    region: 'OR',
    postalCode: '97201',
    country: 'US',
  };
  const quote = await buyer.caller.checkout.quote({ shippingAddress });
  const placed = await buyer.caller.checkout.place({
    idempotencyKey: crypto.randomUUID(),
    shippingAddress,
    quote: { version: quote.version, totalCents: quote.totalCents },
    payment: { token: 'tok_visa' },
  });
  await buyer.caller.cart.addItem({ productId: made[2]!.id, quantity: 1 });
  world = { buyer, seller, productId: made[0]!.id, orderId: placed.orders[0]!.orderId, word };
}, 60_000);

const pages: PageCase[] = [
  { name: 'home', who: 'guest', path: () => '/' },
  { name: 'search', who: 'guest', path: () => `/search?q=${world.word}` },
  { name: 'category', who: 'guest', path: () => '/search?category=mugs' },
  { name: 'product', who: 'guest', path: () => `/product/${world.productId}` },
  { name: 'shop', who: 'guest', path: () => `/shop/${world.seller.shop.slug}` },
  { name: 'cart-guest', who: 'guest', path: () => '/cart' },
  { name: 'signin', who: 'guest', path: () => '/signin' },
  { name: 'register', who: 'guest', path: () => '/register' },
  { name: 'not-found', who: 'guest', path: () => '/no-such-page' },
  { name: 'cart', who: 'buyer', path: () => '/cart' },
  { name: 'checkout', who: 'buyer', path: () => '/checkout' },
  { name: 'favorites', who: 'buyer', path: () => '/favorites' },
  { name: 'orders', who: 'buyer', path: () => '/orders' },
  { name: 'order', who: 'buyer', path: () => `/orders/${world.orderId}` },
  { name: 'own-product', who: 'seller', path: () => `/product/${world.productId}` },
  { name: 'dashboard', who: 'seller', path: () => '/dashboard' },
  { name: 'dashboard-listings', who: 'seller', path: () => '/dashboard/listings' },
  { name: 'dashboard-orders', who: 'seller', path: () => '/dashboard/orders' },
  { name: 'dashboard-shop', who: 'seller', path: () => '/dashboard/shop' },
];

async function open(who: Who, project: ProjectName | Parameters<typeof newPage>[2]) {
  const options = { ...(typeof project === 'string' ? projects[project] : project), bypassCSP: true };
  if (who === 'guest') return newPage(e2e.browser, e2e.app.baseUrl, options);
  return signedInPage(e2e.browser, e2e.app.baseUrl, who === 'buyer' ? world.buyer : world.seller, options);
}

/** Loaded: the page's heading is there and no loading placeholder is left. */
async function settle(page: Page) {
  await page.locator('main h1').first().waitFor({ state: 'visible' });
  await page.locator('main [aria-label^="Loading"], main .skeleton').first().waitFor({ state: 'detached' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

for (const project of projectNames) {
  describe(`every page on ${project}`, () => {
    for (const c of pages) {
      test(`${c.name} (${c.who}): no serious accessibility violations, no sideways scrolling`, async () => {
        const { context, page } = await open(c.who, project);
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(c.path());
        await settle(page);
        await screenshot(page, `pages-${project}-${c.name}`);
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect(await overflowingElements(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBe(0);
        expect(errors).toEqual([]);
        await context.close();
      }, 60_000);
    }
  });
}

test('no page is wider than the viewport on a 320 px phone', async () => {
  const wide: string[] = [];
  for (const who of ['guest', 'buyer', 'seller'] as const) {
    const { context, page } = await open(who, { ...projects.phone, viewport: { width: 320, height: 640 } });
    for (const c of pages.filter((p) => p.who === who)) {
      await page.goto(c.path());
      await settle(page);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0)
        wide.push(`${c.name}: ${overflow}px too wide (${(await overflowingElements(page)).join(', ')})`);
    }
    // The header's brand and its icons share one row (the search box has the row below).
    const rows = await page.evaluate(() => {
      const top = (el: Element | null) => (el ? Math.round(el.getBoundingClientRect().top) : -1);
      const brand = top(document.querySelector('.site-header .brand'));
      return [...document.querySelectorAll('.header-actions > *')]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => Math.abs(top(el) - brand) > 24);
    });
    if (rows.some(Boolean)) wide.push(`${who}: header icons wrap onto a second row`);
    await context.close();
  }
  expect(wide).toEqual([]);
}, 180_000);
