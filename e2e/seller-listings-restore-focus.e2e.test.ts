// Seller Listings, keyboard only: Restore under "Archived" and Archive under "Active" take the row,
// and the button that had focus, out of the list. Focus used to fall to <body>, so the next Tab
// started again at "Skip to content". It now goes to the next row's button, else the previous
// row's, else the empty state's "Show all listings". Laptop and phone.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { createProduct, createSeller, signedInPage, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

const titles = (page: Page) => page.locator('.listings-table tbody tr .table-title').allInnerTexts();
const rowCount = (page: Page, n: number) =>
  page.waitForFunction((n) => document.querySelectorAll('.listings-table tbody tr').length === n, n);
const onBody = (page: Page) => page.evaluate(() => document.activeElement === document.body);

for (const project of projectNames) {
  test(`${project}: Restore and Archive move focus to the next row, never to <body>`, async () => {
    const seller = await createSeller();
    for (const t of ['Jug', 'Bowl', 'Vase']) {
      const p = await createProduct(seller, { title: `Archived ${t}`, quantity: 4 });
      await seller.caller.catalog.archiveProduct({ productId: p.id });
    }
    for (const t of ['Mug', 'Plate', 'Cup']) await createProduct(seller, { title: `Active ${t}`, quantity: 9 });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);

    // Archived: restore the first row; focus goes to the row after it.
    await page.goto('/dashboard/listings?status=archived');
    await rowCount(page, 3);
    const archived = await titles(page);
    const restore = (title: string) => page.getByRole('button', { name: `Restore ${title}` });
    await restore(archived[0]!).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`“${archived[0]}” is back on sale`).waitFor();
    await rowCount(page, 2);
    await waitForFocus(restore(archived[1]!));
    // The last row: there is no next, so the one before it.
    await restore(archived[2]!).focus();
    await page.keyboard.press('Enter');
    await rowCount(page, 1);
    await waitForFocus(restore(archived[1]!));
    // The only row: the empty state's way back takes focus.
    await page.keyboard.press('Enter');
    await page.getByText('Nothing archived.', { exact: false }).waitFor();
    await waitForFocus(page.getByRole('button', { name: 'Show all listings' }));
    expect(await onBody(page)).toBe(false);
    await screenshot(page, `listings-restored-focus-${project}`);

    // Active: archive through the dialog by keyboard; the next row's Archive takes focus.
    await page.goto('/dashboard/listings');
    await rowCount(page, 6);
    const active = await titles(page);
    const archive = (title: string) => page.getByRole('button', { name: `Archive ${title}` });
    await archive(active[2]!).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await waitForFocus(dialog.getByRole('button', { name: 'Keep it on sale' }));
    await dialog.getByRole('button', { name: 'Archive listing' }).focus();
    await page.keyboard.press('Enter');
    await rowCount(page, 5);
    await waitForFocus(archive(active[3]!));
    expect(await onBody(page)).toBe(false);
    // Tab goes on from there, not from the top of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).not.toContain('Skip to content');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
}
