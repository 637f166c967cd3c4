// The seller's listings on a phone (found by a walk): the table was 898 px wide inside a 356 px
// card, so it scrolled sideways and its right edge (stock, status, Edit, Archive) was cut off.
// At 390 px each listing is now a card of its own; at 1366 px it stays a table.
import { expect, test } from 'bun:test';
import type { Locator } from 'playwright';
import { createProduct, createSeller, signedInPage, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** How far `el` reaches past the card's visible edges (0 when it is wholly inside). */
const pastCard = (el: Locator) =>
  el.evaluate((node) => {
    const card = (node.closest('.table-card') as HTMLElement).getBoundingClientRect();
    const box = node.getBoundingClientRect();
    return Math.max(0, Math.round(card.left - box.left), Math.round(box.right - card.right));
  });

for (const project of projectNames) {
  test(`${project}: every listing's details and actions are in view, none cut off by the card`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, {
      title: `Hand-thrown stoneware serving bowl with a speckled glaze ${token()}`,
      images: ['/images/ph/vases-3.svg'],
    });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    const row = page.getByRole('row', { name: new RegExp(product.title) });
    await row.locator('img.table-thumb').waitFor();
    await screenshot(page, `seller-listings-phone-${project}`);

    const card = await page.locator('.table-card').evaluate((c) => ({ scroll: c.scrollWidth, client: c.clientWidth }));
    expect(card.scroll).toBe(card.client);
    const page_ = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(page_).toBeLessThanOrEqual(0);
    for (const text of ['$', 'Active']) expect(await pastCard(row.getByText(text).first())).toBe(0);
    expect(await pastCard(row.getByRole('link', { name: product.title }))).toBe(0);

    // Keyboard only: from the stock box, Tab reaches Edit and Archive, each wholly in view.
    const stock = row.getByLabel(`Stock for ${product.title}`);
    expect(await pastCard(stock)).toBe(0);
    await stock.focus();
    for (const name of [`Edit ${product.title}`, `Archive ${product.title}`]) {
      await page.keyboard.press('Tab');
      const button = row.getByRole('button', { name });
      await waitForFocus(button);
      expect({ name, past: await pastCard(button) }).toEqual({ name, past: 0 });
      const inView = await button.evaluate((b) => {
        const r = b.getBoundingClientRect();
        return r.left >= 0 && r.right <= window.innerWidth;
      });
      expect(inView).toBe(true);
    }
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');

    // The laptop keeps its table, column headers showing.
    const header = page.getByRole('columnheader', { name: 'Price' });
    const headerShows = await header.evaluate((th) => (th.closest('thead') as HTMLElement).offsetWidth > 1);
    expect(headerShows).toBe(project === 'desktop');
    expect(errors).toEqual([]);
    await context.close();
  });
}
