// Every control Tab reaches in the message composer and in the seller's listing dialog (Edit and
// New listing) has a name, as Chromium's accessibility tree computes it for a screen reader. The
// photo pickers (a file input hidden inside a button-like label) are named by the words they show
// ("Attach photo", "Add photos": the listing's said "Upload image" and was named "Photos"), show
// where focus is, and keep focus while the chosen photo uploads (they were disabled meanwhile,
// which dropped focus to the page). Keyboard only, at laptop and phone size.
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import sharp from 'sharp';
import { createProduct, createSeller, createUser, signedInPage, token, waitForFocus } from './fixtures';
import { projectNames, setupE2E } from './harness';

const e2e = setupE2E();

interface Stop {
  role: string;
  name: string;
  html: string;
}

/** Role and accessible name of the focused element, from Chromium's accessibility tree. */
async function focused(page: Page): Promise<Stop> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
      objectId: result.objectId,
      fetchRelatives: false,
    });
    const html = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? '');
    return { role: String(nodes[0]?.role?.value ?? ''), name: String(nodes[0]?.name?.value ?? '').trim(), html };
  } finally {
    await cdp.detach();
  }
}

/** Tab from `start` through `scope` until focus leaves it or comes round again; each stop once. */
async function tabThrough(page: Page, scope: Locator, start: Locator): Promise<Stop[]> {
  await start.focus();
  await page.evaluate(() => {
    (window as unknown as { __seen: WeakSet<Element> }).__seen = new WeakSet();
  });
  const stops: Stop[] = [];
  for (let i = 0; i < 80; i++) {
    const fresh = await scope.evaluate((el) => {
      const at = document.activeElement;
      const seen = (window as unknown as { __seen: WeakSet<Element> }).__seen;
      if (!at || !el.contains(at) || seen.has(at)) return false;
      seen.add(at);
      return true;
    });
    if (!fresh) return stops;
    stops.push(await focused(page));
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab did not come round within 80 stops');
}

/** The focused file picker: its name is the words on its label, and that label shows the focus. */
async function expectPickerNamedAsShown(page: Page, name: string) {
  const stop = await focused(page);
  expect({ role: stop.role, name: stop.name }).toEqual({ role: 'button', name });
  const shown = await page.evaluate(() => {
    const box = document.activeElement?.closest('label');
    const style = box ? getComputedStyle(box) : null;
    return { text: box?.textContent?.trim(), outline: style ? style.outlineStyle : 'none' };
  });
  expect(shown.text).toBe(name);
  expect(shown.outline).not.toBe('none');
}

async function pngFile() {
  const buffer = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 60 } } })
    .png()
    .toBuffer();
  return { name: 'mug.png', mimeType: 'image/png', buffer };
}

for (const project of projectNames) {
  test(`${project}: the message composer's controls are all named; Attach photo keeps focus while it uploads`, async () => {
    const seller = await createSeller();
    const buyer = await createUser(undefined, 'Ada Lovelace');
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Hello?' });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/messages/${conversationId}`);
    const composer = page.getByLabel('Write a message');
    await composer.focus();
    await page.keyboard.type('Here is the glaze up close.');

    const form = page.locator('form.composer');
    const stops = await tabThrough(page, form, composer);
    expect(stops.filter((s) => !s.name)).toEqual([]);
    expect(stops.map((s) => s.name)).toEqual(['Write a message', 'Attach photo', 'Send']);

    await page.keyboard.press('Shift+Tab'); // back from outside the form to Send
    await page.keyboard.press('Shift+Tab');
    await expectPickerNamedAsShown(page, 'Attach photo');
    // The file chooser is the system's; Playwright hands the file to the focused picker instead.
    const picker = page.locator('form.composer input[type=file]');
    await picker.setInputFiles(await pngFile());
    await page.getByRole('button', { name: 'Remove photo' }).waitFor();
    await waitForFocus(picker);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: every control in the Edit and New listing dialogs is named; Add photos keeps focus while it uploads`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Walnut ${token()} spoon` });
    await seller.caller.catalog.setVariations({
      productId: product.id,
      properties: [{ name: 'Wood', values: ['Walnut', 'Cherry'] }],
      combinations: [
        { values: ['Walnut'], priceCents: 2400, quantity: 2 },
        { values: ['Cherry'], priceCents: 2600, quantity: 1 },
      ],
    });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');

    for (const which of ['Edit listing', 'New listing'] as const) {
      const opener =
        which === 'Edit listing'
          ? page.getByRole('button', { name: `Edit ${product.title}` })
          : page.getByRole('button', { name: 'New listing' }).first();
      await opener.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: which });
      const title = dialog.getByLabel('Title');
      await title.waitFor();
      if (which === 'Edit listing') await dialog.getByLabel('Quantity of Cherry').waitFor();

      const stops = await tabThrough(page, dialog, title);
      expect(stops.filter((s) => !s.name)).toEqual([]);
      expect(stops.length).toBeGreaterThan(10);

      // To the photo picker by Tab: named by its words, focus shown, kept through the upload.
      await title.focus();
      const picker = dialog.locator('input[type=file]');
      for (let i = 0; i < 20 && !(await picker.evaluate((el) => el === document.activeElement)); i++)
        await page.keyboard.press('Tab');
      await expectPickerNamedAsShown(page, 'Add photos');
      await picker.setInputFiles(await pngFile());
      await dialog.getByRole('button', { name: 'Remove photo 1' }).waitFor();
      await waitForFocus(picker);
      const again = await tabThrough(page, dialog, title);
      expect(again.filter((s) => !s.name)).toEqual([]);

      // Leave without saving (the new photo is a change: the dialog asks first).
      await page.keyboard.press('Escape');
      const question = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
      await question.waitFor();
      await question.getByRole('button', { name: 'Discard changes' }).focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
    }
    expect(errors).toEqual([]);
    await context.close();
  });
}
