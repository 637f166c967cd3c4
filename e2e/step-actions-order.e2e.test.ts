// The shared .step-actions (checkout's Back / Continue, the address book's Cancel / Save, the
// listing editor's Cancel / Save): on a phone they stack, and they used to stack reversed
// (column-reverse, primary on top) while Tab reached Back first. What reads first is now what Tab
// reaches first, at both widths.
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import {
  createProduct,
  createSeller,
  createUser,
  fillShippingAddress,
  signedInPage,
  token,
  waitForFocus,
} from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** The step's controls in Tab order (Tab from the first reaches each next one), then in reading order. */
async function tabAndReadingOrder(page: Page, actions: Locator) {
  const names = await actions
    .locator('a, button')
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()));
  const controls = actions.locator('a, button');
  await controls.first().focus();
  const tabOrder = [names[0]];
  for (let i = 1; i < names.length; i++) {
    await page.keyboard.press('Tab');
    await waitForFocus(controls.nth(i));
    tabOrder.push(names[i]);
  }
  await controls.last().scrollIntoViewIfNeeded();
  const boxes = await controls.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { name: (el.textContent ?? '').replace(/\s+/g, ' ').trim(), y: r.top, x: r.left };
    }),
  );
  // Top to bottom; on one line (within 4 px), left to right.
  const readingOrder = [...boxes].sort((a, b) => (Math.abs(a.y - b.y) < 4 ? a.x - b.x : a.y - b.y)).map((b) => b.name);
  return { tabOrder, readingOrder };
}

for (const project of projectNames) {
  test(`${project}: checkout's Back and Continue read in the order Tab reaches them`, async () => {
    const seller = await createSeller();
    const jug = await createProduct(seller, { title: `Order jug ${token()}` });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: jug.id, quantity: 1 });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto('/checkout');
    await page.getByRole('heading', { name: 'Checkout · Shipping' }).waitFor();
    await fillShippingAddress(page);
    const actions = page.locator('.step-actions');

    const steps: [string, string, () => Promise<void>][] = [
      [
        'shipping',
        'Continue to payment',
        () => page.getByRole('button', { name: 'Continue to payment' }).press('Enter'),
      ],
      [
        'payment',
        'Review order',
        async () => {
          await page.getByLabel(/Visa ending 4242/).check();
          await page.getByRole('button', { name: 'Review order' }).press('Enter');
        },
      ],
      ['review', 'Place order ·', async () => {}],
    ];
    for (const [step, primary, next] of steps) {
      await page.getByRole('heading', { name: new RegExp(`Checkout · ${step}`, 'i') }).waitFor();
      // Enabled, with its final words (Place order waits for the quote: disabled, then "· $33.00").
      const button = actions.getByRole('button', { name: new RegExp(primary) });
      await waitUntil(() => button.isEnabled(), { what: `${primary} enabled` });
      const order = await tabAndReadingOrder(page, actions);
      await screenshot(page, `step-actions-checkout-${step}-${project}`);
      expect({ step, ...order, same: order.readingOrder.join(' | ') === order.tabOrder.join(' | ') }).toEqual({
        step,
        ...order,
        tabOrder: order.readingOrder,
        same: true,
      });
      await next();
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  test(`${project}: the address book's Cancel and Save read in the order Tab reaches them`, async () => {
    const buyer = await createUser();
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto('/account');
    await page.getByRole('button', { name: '+ Add an address' }).click();
    const save = page.getByRole('button', { name: 'Save address' });
    await save.waitFor();
    const actions = page.locator('.step-actions').filter({ has: save });
    const order = await tabAndReadingOrder(page, actions);
    await screenshot(page, `step-actions-address-book-${project}`);
    expect(order.readingOrder).toEqual(order.tabOrder);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
}
