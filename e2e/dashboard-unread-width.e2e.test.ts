// The seller's dashboard on a phone with unread messages (found by a walk): the Messages tab's
// badge carries " unread" for screen readers, visually hidden; in the phone's sideways-scrolling
// tab row that text sat past the screen's edge and made the page 711 px wide at 390 px.
import { expect, test } from 'bun:test';
import { createSeller, createUser, signedInPage } from './fixtures';
import { projectNames, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: the dashboard is no wider than the screen with unread messages`, async () => {
    const seller = await createSeller();
    const buyer = await createUser();
    await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Do you ship to Canada?' });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    for (const path of ['/dashboard', '/dashboard/messages']) {
      await page.goto(path);
      await page.locator('.dash-nav .unread-badge').waitFor();
      const width = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }));
      expect({ path, ...width }).toEqual({ path, page: width.viewport, viewport: project === 'phone' ? 390 : 1366 });
    }
    expect(errors).toEqual([]);
    await context.close();
  });
}
