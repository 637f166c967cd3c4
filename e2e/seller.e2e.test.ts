// A seller opens a shop and lists an item in the dashboard; it becomes searchable; a buyer orders
// it; the seller ships it with tracking and the buyer sees the new status on the order page.
import { expect, test } from 'bun:test';
import { waitUntil } from '../src/server/test/wait-until';
import { createUser, signedInPage, token, waitForSearchHit } from './fixtures';
import { screenshot, setupE2E } from './harness';

const e2e = setupE2E();

test('seller creates a shop and a searchable listing, ships the order, buyer sees it shipped', async () => {
  const word = token();
  const sellerUser = await createUser();
  const seller = await signedInPage(e2e.browser, e2e.app.baseUrl, sellerUser);
  const page = seller.page;

  await page.goto('/dashboard/shop');
  await page.getByLabel('Shop name').fill(`Kiln ${word}`);
  await page.getByLabel('Tagline').fill('Small-batch stoneware');
  await page.getByRole('button', { name: 'Open my shop' }).click();
  await page.waitForURL(/\/dashboard\/listings/);
  // A new shop's overview says it has no sales yet instead of drawing an empty chart.
  await page.goto('/dashboard');
  await page.getByText('No sales in these 30 days yet. Revenue shows here day by day.').waitFor();
  expect(await page.locator('.recharts-wrapper').count()).toBe(0);
  await page.goto('/dashboard/listings');

  await page.getByRole('button', { name: '+ New listing' }).click();
  const dialog = page.getByRole('dialog', { name: 'New listing' });
  await dialog.getByRole('button', { name: 'Publish listing' }).click();
  await dialog.getByText('Title needs at least 3 characters.').waitFor(); // field errors from the shared schema
  const title = `Ash glaze ${word} bowl`;
  await dialog.getByLabel('Title', { exact: true }).fill(title);
  await dialog.getByLabel('Description').fill('Thrown on the wheel, glazed with wood ash.');
  await dialog.getByLabel('Price ($)').fill('42.00');
  await dialog.getByLabel('Quantity in stock').fill('3');
  await dialog.getByLabel('Category').selectOption('mugs');
  await dialog.getByLabel('Materials').fill('stoneware, ash glaze');
  await dialog.getByRole('button', { name: 'Publish listing' }).click();
  await page.getByRole('link', { name: title }).waitFor();
  await screenshot(page, 'dashboard-listings');

  const buyerUser = await createUser();
  const buyer = await signedInPage(e2e.browser, e2e.app.baseUrl, buyerUser);
  const hit = await waitForSearchHit(buyer.page, `/search?q=${word}`, title);
  // Listing links read /listing/<id>/<slug>.
  const productId = Number(/\/listing\/(\d+)/.exec((await hit.getAttribute('href')) ?? '')?.[1]);
  expect(productId).toBeGreaterThan(0);
  await buyerUser.caller.cart.addItem({ productId, quantity: 1 });
  const shippingAddress = {
    name: 'Bo Buyer',
    line1: '1 Elm St',
    city: 'Austin',
    region: 'TX',
    postalCode: '73301',
    country: 'US',
  };
  const quote = await buyerUser.caller.checkout.quote({ shippingAddress });
  const placed = await buyerUser.caller.checkout.place({
    idempotencyKey: crypto.randomUUID(),
    shippingAddress,
    quote: { version: quote.version, totalCents: quote.totalCents },
    payment: { token: 'tok_visa' },
  });
  const orderId = placed.orders[0].orderId;

  // The list opens on what needs doing, with who ordered and where it goes.
  await page.goto('/dashboard/orders');
  const row = page.getByRole('link', { name: new RegExp(`Order #${orderId} · ${buyerUser.name}`) });
  await row.getByText(/to Austin, United States/).waitFor();
  await screenshot(page, 'dashboard-orders');
  await row.click();
  // The seller's own order page: buyer, ship-to, items, next step, timeline.
  await page.getByRole('heading', { name: `Order #${orderId}` }).waitFor();
  await page.getByText('1 Elm St').waitFor();
  await page.getByRole('button', { name: 'Start making / packing' }).focus();
  await page.keyboard.press('Enter');
  // The pressed button goes with the step; focus lands on the next step's heading, not the page
  // (and not on 'Mark shipped', where a second Enter would ship it).
  const nextStep = page.getByRole('heading', { name: 'Next step', exact: true });
  await waitUntil(() => nextStep.evaluate((h) => h === document.activeElement));
  await page.getByLabel('Tracking number').fill('1Z999AA10123456784');
  await page.getByLabel('Carrier').selectOption('UPS');
  await page.getByLabel('Note to the buyer (optional)').fill('Packed with care');
  await page.getByRole('button', { name: 'Mark shipped' }).click();
  await page.getByRole('button', { name: 'Mark delivered' }).waitFor();
  await waitUntil(() => nextStep.evaluate((h) => h === document.activeElement));
  await page.getByRole('list', { name: 'Status history' }).getByText('Packed with care').waitFor();
  await screenshot(page, 'dashboard-order');
  // Shipped orders leave the to-do view.
  await page.getByRole('link', { name: 'Orders', exact: true }).first().click();
  await page.getByText('All caught up').waitFor();

  await page.goto('/dashboard');
  await page.getByRole('heading', { name: 'Revenue per day' }).waitFor();
  await page.locator('.recharts-bar-rectangle').first().waitFor(); // chart chunk loaded and drawn
  // The bars grow in: wait until the first one keeps its height between two looks, for the screenshot.
  await page.waitForFunction(
    () => {
      const h = document.querySelector('.recharts-bar-rectangle')?.getBoundingClientRect().height ?? 0;
      const seen = window as unknown as { lastBarHeight?: number };
      const settled = h > 0 && seen.lastBarHeight === h;
      seen.lastBarHeight = h;
      return settled;
    },
    undefined,
    { polling: 100 },
  );
  await screenshot(page, 'dashboard-overview');

  await buyer.page.goto(`/orders/${orderId}`);
  await buyer.page.getByRole('heading', { name: `Order #${orderId}` }).waitFor();
  await buyer.page.getByText('1Z999AA10123456784').waitFor();
  expect(await buyer.page.getByRole('list', { name: 'Status history' }).getByText('Shipped').count()).toBe(1);
  await screenshot(buyer.page, 'order-detail');
  expect(seller.errors).toEqual([]);
  await Promise.all([seller.context.close(), buyer.context.close()]);
});
