// A guest's order page (the link in the confirmation mail) on a phone, found by a walk: a long
// address in "Placed with …" and "Choose a password for …" did not break, so the page was 444 px
// wide at 390. The address now breaks after its dots and before the @, like the confirmation's.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, guestCheckout, mailedLink, token } from './fixtures';
import { newPage, projectNames, projects, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: a guest's order page keeps a long email address inside the page`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Wrap jug ${token()}`, priceCents: 2500 });
    const email = `${token()}.a.very.long.guest.address.for.testing@example-longdomain.test`;
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await guestCheckout(page, product.id, email);
    await page.goto(await mailedLink(e2e.app.baseUrl, email, '/orders/guest?token='));
    await page.getByText('Placed with').waitFor();
    await page.getByText('Choose a password for').waitFor();
    await screenshot(page, `guest-order-email-wrap-${project}`);

    // Both sentences still read the whole address.
    await expect(page.getByText('Placed with').textContent()).resolves.toContain(email);
    await expect(page.getByText('Choose a password for').textContent()).resolves.toContain(email);
    // Phone emulation widens innerWidth to fit the content, so measure against the project's width.
    const width = projects[project].viewport.width;
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(width);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
}
