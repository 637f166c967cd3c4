// When a form shows its errors: not while the shopper only tabs through it (to reach the next card
// of the account page, or the "Forgot your password?" link), but once they submit, or once they
// have typed in a field and leave it; then the error follows their typing. Keyboard only, at both
// widths (decision 0177).
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { createProduct, createSeller, createUser, signedInPage, unique } from './fixtures';
import { newPage, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** The error messages the page shows (Field's and FormError's role=alert). */
function shownErrors(page: Page): Promise<string[]> {
  return page.getByRole('alert').allInnerTexts();
}

async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : (el?.textContent ?? '');
  });
}

for (const project of ['phone', 'desktop'] as const) {
  test(`${project}: tabbing through the account page's forms shows no errors; typing and leaving, or submitting, does`, async () => {
    const user = await createUser();
    const { context, page } = await signedInPage(e2e.browser, e2e.app.baseUrl, user, project);
    await page.goto('/account');
    await page.getByRole('heading', { name: 'Change email' }).waitFor();
    await page.getByLabel('New email').focus();
    const passed: string[] = [await focused(page)];
    while (passed.at(-1) !== 'Change password') {
      await page.keyboard.press('Tab');
      passed.push(await focused(page));
      if (passed.length > 12) throw new Error(`Tab never reached Change password: ${passed.join(' → ')}`);
    }
    expect(passed).toEqual([
      'New email',
      'Your password',
      'Send confirmation link',
      'Current password',
      'New password',
      'New password again',
      'Change password',
    ]);
    expect(await shownErrors(page)).toEqual([]);
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    await screenshot(page, `account-tabbed-through-${project}`);

    // Typed in and left: that field (only) says what is wrong, and clears as it is put right.
    await page.getByLabel('New email').focus();
    await page.keyboard.type('rita.example');
    await page.keyboard.press('Tab');
    await page.getByText('Enter a valid email address.').waitFor();
    expect(await shownErrors(page)).toEqual(['Enter a valid email address.']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('End');
    await page.keyboard.type('@example.test');
    await page.getByText('Enter a valid email address.').waitFor({ state: 'detached' });
    expect(await shownErrors(page)).toEqual([]);

    // Submitting an empty form does show its errors.
    await page.getByLabel('Current password').focus();
    await page.keyboard.press('Enter');
    await page.getByText('Enter your current password.').waitFor();
    expect(await shownErrors(page)).toContain('Password must be at least 8 characters.');
    await context.close();
  }, 90_000);

  test(`${project}: tabbing past the sign-in form to "Forgot your password?" shows no errors; Sign in does`, async () => {
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    await page.goto('/signin');
    await page.getByLabel('Email').focus();
    for (let i = 0; i < 6 && (await focused(page)) !== 'Forgot your password?'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Forgot your password?');
    expect(await shownErrors(page)).toEqual([]);
    // Sign in on the empty form: each field says what to do, in a sentence.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Enter your email address.').waitFor();
    expect(await shownErrors(page)).toEqual(['Enter your email address.', 'Enter your password.']);
    await context.close();
  }, 60_000);
}

for (const project of ['phone', 'desktop'] as const) {
  test(`${project}: tabbing through checkout's shipping form shows no errors until Continue`, async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { title: `Tab mug ${unique('t')}`, priceCents: 2800 });
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    await page.goto(`/product/${mug.id}`);
    await page.getByRole('heading', { name: mug.title }).waitFor();
    await page.getByRole('button', { name: 'Add to cart' }).press('Enter');
    await page.getByRole('link', { name: /View in cart/ }).waitFor();
    await page.goto('/checkout');
    await page.getByRole('heading', { name: 'Checkout · Shipping' }).waitFor();
    await page.getByLabel('Email').focus();
    for (let i = 0; i < 20 && !(await focused(page)).includes('Continue to payment'); i++)
      await page.keyboard.press('Tab');
    expect(await focused(page)).toContain('Continue to payment');
    expect(await shownErrors(page)).toEqual([]);
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    // Continue on the empty form does show what is missing.
    await page.keyboard.press('Enter');
    await page.getByText('Enter your email address').waitFor();
    await context.close();
  }, 90_000);
}
