// A toast raised while a modal dialog is open is seen and heard: a seller's failed save in the Edit
// listing dialog shows its error toast above the dialog and its backdrop (nothing covers it, a click
// reaches it, screen readers get it), near the top of the screen, clear of the dialog's Save button at
// the bottom (a phone's dialog fills the screen) and of its head (title and Close), just under it; once the save goes through and
// the dialog closes, "Listing updated" shows where the page's toasts go: at the bottom on a laptop,
// at the top under the header on a phone (decision 0183). Desktop and phone.
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { createProduct, createSeller, signedInPage } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** Whether the topmost element at the toast's centre is the toast itself (nothing is drawn over it). */
function onTop(toast: Locator): Promise<boolean> {
  return toast.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return hit !== null && el.contains(hit);
  });
}

/** Whether Chromium's accessibility tree (what screen readers read) exposes `text`: inert content is ignored. */
async function heardByScreenReaders(page: Page, text: string): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored: boolean; name?: { value?: unknown } }[];
    };
    return nodes.some((n) => !n.ignored && String(n.name?.value ?? '').includes(text));
  } finally {
    await cdp.detach();
  }
}

for (const project of projectNames) {
  test(`${project}: a toast raised in the Edit listing dialog shows above the dialog at the top, and where page toasts go once it closes`, async () => {
    const seller = await createSeller();
    const listing = await createProduct(seller, { title: `Toasted speckled mug ${seller.shop.slug}` });
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const page = s.page;
    const viewport = page.viewportSize();
    if (!viewport) throw new Error('no viewport');

    await page.goto(`/dashboard/listings?edit=${listing.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    // A real change (an unchanged listing is not sent at all: 'No changes to save').
    await dialog.getByLabel('Title', { exact: true }).fill(`Toasted speckled mug, glazed ${seller.shop.slug}`);
    // The save fails (the network drops the request): the dialog stays open and says so in a toast.
    await page.route('**/trpc/catalog.updateProduct**', (route) => route.abort('failed'));
    await dialog.getByRole('button', { name: 'Save listing' }).click();
    const error = page.locator('[data-sonner-toast][data-type="error"]');
    await error.waitFor();
    const message = ((await error.locator('[data-title]').textContent()) ?? '').trim();
    expect(message.length).toBeGreaterThan(0);
    expect(await dialog.isVisible()).toBe(true);
    // A real click lands on it (Playwright refuses when something else would take the click).
    await error.getByText(message).click({ timeout: 5_000 });
    expect(await onTop(error)).toBe(true);
    expect(await heardByScreenReaders(page, message)).toBe(true);
    const box = await error.boundingBox();
    expect(box && box.y < viewport.height * 0.25).toBe(true);
    // The dialog's own Save button stays uncovered while the toast shows.
    const save = dialog.getByRole('button', { name: 'Save listing' });
    await save.scrollIntoViewIfNeeded();
    expect(await onTop(save)).toBe(true);
    expect(await error.isVisible()).toBe(true);
    // Its close button is inside its own box (sonner hangs it half outside the top-left corner: on a
    // phone, over the dialog's own corner), and large enough for a thumb.
    const close = await error.getByRole('button', { name: 'Close toast' }).boundingBox();
    const toastBox = await error.boundingBox();
    if (!close || !toastBox) throw new Error('toast or its close button not laid out');
    expect({
      inside:
        close.x >= toastBox.x &&
        close.y >= toastBox.y &&
        close.x + close.width <= toastBox.x + toastBox.width &&
        close.y + close.height <= toastBox.y + toastBox.height,
      size: Math.min(close.width, close.height) >= 24,
    }).toEqual({ inside: true, size: true });
    // Nor does it cover the dialog's head: with the dialog back at its top, its title and its Close
    // button are whole and uncovered (found by a walk: the toast sat over both).
    await dialog.evaluate((el) => el.scrollTo({ top: 0 }));
    const title = dialog.getByRole('heading', { name: 'Edit listing' });
    const closeDialog = dialog.getByRole('button', { name: 'Close', exact: true });
    const overlaps = async (target: Locator) => {
      const [a, b] = [await target.boundingBox(), await error.boundingBox()];
      if (!a || !b) throw new Error('not laid out');
      return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    };
    expect({
      titleCovered: await overlaps(title),
      closeCovered: await overlaps(closeDialog),
      titleOnTop: await onTop(title),
      closeOnTop: await onTop(closeDialog),
    }).toEqual({ titleCovered: false, closeCovered: false, titleOnTop: true, closeOnTop: true });
    await screenshot(page, `toast-over-dialog-${project}`);

    // The save goes through: the dialog closes and its toast shows where the page's toasts go.
    await page.unroute('**/trpc/catalog.updateProduct**');
    await dialog.getByRole('button', { name: 'Save listing' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const saved = page.locator('[data-sonner-toast]', { hasText: 'Listing updated' });
    await saved.waitFor();
    await saved.getByText('Listing updated').click({ timeout: 5_000 });
    expect(await onTop(saved)).toBe(true);
    expect(await heardByScreenReaders(page, 'Listing updated')).toBe(true);
    const savedBox = await saved.boundingBox();
    if (!savedBox) throw new Error('toast not laid out');
    if (project === 'phone') {
      // A phone's page toasts show at the top, just under the sticky header (decision 0183).
      const header = await page.locator('header').first().boundingBox();
      expect(header && savedBox.y >= header.y + header.height && savedBox.y < viewport.height * 0.25).toBe(true);
    } else expect(savedBox.y + savedBox.height > viewport.height * 0.75).toBe(true);
    // Opening the next dialog leaves that toast behind at once (it had seconds to live, paused under
    // the pointer): it would cover the new dialog's top fields.
    await page.getByRole('button', { name: 'New listing' }).first().click();
    await page.getByRole('dialog', { name: 'New listing' }).waitFor();
    await saved.waitFor({ state: 'detached', timeout: 2_500 });
    expect(s.errors).toEqual([]);
    await s.context.close();
  });
}
