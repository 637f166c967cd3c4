// A seller's failed save in the Edit listing dialog is seen and heard without covering the dialog:
// it is said right above Save listing in a live region (screen readers get it), and no toast covers
// the head (title and Close) or a field (decision 0201; a toast there once covered both). Once the
// save goes through and the dialog closes, "Listing updated" shows where the page's toasts go: at the
// bottom on a laptop, at the top under the header on a phone (decision 0183). Desktop and phone.
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { createProduct, createSeller, signedInPage, tabTo, token, waitForFocus } from './fixtures';
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
  test(`${project}: a failed save in the Edit listing dialog is said above Save listing, over no field, and a closing save toasts where page toasts go`, async () => {
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
    // The save fails (the network drops the request): the dialog stays open and says so beside Save
    // listing, not in a toast over its fields (decision 0201).
    await page.route('**/trpc/catalog.updateProduct**', (route) => route.abort('failed'));
    await dialog.getByRole('button', { name: 'Save listing' }).click();
    const message = 'We could not reach Hearth just now. Check your connection and try again.';
    const said = dialog.getByRole('status').filter({ hasText: message });
    await said.waitFor();
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.locator('[data-sonner-toast]:not([data-removed="true"])').count()).toBe(0);
    expect(await heardByScreenReaders(page, message)).toBe(true);
    // Right above the dialog's own Save button, which stays uncovered.
    const save = dialog.getByRole('button', { name: 'Save listing' });
    await save.scrollIntoViewIfNeeded();
    expect(await onTop(save)).toBe(true);
    const [saidBox, saveBox] = [await said.boundingBox(), await save.boundingBox()];
    if (!saidBox || !saveBox) throw new Error('not laid out');
    expect(saveBox.y - (saidBox.y + saidBox.height)).toBeLessThan(project === 'phone' ? 80 : 30);
    expect(saveBox.y - (saidBox.y + saidBox.height)).toBeGreaterThanOrEqual(0);
    // Nothing covers the dialog's head or its first field with the dialog back at its top.
    await dialog.evaluate((el) => el.scrollTo({ top: 0 }));
    const title = dialog.getByRole('heading', { name: 'Edit listing' });
    const closeDialog = dialog.getByRole('button', { name: 'Close', exact: true });
    expect({
      titleOnTop: await onTop(title),
      closeOnTop: await onTop(closeDialog),
      titleFieldOnTop: await onTop(dialog.getByLabel('Title', { exact: true })),
    }).toEqual({ titleOnTop: true, closeOnTop: true, titleFieldOnTop: true });
    await save.scrollIntoViewIfNeeded();
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

// Walk 39: a failed Publish (offline) put 'You appear to be offline. ...' above the buttons, which
// pushed the focused 'Publish listing' below the dialog's bottom edge at 390 px (partly at 1366 px);
// Edit listing's Save listing the same. The focused button now comes back into view with its ring.
/** How far `button`'s focus ring (3 px outline, 2 px offset) lies outside the dialog's shown box, in px. */
async function ringCut(dialog: Locator, button: Locator): Promise<number> {
  return button.evaluate(
    (el, d) => {
      const b = el.getBoundingClientRect();
      const v = (d as Element).getBoundingClientRect();
      const ring = 5;
      return Math.max(0, v.top - (b.top - ring)) + Math.max(0, b.bottom + ring - v.bottom);
    },
    await dialog.elementHandle(),
  );
}

for (const project of projectNames)
  test(`${project}: a failed Publish or Save listing keeps the focused button in view with its ring`, async () => {
    const seller = await createSeller();
    const listing = await createProduct(seller, { title: `Speckled mug ${seller.shop.slug}` });
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const page = s.page;
    await page.goto('/dashboard/listings');
    await page.getByRole('button', { name: '+ New listing' }).focus();
    await page.keyboard.press('Enter');
    const create = page.getByRole('dialog', { name: 'New listing' });
    await waitForFocus(create.getByLabel('Title', { exact: true }));
    await page.keyboard.type(`Oak ${token()} board`);
    await tabTo(page, create.getByLabel('Description'));
    await page.keyboard.type('Oiled oak serving board.');
    await tabTo(page, create.getByLabel('Price ($)'));
    await page.keyboard.type('24');
    await tabTo(page, create.getByLabel('Category'));
    await create.getByLabel('Category').selectOption('mugs');
    const publish = create.getByRole('button', { name: 'Publish listing' });
    await tabTo(page, publish);
    await s.context.setOffline(true);
    await page.keyboard.press('Enter');
    await create.getByRole('status').filter({ hasText: 'You appear to be offline.' }).waitFor();
    await waitForFocus(publish);
    await waitUntil(async () => (await ringCut(create, publish)) === 0, { what: 'Publish listing wholly in view' });
    await screenshot(page, `listing-refusal-publish-${project}`);
    await s.context.setOffline(false);
    await page.keyboard.press('Escape');
    await page
      .getByRole('dialog', { name: 'Discard unsaved changes?' })
      .getByRole('button', { name: 'Discard changes' })
      .focus();
    await page.keyboard.press('Enter');
    await create.waitFor({ state: 'hidden' });

    await page.goto(`/dashboard/listings?edit=${listing.id}`);
    const edit = page.getByRole('dialog', { name: 'Edit listing' });
    await waitForFocus(edit.getByLabel('Title', { exact: true }));
    await page.keyboard.type(', glazed');
    const save = edit.getByRole('button', { name: 'Save listing' });
    await tabTo(page, save);
    await s.context.setOffline(true);
    await page.keyboard.press('Enter');
    await edit.getByRole('status').filter({ hasText: 'You appear to be offline.' }).waitFor();
    await waitForFocus(save);
    await waitUntil(async () => (await ringCut(edit, save)) === 0, { what: 'Save listing wholly in view' });
    await screenshot(page, `listing-refusal-save-${project}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await s.context.setOffline(false);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });
