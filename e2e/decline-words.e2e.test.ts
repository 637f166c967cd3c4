// A declined card at checkout is said once, in words: "Your card was declined." with no bank code
// in brackets after it ("(card declined)"), and a decline that has a reason the shopper can act on
// says it ("it does not have enough funds"). Keyboard only, at laptop and phone size.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { createProduct, createSeller, createUser, fillShippingAddress, signedInPage, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

async function payWith(page: Page, card: RegExp) {
  await page.goto('/checkout');
  await page.getByRole('heading', { name: 'Checkout · Shipping' }).waitFor();
  await fillShippingAddress(page);
  await page.getByLabel('Postal code').press('Enter');
  await page.getByLabel(card).check();
  await page.getByLabel(card).press('Enter');
  await page.getByRole('heading', { name: 'Checkout · Review' }).waitFor();
  await page.getByRole('button', { name: /Place order ·/ }).focus();
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'Your card was declined' });
  await alert.waitFor();
  // The notice takes focus and comes into view, as after any action the shopper just took.
  await page.waitForFunction(() => {
    const el = document.activeElement;
    if (el?.getAttribute('role') !== 'alert') return false;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  return (await alert.textContent()) ?? '';
}

for (const project of projectNames) {
  test(`${project}: a declined card is said once, in words`, async () => {
    const seller = await createSeller();
    const jug = await createProduct(seller, { title: `Jug ${token()}`, quantity: 5 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: jug.id, quantity: 1 });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    const plain = await payWith(page, /Card that is declined/);
    expect(plain).toContain('Your card was declined. Nothing was charged');
    expect(plain).not.toMatch(/\(|declined_|card declined/);
    await screenshot(page, `declined-${project}`);

    const funds = await payWith(page, /Card with insufficient funds/);
    expect(funds).toContain('Your card was declined: it does not have enough funds. Nothing was charged');
    expect(funds).not.toMatch(/\(|insufficient funds/);
    await screenshot(page, `declined-funds-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  });
}
