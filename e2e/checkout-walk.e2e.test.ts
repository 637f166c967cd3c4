// Checkout as a walk found it, at phone and desktop width and with the keyboard for every form:
// a reload keeps the shipping address (never the card) until the order is placed; the guest's
// confirmation for a cart from two shops reads as one sentence and offers their orders.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import {
  createProduct,
  createSeller,
  createUser,
  fillShippingAddress,
  signedInPage,
  token,
  unique,
  waitForFocus,
} from './fixtures';
import { newPage, type ProjectName, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** A guest's cart with one listing from each of two shops, opened at the checkout's first step. */
async function guestAtCheckoutWithTwoShops(page: Page) {
  const [a, b] = [await createSeller(), await createSeller()];
  const mug = await createProduct(a, { title: `Walk mug ${token()}`, priceCents: 2800 });
  const scarf = await createProduct(b, { title: `Walk scarf ${token()}`, priceCents: 4500, categorySlug: 'scarves' });
  for (const p of [mug, scarf]) {
    await page.goto(`/product/${p.id}`);
    await page.getByRole('heading', { name: p.title }).waitFor();
    await page.getByRole('button', { name: 'Add to cart' }).press('Enter');
    await page.getByRole('link', { name: /View in cart/ }).waitFor();
  }
  await page.goto('/checkout');
  await page.getByRole('heading', { name: 'Checkout · Shipping' }).waitFor();
}

/** The rectangles of the text around the email in the confirmation's notice, and the email's. */
async function confirmationSentence(page: Page) {
  return page.getByText('We sent a confirmation to').evaluate((el) => {
    const box = el.closest('.notice') ?? el;
    const strong = box.querySelector('strong');
    if (!strong) throw new Error('no email in the notice');
    // One rectangle per line (the address is several text nodes, split by <wbr>).
    const rects = (node: Node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines: { top: number; left: number; right: number }[] = [];
      for (const r of range.getClientRects()) {
        if (r.width === 0) continue;
        const line = lines.find((l) => Math.abs(l.top - r.top) < 2);
        if (!line) lines.push({ top: r.top, left: r.left, right: r.right });
        else Object.assign(line, { left: Math.min(line.left, r.left), right: Math.max(line.right, r.right) });
      }
      return lines;
    };
    return {
      text: (box.textContent ?? '').replace(/\s+/g, ' ').trim(),
      email: rects(strong),
      after: strong.nextSibling ? rects(strong.nextSibling) : [],
    };
  });
}

for (const project of ['desktop', 'phone'] as const satisfies ProjectName[]) {
  test(`${project}: a guest's two orders: the confirmation reads as one sentence and offers "View your orders"`, async () => {
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    await guestAtCheckoutWithTwoShops(page);
    const email = `${unique('walk')}@example.com`;
    await page.getByLabel('Email').fill(email);
    await fillShippingAddress(page);
    await page.getByLabel('Postal code').press('Enter');
    await page.getByLabel(/Visa ending 4242/).check();
    await page.getByLabel(/Visa ending 4242/).press('Enter');
    await page.getByRole('button', { name: /Place order ·/ }).press('Enter');
    await page.getByText('Your 2 orders are placed').waitFor();
    await screenshot(page, `checkout-walk-confirmation-${project}`);

    const sentence = await confirmationSentence(page);
    // One flowing sentence: the words after the address go on in the address's own line, right
    // after it (side-by-side columns put them at the top of a third column instead).
    const lastOfEmail = sentence.email.at(-1)!;
    const firstAfter = sentence.after[0]!;
    expect(Math.abs(firstAfter.top - lastOfEmail.top)).toBeLessThan(2);
    expect(firstAfter.left - lastOfEmail.right).toBeLessThan(8);
    // At desktop width the address has room: it is never broken.
    if (project === 'desktop') expect(sentence.email.length).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(sentence.text).toBe(
      `We sent a confirmation to ${email} with a link to your orders. From that link you can set a password to keep your orders in an account.`,
    );

    await page.getByRole('link', { name: 'View your orders' }).waitFor();
    expect(await page.getByRole('link', { name: 'View your order', exact: true }).count()).toBe(0);
    await context.close();
  }, 120_000);
}

/** Everything checkout keeps in this tab's storage, as text. */
const tabStorage = (page: Page) => page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));

async function expectTypedAddress(page: Page) {
  expect(await page.getByLabel('Full name').inputValue()).toBe('Ada Lovelace');
  expect(await page.getByLabel('Address line 1').inputValue()).toBe('12 Market St');
  expect(await page.getByLabel('City').inputValue()).toBe('Portland');
  expect(await page.getByLabel('State / region').inputValue()).toBe('OR');
  expect(await page.getByLabel('Postal code').inputValue()).toBe('97201');
  expect(await page.getByLabel('Country').inputValue()).toBe('US');
}

test('desktop: a guest who reloads the payment step stays there, and Shipping still holds what they typed', async () => {
  const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, 'desktop');
  await guestAtCheckoutWithTwoShops(page);
  const email = `${unique('walk')}@example.com`;
  await page.getByLabel('Email').fill(email);
  await fillShippingAddress(page);
  await page.getByLabel('Postal code').press('Enter');
  await page.waitForURL(/step=payment/);
  await page.getByRole('heading', { name: 'Checkout · Payment' }).waitFor();

  await page.reload();
  await page.getByRole('heading', { name: 'Checkout · Payment' }).waitFor();
  expect(new URL(page.url()).search).toBe('?step=payment');
  await page.getByRole('link', { name: '← Shipping' }).press('Enter');
  await page.getByRole('heading', { name: 'Checkout · Shipping' }).waitFor();
  expect(await page.getByLabel('Email').inputValue()).toBe(email);
  await expectTypedAddress(page);

  // On the review step a reload keeps the address but asks for the card again: it is never stored.
  await page.getByLabel('Postal code').press('Enter');
  await page.getByLabel(/Visa ending 4242/).check();
  await page.getByLabel(/Visa ending 4242/).press('Enter');
  await page.getByRole('button', { name: /Place order ·/ }).waitFor();
  expect(await tabStorage(page)).not.toContain('tok_');
  await page.reload();
  await page.getByRole('heading', { name: 'Checkout · Payment' }).waitFor();
  await page.getByLabel(/Visa ending 4242/).press('Enter');
  await page.getByText('Ada Lovelace').first().waitFor();
  await page.getByRole('button', { name: /Place order ·/ }).press('Enter');
  await page.getByText('Your 2 orders are placed').waitFor();
  // Placed: nothing of the address is left in the tab.
  expect(await tabStorage(page)).not.toContain('Market St');
  await context.close();
}, 120_000);

test('phone: a signed-in buyer who reloads the payment step keeps the address they typed', async () => {
  const seller = await createSeller();
  const vase = await createProduct(seller, { title: `Walk vase ${token()}`, categorySlug: 'vases' });
  const buyer = await createUser();
  await buyer.caller.cart.addItem({ productId: vase.id, quantity: 1 });
  const { context, page } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, 'phone');
  await page.goto('/checkout');
  await page.getByRole('heading', { name: 'Checkout · Shipping' }).waitFor();
  await fillShippingAddress(page);
  await page.getByLabel('Postal code').press('Enter');
  await page.waitForURL(/step=payment/);

  await page.reload();
  await page.getByRole('heading', { name: 'Checkout · Payment' }).waitFor();
  expect(new URL(page.url()).search).toBe('?step=payment');
  await page.getByRole('link', { name: '← Shipping' }).press('Enter');
  await expectTypedAddress(page);
  await screenshot(page, 'checkout-walk-reloaded-address-phone');
  await context.close();
}, 120_000);

for (const project of ['desktop', 'phone'] as const satisfies ProjectName[]) {
  test(`${project}: an empty Shipping form sent with Enter puts Email, with its label, below the sticky header`, async () => {
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    await guestAtCheckoutWithTwoShops(page);
    // From the button at the foot of the form (focusing it scrolls the page down to it).
    const submit = page.getByRole('button', { name: 'Continue to payment' });
    await submit.focus();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.keyboard.press('Enter');
    const email = page.getByLabel('Email');
    await waitForFocus(email);
    await page.waitForTimeout(300); // any smooth scroll settles
    await screenshot(page, `checkout-walk-first-error-${project}`);
    const seen = await email.evaluate((input) => {
      const header = document.querySelector('.site-header')!.getBoundingClientRect();
      const label = document.querySelector(`label[for="${input.id}"]`)!.getBoundingClientRect();
      const box = input.getBoundingClientRect();
      return { headerBottom: header.bottom, labelTop: label.top, inputBottom: box.bottom, height: innerHeight };
    });
    expect(seen.labelTop).toBeGreaterThanOrEqual(seen.headerBottom);
    expect(seen.inputBottom).toBeLessThanOrEqual(seen.height);

    await page.getByText('Enter your email address').waitFor();
    // Empty says what to do; something typed that is not an address says it is not valid.
    await email.pressSequentially('ada@');
    await page.getByText('Enter a valid email address').waitFor();
    expect(await page.getByText('Enter your email address').count()).toBe(0);
    await context.close();
  }, 120_000);
}
