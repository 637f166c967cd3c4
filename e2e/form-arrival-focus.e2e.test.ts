// Found by a walk at 1366×900 and 390×844, keyboard only: after a form or a button (not a link)
// sent the shopper to another page, focus fell to <body> and the next Tab started again at "Skip to
// content": Sign in (to home or to ?next=), Create account, Sign out from the Account menu, the
// guest's "Create my account" on the mailed order page, "Ask a question" while signed out. Focus
// now lands on the new page's heading, and the next Tab goes on in the page. After a password
// reset, Sign in puts focus on its empty Password field, the one field still to fill.
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { TEST_PASSWORD } from '../src/server/test/factories';
import {
  createProduct,
  createSeller,
  createUser,
  guestCheckout,
  mailedLink,
  signedInPage,
  tabTo,
  token,
  unique,
  waitForFocus,
} from './fixtures';
import { newPage, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** `heading` gets focus, and the next Tab goes on inside the page, not at "Skip to content". */
async function arrivesAt(page: Page, heading: Locator) {
  await waitForFocus(heading);
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => ({
    text: document.activeElement?.textContent?.trim() ?? '',
    inMain: !!document.getElementById('main')?.contains(document.activeElement),
  }));
  expect(next.text).not.toBe('Skip to content');
  expect(next.inMain).toBe(true);
}

const home = (page: Page) => page.getByRole('heading', { level: 1, name: /Things with a story/ });

for (const project of projectNames) {
  test(`${project}: Sign in, Create account and Sign out put focus on the page they lead to`, async () => {
    const user = await createUser();
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Sign in, sent on to ?next=.
    await page.goto('/signin?next=%2Forders');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await tabTo(page, page.getByLabel('Email'));
    await page.keyboard.type(user.email);
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/orders');
    await arrivesAt(page, page.getByRole('heading', { level: 1, name: 'Your orders' }));
    await screenshot(page, `signin-next-${project}`);

    // Sign out from the Account menu, on to the home page.
    const menu = page.getByRole('button', { name: 'Account menu' });
    await tabTo(page, menu);
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Sign out' }), 20);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/');
    await arrivesAt(page, home(page));

    // Sign in with no ?next=: the home page.
    await page.goto('/signin');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await tabTo(page, page.getByLabel('Email'));
    await page.keyboard.type(user.email);
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Account menu' }).waitFor();
    await arrivesAt(page, home(page));
    await context.clearCookies();

    // Create account: the home page.
    await page.goto('/register');
    await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
    await tabTo(page, page.getByLabel('Your name'));
    await page.keyboard.type('Ada Arrival');
    await tabTo(page, page.getByLabel('Email'));
    await page.keyboard.type(`${unique('arrive')}@example.test`);
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.type('a-good-long-password');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Account menu' }).waitFor();
    await arrivesAt(page, home(page));
    await screenshot(page, `register-home-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);

  test(`${project}: after a password reset, Sign in puts focus on the empty Password field`, async () => {
    const user = await createUser();
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    await page.goto('/forgot-password');
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await tabTo(page, page.getByLabel('Email'));
    await page.keyboard.type(user.email);
    await page.keyboard.press('Enter');
    await page.getByText('Check your inbox.').waitFor();
    await page.goto(await mailedLink(e2e.app.baseUrl, user.email, '/reset-password?token='));
    await tabTo(page, page.getByLabel('New password', { exact: true }));
    await page.keyboard.type('brand-new-password');
    await tabTo(page, page.getByLabel('New password again'));
    await page.keyboard.type('brand-new-password');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/signin' && u.searchParams.get('email') === user.email);
    const password = page.getByLabel('Password', { exact: true });
    await waitForFocus(password);
    expect(await password.inputValue()).toBe('');
    await screenshot(page, `reset-signin-${project}`);
    // Typing there and Enter signs in.
    await page.keyboard.type('brand-new-password');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Account menu' }).waitFor();
    await arrivesAt(page, home(page));
    await context.close();
  }, 120_000);

  test(`${project}: a guest's "Create my account" puts focus on Your orders`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Arrival jug ${token()}`, priceCents: 2500 });
    const email = `${unique('guest-arrive')}@example.test`;
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    await guestCheckout(page, product.id, email);
    await page.goto(await mailedLink(e2e.app.baseUrl, email, '/orders/guest?token='));
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.type('a-good-long-password');
    await tabTo(page, page.getByLabel('Password again'));
    await page.keyboard.type('a-good-long-password');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/orders');
    await arrivesAt(page, page.getByRole('heading', { level: 1, name: 'Your orders' }));
    await context.close();
  }, 150_000);

  test(`${project}: "Ask a question" while signed out puts focus on Sign in`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Question bowl ${token()}` });
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    await page.goto(`/listing/${product.id}`);
    await tabTo(page, page.getByRole('button', { name: 'Ask a question' }));
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/signin');
    await arrivesAt(page, page.getByRole('heading', { level: 1, name: /^Sign in/ }));
    await context.close();
  }, 120_000);
}

// Not followed by a form: a first load moves nothing .
test('desktop: a first load leaves focus alone', async () => {
  const { context, page } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), 'desktop');
  await page.goto('/orders');
  await page.getByRole('heading', { level: 1, name: 'Your orders' }).waitFor();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await context.close();
}, 60_000);
