// Accounts and email in the browser: a new account confirms its address by following the link
// from the mail (read in the app's own /dev/mail inbox), and a shopper who forgot their password
// resets it from the mailed link and signs in with the new one. Both at phone and desktop width.
import { expect, test } from 'bun:test';
import type { ConsoleMessage, Page } from 'playwright';
import { createProduct, createSeller, createUser, fillShippingAddress, signedInPage, token, unique } from './fixtures';
import { newPage, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** Opens the newest mail to `to` with `subject` in /dev/mail and returns the action link's href. */
async function linkFromInbox(page: Page, to: string, subject: string, action: string): Promise<string> {
  // The inbox, the message and its HTML part opened on its own (the frame in a new tab) log no
  // errors: the HTML part, sandboxed, asks for /favicon.ico from origin "null", once refused under
  // CORP same-origin ("ERR_BLOCKED_BY_RESPONSE.NotSameOrigin").
  const logged: string[] = [];
  const onConsole = (m: ConsoleMessage) => {
    if (m.type() === 'error') logged.push(`${m.text()} ${m.location().url}`);
  };
  page.on('console', onConsole);
  const deadline = Date.now() + 20_000;
  for (;;) {
    await page.goto('/dev/mail');
    const row = page.getByRole('link').filter({ hasText: to }).filter({ hasText: subject }).first();
    // (subject '' matches any mail to `to`: the newest one is first.)
    if (await row.isVisible()) {
      await row.click();
      break;
    }
    if (Date.now() > deadline) throw new Error(`no mail "${subject}" to ${to} in /dev/mail`);
    await page.waitForTimeout(250);
  }
  if (subject) await page.getByRole('heading', { name: subject }).waitFor();
  const link = page.frameLocator('iframe[title="Message as HTML"]').getByRole('link', { name: action });
  const href = await link.getAttribute('href');
  expect(href).toStartWith(e2e.app.baseUrl);
  const part = await page.locator('iframe[title="Message as HTML"]').getAttribute('src');
  expect(part).toStartWith('/dev/mail/');
  await page.goto(String(part));
  // The icon is asked for after the load, out of Playwright's sight: give it a moment to fail.
  await page.waitForTimeout(1_000);
  page.off('console', onConsole);
  expect(logged).toEqual([]);
  return href!;
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const project of ['phone', 'desktop'] as const) {
  test(`${project}: register, see the reminder, follow the verify link from the mail`, async () => {
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    const email = `${unique('e2e-verify')}@example.test`;
    await page.goto('/register');
    await page.getByLabel('Your name').fill('Grace Hopper');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a-long-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    const banner = page.getByRole('region', { name: 'Confirm your email' });
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain(email);

    const href = await linkFromInbox(page, email, 'Confirm your email address', 'Confirm my email');
    await noSidewaysScroll(page);
    await screenshot(page, `dev-mail-${project}`);
    await page.goto(href);
    await page.getByRole('heading', { name: 'Email confirmed' }).waitFor();
    await noSidewaysScroll(page);
    await page.goto('/account');
    await page.getByText('Confirmed', { exact: true }).waitFor();
    expect(await banner.count()).toBe(0);
    await noSidewaysScroll(page);
    await screenshot(page, `account-${project}`);

    // The same link again: the address is confirmed, so it says so and leads on (before, it read
    // as a failure: "We could not confirm this address. This link was already used.").
    await page.goto(href);
    await page.getByRole('status').getByText('Your email address is already confirmed.').waitFor();
    expect(await page.getByText(/could not confirm|already used/).count()).toBe(0);
    await screenshot(page, `verify-again-${project}`);
    await page.getByRole('link', { name: 'Your account' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/account');
    await noSidewaysScroll(page);
    await context.close();

    // Signed out, the same link says the same (it was for this address); a broken one offers a way on.
    const signedOut = await newPage(e2e.browser, e2e.app.baseUrl, project);
    await signedOut.page.goto(href);
    await signedOut.page.getByText('Your email address is already confirmed.').waitFor();
    await signedOut.page.goto(`/verify-email?token=${'A'.repeat(43)}`);
    await signedOut.page.getByText('This link is not valid.').waitFor();
    await signedOut.page.getByRole('link', { name: 'Sign in to get a new link' }).focus();
    await signedOut.page.keyboard.press('Enter');
    await signedOut.page.waitForURL((url) => url.pathname === '/signin' && url.search.includes('account'));
    await signedOut.context.close();
  }, 90_000);

  test(`${project}: forgot password, reset from the mailed link, sign in with the new one`, async () => {
    const user = await createUser();
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    // The sign-in page has an Email box too: wait for the reset page before typing (a busy CI run
    // typed into sign-in's while the reset page's code was still loading).
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email').fill(user.email);
    await page.keyboard.press('Enter');
    await page.getByText('Check your inbox.').waitFor();
    // The form was replaced: focus lands on the answer, and the address wraps inside its box.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    const box = page.getByRole('status').filter({ hasText: 'Check your inbox.' });
    expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await noSidewaysScroll(page);

    const href = await linkFromInbox(page, user.email, 'Reset your Hearth password', 'Choose a new password');
    await page.goto(href);
    await page.getByLabel('New password', { exact: true }).fill('brand-new-password');
    await page.getByLabel('New password again').fill('brand-new-password');
    await noSidewaysScroll(page);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.waitForURL(/\/signin\?email=/);
    // The address is filled in; only the new password is needed.
    expect(await page.getByLabel('Email').inputValue()).toBe(user.email);
    await page.getByLabel('Password').fill('brand-new-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('button', { name: 'Account menu' }).waitFor();

    // The link is spent: the page says so as it opens, before any password is typed.
    await page.goto(href);
    await page.getByRole('heading', { name: 'This link has been used or has expired' }).waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
    await context.close();
  }, 90_000);
}

test('guest checkout: pay with an email, follow the mailed order link, set a password, see the order signed in', async () => {
  const seller = await createSeller();
  const product = await createProduct(seller, { title: `Guest mug ${token()}`, priceCents: 2500 });
  const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, 'phone');
  const email = `${unique('e2e-guest')}@example.test`;
  await page.goto(`/product/${product.id}`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('link', { name: /View in cart/ }).click();
  await page.getByRole('link', { name: 'Check out as a guest' }).click();
  await page.getByLabel('Email').fill(email);
  await fillShippingAddress(page);
  await noSidewaysScroll(page);
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.getByLabel(/Visa ending 4242/).check();
  await page.getByRole('button', { name: 'Review order' }).click();
  await page.getByRole('button', { name: /Place order ·/ }).click();
  await page.getByText('Your order is placed').waitFor();
  await page.getByText(`We sent a confirmation to ${email}`).waitFor();
  await screenshot(page, 'guest-confirmation-phone');

  const href = await linkFromInbox(page, email, '', 'View your order');
  await page.goto(href);
  await page.getByRole('heading', { name: 'Your order', exact: true, level: 1 }).waitFor();
  await page.getByText(product.title).waitFor();
  await noSidewaysScroll(page);
  await page.getByLabel('Password', { exact: true }).fill('guest-password-1');
  await page.getByLabel('Password again').fill('guest-password-1');
  await screenshot(page, 'guest-order-phone');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.waitForURL((url) => url.pathname === '/orders');
  await page.getByText(seller.shop.name).first().waitFor();
  await context.close();
}, 120_000);

for (const project of ['phone', 'desktop'] as const) {
  test(`${project}: address book on the account page, offered and saved at checkout`, async () => {
    const user = await createUser();
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Address mug ${token()}`, priceCents: 1900 });
    const { context, page } = await signedInPage(e2e.browser, e2e.app.baseUrl, user, project);
    await page.goto('/account');
    await page.getByText('No saved addresses yet').waitFor();
    await page.getByRole('button', { name: '+ Add an address' }).click();
    const form = page.getByRole('form', { name: 'New address' });
    await form.getByLabel('Full name').fill('Ada Lovelace');
    await form.getByLabel('Address line 1').fill('12 Market St');
    await form.getByLabel('City').fill('Portland');
    await form.getByLabel('State / region').fill('OR');
    await form.getByLabel('Postal code').fill('97201');
    await form.getByLabel('Country').selectOption('US');
    await form.getByRole('button', { name: 'Save address' }).click();
    await page.getByText('Default', { exact: true }).waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, `address-book-${project}`);

    await user.caller.cart.addItem({ productId: product.id, quantity: 1 });
    await page.goto('/checkout');
    const saved = page.getByRole('group', { name: 'Your saved addresses' }).getByRole('radio');
    await saved.first().waitFor();
    expect(await saved.first().isChecked()).toBe(true);
    expect(await page.getByLabel('Address line 1').inputValue()).toBe('12 Market St');
    // A new address typed in can be saved on the way.
    await page.getByLabel('Address line 1').fill('99 Harbour Rd');
    await page.getByLabel('Save this address to my address book').check();
    await noSidewaysScroll(page);
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.getByLabel(/Visa ending 4242/).waitFor();
    await page.goto('/account');
    await page.getByText('99 Harbour Rd').waitFor();
    await page.getByRole('button', { name: 'Delete address 99 Harbour Rd' }).click();
    await page.getByText('Address deleted').waitFor();
    expect(await page.getByText('99 Harbour Rd').count()).toBe(0);
    await context.close();
  }, 120_000);
}
