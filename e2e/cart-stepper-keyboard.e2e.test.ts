// The cart's quantity stepper by keyboard. Enter on "+" up to the stock limit ("All 2 available are
// in your cart"), or on "−" back to 1, made the pressed button `disabled`: keyboard focus fell to
// <body> (the next Tab started again at "Skip to content") and a screen reader heard nothing. At a
// limit the button is now aria-disabled: it keeps focus, refuses presses (no request is sent), and
// the limit note is announced from a live region. Desktop and phone, keyboard only.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import {
  countCalls,
  createProduct,
  createSeller,
  createUser,
  signedInPage,
  tabTo,
  token,
  waitForFocus,
} from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return !el || el === document.body ? 'body' : (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName);
  });

for (const project of projectNames) {
  test(`${project}: Enter on the stepper up to the stock and back to 1 keeps focus on the button and announces the limit`, async () => {
    const seller = await createSeller();
    const jug = await createProduct(seller, { title: `Jug ${token()}`, priceCents: 2500, quantity: 2 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: jug.id, quantity: 1 });
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    const updates = countCalls(b.page, 'cart.updateQuantity');

    await b.page.goto('/cart');
    const line = b.page.getByRole('listitem', { name: jug.title });
    const quantity = line.getByRole('status', { name: 'Quantity' });
    const plus = line.getByRole('button', { name: 'Increase quantity' });
    const minus = line.getByRole('button', { name: 'Decrease quantity' });
    await line.getByRole('link', { name: jug.title }).focus();

    // Up to the stock: the button keeps focus, says it can go no further, and the note is announced.
    await tabTo(b.page, plus);
    await b.page.keyboard.press('Enter');
    await line.locator('.qty-limit').filter({ hasText: 'All 2 available are in your cart' }).waitFor();
    await waitUntil(async () => (await quantity.textContent()) === '2', { what: 'quantity 2' });
    await waitUntil(async () => updates() === 1, { what: 'one quantity change sent' });
    expect(await focusedName(b.page)).toBe('Increase quantity');
    expect(await plus.getAttribute('aria-disabled')).toBe('true');
    const announced = line.locator('[aria-live="polite"]').filter({ hasText: 'All 2 available are in your cart' });
    expect(await announced.count()).toBe(1);
    const described = await plus.evaluate(
      (el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
    );
    expect(described).toBe('All 2 available are in your cart');
    await screenshot(b.page, `cart-stepper-limit-${project}`);
    // A further press is refused: nothing changes, focus stays.
    await b.page.keyboard.press('Enter');
    expect(await quantity.textContent()).toBe('2');
    await waitForFocus(plus);

    // Back to 1 with "−": the same.
    await b.page.keyboard.press('Shift+Tab');
    await waitForFocus(minus);
    await b.page.keyboard.press('Enter');
    await waitUntil(async () => (await quantity.textContent()) === '1', { what: 'quantity 1' });
    await waitUntil(async () => updates() === 2, { what: 'the decrease sent' });
    expect(await focusedName(b.page)).toBe('Decrease quantity');
    expect(await minus.getAttribute('aria-disabled')).toBe('true');
    expect(await line.getByText('All 2 available are in your cart').count()).toBe(0);
    await b.page.keyboard.press('Enter');
    await waitForFocus(minus);

    // Tab still goes on from the stepper, and "+" works again: the refused presses sent nothing.
    await b.page.keyboard.press('Tab');
    await waitForFocus(plus);
    await b.page.keyboard.press('Enter');
    await waitUntil(async () => (await quantity.textContent()) === '2', { what: 'quantity 2 again' });
    await waitUntil(async () => updates() >= 3, { what: 'the third change sent' });
    expect(updates()).toBe(3);
    await waitUntil(async () => (await buyer.caller.cart.get()).itemCount === 2, { what: '2 in the cart' });
    expect(await b.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
      0,
    );
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
}
