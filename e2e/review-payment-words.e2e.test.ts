// Checkout's Review step names the chosen card in words a shopper understands ("Test card:
// declined"), never the payment token behind it ("tok_chargeDeclined"). Keyboard only (the card is
// chosen with the arrow keys), at laptop and phone size.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { createProduct, createSeller, createUser, fillShippingAddress, signedInPage, token } from './fixtures';
import { projectNames, projects, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** Walks to Review with the card `steps` arrow presses below the first; the Payment block's text. */
async function reviewWith(page: Page, steps: number): Promise<string> {
  await page.goto('/checkout');
  await page.getByRole('heading', { name: 'Checkout · Shipping' }).waitFor();
  await fillShippingAddress(page);
  await page.getByLabel('Postal code').press('Enter');
  await page.getByLabel(/Visa ending 4242/).waitFor();
  await page.getByLabel(/Visa ending 4242/).focus();
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Checkout · Review' }).waitFor();
  const block = page.locator('.review-block').filter({ has: page.getByRole('heading', { name: /^Payment/ }) });
  return ((await block.locator('p').textContent()) ?? '').trim();
}

for (const project of projectNames) {
  test(`${project}: the Review step names the card in words, not its token`, async () => {
    const seller = await createSeller();
    const jug = await createProduct(seller, { title: `Jug ${token()}`, quantity: 5 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: jug.id, quantity: 1 });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    expect(await reviewWith(page, 0)).toBe('Test card: Visa ending 4242');
    expect(await reviewWith(page, 2)).toBe('Test card: insufficient funds');
    expect(await reviewWith(page, 1)).toBe('Test card: declined');
    expect(await page.locator('main').textContent()).not.toContain('tok_');
    await page
      .getByRole('heading', { name: /^Payment/ })
      .first()
      .scrollIntoViewIfNeeded();
    await screenshot(page, `review-payment-${project}`);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(projects[project].viewport.width);
    expect(errors).toEqual([]);
    await context.close();
  });
}
