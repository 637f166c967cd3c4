// Found by a walk at 1366×900 and 390×844, keyboard only: after a signed-out heart, "Favourite
// shop" or "Ask a question", Sign in said why ("Sign in to favourite Thistle Wool Salvage"), but
// "Create an account" from there read just "Create your account", though the favourite (or the
// question) still followed registering. Create an account now gives the same reason.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { createProduct, createSeller, tabTo, token, waitForFocus } from './fixtures';
import { newPage, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** From Sign in (which says why), on to Create an account by keyboard: the same reason, focused. */
async function onToCreateAccount(page: Page, signInWhy: string, createWhy: string) {
  await page.waitForURL((u) => u.pathname === '/signin');
  await page.getByRole('heading', { level: 1, name: signInWhy }).waitFor();
  await tabTo(page, page.getByRole('link', { name: 'Create an account' }));
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === '/register');
  const heading = page.getByRole('heading', { level: 1, name: createWhy, exact: true });
  await heading.waitFor();
  await waitForFocus(heading);
  // The longer heading wraps; nothing pans sideways at 390 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    await page.evaluate(() => window.innerWidth),
  );
  // The form is still next: Tab goes on to the name.
  await tabTo(page, page.getByLabel('Your name'), 3);
}

for (const project of projectNames) {
  test(`${project}: Create an account says why after a signed-out heart or "Favourite shop"`, async () => {
    const seller = await createSeller();
    const title = `Reason jug ${token()}`;
    await createProduct(seller, { title });
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/shop/${seller.shop.slug}`);
    await tabTo(page, page.getByRole('button', { name: `Save ${title} to favourites` }));
    await page.keyboard.press('Enter');
    await onToCreateAccount(
      page,
      `Sign in to save ${title} to your favourites`,
      `Create an account to save ${title} to your favourites`,
    );
    await screenshot(page, `create-account-why-heart-${project}`);

    await page.goto(`/shop/${seller.shop.slug}`);
    await tabTo(page, page.getByRole('button', { name: `Favourite shop ${seller.shop.name}` }));
    await page.keyboard.press('Enter');
    await onToCreateAccount(
      page,
      `Sign in to favourite ${seller.shop.name}`,
      `Create an account to favourite ${seller.shop.name}`,
    );
    await screenshot(page, `create-account-why-shop-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);

  test(`${project}: Create an account says why after a signed-out "Ask a question"`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Asked jug ${token()}` });
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/listing/${product.id}`);
    await tabTo(page, page.getByRole('button', { name: 'Ask a question' }));
    await page.keyboard.press('Enter');
    await onToCreateAccount(
      page,
      `Sign in to message ${seller.shop.name}`,
      `Create an account to message ${seller.shop.name}`,
    );
    await screenshot(page, `create-account-why-ask-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);
}
