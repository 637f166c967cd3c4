// The cart's Summary names why checkout waits. In a cart mixing a shop on vacation and a shop that
// can sell, the line said "The shop is on vacation" but the Summary said "Some items are no longer
// available", which read as if they were gone for good. The Summary now gives the real reason
// from the same rule as the lines (lineProblem): "1 item can’t be bought right now: <shop> is on
// vacation." Desktop and phone.
import { expect, test } from 'bun:test';
import { cartWithShopAway, signedInPage } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: one shop on vacation: the Summary says which shop and that it is on vacation`, async () => {
    const { away, jug, buyer } = await cartWithShopAway();
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    await b.page.goto('/cart');
    await b.page.getByRole('listitem', { name: jug.title }).getByText('The shop is on vacation.').waitFor();
    const summary = b.page.getByRole('complementary', { name: 'Order summary' });
    const notice = summary.getByRole('status').filter({ hasText: 'Update your cart to continue.' });
    await notice.waitFor();
    const said = ((await notice.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    expect(said).toBe(
      `1 item can’t be bought right now: ${away.shop.name} is on vacation. Update your cart to continue.`,
    );
    expect(said).not.toContain('no longer available');
    // The totals are the open shop's alone, and checkout waits for the cart to change.
    const text = ((await summary.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Items (1)$12.00');
    expect(await summary.getByRole('button', { name: 'Proceed to checkout' }).isDisabled()).toBe(true);
    await summary.scrollIntoViewIfNeeded();
    await screenshot(b.page, `cart-summary-reason-away-${project}`);
    expect(await b.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
      0,
    );
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
}
