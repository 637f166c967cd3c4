// Found by a walk at 1366×900 and 390×844, keyboard only: with nothing in the cart that can be
// bought (or a line holding checkout up), "Proceed to checkout" was a `disabled` button. Tab skipped
// it, so a keyboard user never met it, and a screen reader never heard why checkout waits. It is now
// aria-disabled, like the cart's stepper at a limit: Tab reaches it, its description is the
// Summary's reason, and Enter or Space does nothing (no checkout, focus stays on it).
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import {
  cartWithShopAway,
  createProduct,
  createSeller,
  createUser,
  flatRatePolicy,
  sendOnVacation,
  signedInPage,
  tabTo,
  token,
  waitForFocus,
} from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** What a screen reader reads after the button's name: the text of what aria-describedby names. */
const description = (target: Locator) =>
  target.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );

async function expectRefusesKeys(page: Page, proceed: Locator) {
  for (const key of ['Enter', 'Space']) {
    await page.keyboard.press(key);
    expect(new URL(page.url()).pathname).toBe('/cart');
    await waitForFocus(proceed);
  }
  expect(await proceed.getAttribute('aria-disabled')).toBe('true');
  // Still no checkout once anything the presses could have started has had its turn.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
  expect(new URL(page.url()).pathname).toBe('/cart');
}

for (const project of projectNames) {
  test(`${project}: nothing can be bought: Tab reaches Proceed to checkout, which says why and refuses the press`, async () => {
    const away = await createSeller(undefined, flatRatePolicy);
    const jug = await createProduct(away, { title: `Jug ${token()}`, priceCents: 3000, quantity: 3 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: jug.id, quantity: 1 });
    await sendOnVacation(away);
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    await b.page.goto('/cart');
    const summary = b.page.getByRole('complementary', { name: 'Order summary' });
    await summary.getByText('Nothing in your cart can be bought right now.').waitFor();
    const proceed = summary.getByRole('button', { name: 'Proceed to checkout' });
    await tabTo(b.page, proceed);
    expect(await description(proceed)).toBe('Nothing in your cart can be bought right now. Its shop is on vacation.');
    await expectRefusesKeys(b.page, proceed);
    await screenshot(b.page, `cart-proceed-nothing-${project}`);
    expect(await b.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
      0,
    );
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  test(`${project}: a line holds checkout up: Proceed to checkout is reached by Tab and described by the reason`, async () => {
    const { away, buyer } = await cartWithShopAway();
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    await b.page.goto('/cart');
    const summary = b.page.getByRole('complementary', { name: 'Order summary' });
    await summary.getByText('Update your cart to continue.').waitFor();
    const proceed = summary.getByRole('button', { name: 'Proceed to checkout' });
    await tabTo(b.page, proceed);
    expect(await description(proceed)).toBe(
      `1 item can’t be bought right now: ${away.shop.name} is on vacation. Update your cart to continue.`,
    );
    await expectRefusesKeys(b.page, proceed);
    await screenshot(b.page, `cart-proceed-some-${project}`);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
}
