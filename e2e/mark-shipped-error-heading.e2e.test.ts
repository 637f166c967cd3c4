// Found by a walk at 390×844, keyboard only: Mark shipped with no tracking number focused "Tracking
// number", and the page scrolled just far enough to show that field and its label, leaving the
// card's "Next step" heading half under the sticky header. The focused field now brings the card's
// heading with it, below the header, as a field's control brings its label (design.css).
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { address, quoteAndPlace } from '../src/server/modules/checkout/checkout-test-kit';
import { waitUntil } from '../src/server/test/wait-until';
import { createProduct, createSeller, createUser, signedInPage, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** Where the header ends, and where the card's heading and the focused control are, in the viewport. */
function measure(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector('.site-header')!.getBoundingClientRect();
    const heading = document.getElementById('order-actions-title')!.getBoundingClientRect();
    const focused = document.activeElement!.getBoundingClientRect();
    return {
      headerBottom: Math.round(header.bottom),
      headingTop: Math.round(heading.top),
      focusedBottom: Math.round(focused.bottom),
      height: window.innerHeight,
    };
  });
}

for (const project of projectNames)
  test(`${project}: Mark shipped's first error shows with the "Next step" heading below the header`, async () => {
    const seller = await createSeller();
    const mug = await createProduct(seller, { title: `Mug ${token()}`, priceCents: 2200, quantity: 10 });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: mug.id, quantity: 1 });
    const orderId = (await quoteAndPlace(buyer, { shippingAddress: address() })).orders[0]!.orderId;
    await seller.caller.orders.updateStatus({ orderId, status: 'processing' });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/orders/${orderId}`);
    const markShipped = page.getByRole('button', { name: 'Mark shipped' });
    const tracking = page.getByLabel('Tracking number');
    await markShipped.waitFor();

    // Scrolled on, as after reading down to Mark shipped: the heading just under the header's edge
    // (partly behind it, or whole with the tracking field below), then Mark shipped with no number.
    // Room below the page stands in for a long order on the laptop.
    await page.evaluate(() => {
      document.body.style.paddingBottom = '1500px';
    });
    for (const headingTopPastHeader of [-12, 4]) {
      await page.evaluate((past) => {
        const header = document.querySelector('.site-header')!.getBoundingClientRect();
        const heading = document.getElementById('order-actions-title')!.getBoundingClientRect();
        window.scrollBy(0, heading.top - (header.bottom + past));
      }, headingTopPastHeader);
      expect(await markShipped.isVisible()).toBe(true);
      await markShipped.focus();
      await page.keyboard.press('Enter');
      await page.getByText('Enter the tracking number').first().waitFor();
      await waitForFocus(tracking);
      let at = await measure(page);
      await waitUntil(
        async () => {
          const now = await measure(page);
          const still = now.headingTop === at.headingTop;
          at = now;
          return still;
        },
        { what: 'the page to stop scrolling' },
      );
      await screenshot(page, `mark-shipped-error-heading-${headingTopPastHeader}-${project}`);
      expect({ headingTopPastHeader, ...at, clear: at.headingTop >= at.headerBottom }).toEqual({
        headingTopPastHeader,
        ...at,
        clear: true,
      });
      expect(at.focusedBottom).toBeLessThanOrEqual(at.height);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
