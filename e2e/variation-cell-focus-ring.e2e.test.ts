// Found by a walk at 390×844, keyboard only: in the Edit listing dialog the combinations' cards put
// each Quantity field against the right edge of the table's wrapper, which scrolls sideways (for the
// laptop's table) and so clipped the field's focus ring on the right. Every cell's ring (its outline
// and the halo around it) now shows whole, on a laptop and on a phone.
import { expect, test } from 'bun:test';
import type { Locator } from 'playwright';
import { colouredTee, createProduct, createSeller, signedInPage, tabTo, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** How much of the focused field's ring the nearest clipping ancestors cut off, in px, per side. */
function clippedRing(field: Locator) {
  return field.evaluate((el) => {
    const style = getComputedStyle(el);
    const outline = Number.parseFloat(style.outlineWidth) + Number.parseFloat(style.outlineOffset);
    // "0 0 0 4px rgb(…)" or "rgb(…) 0px 0px 0px 4px": the spread is the last length.
    const lengths = style.boxShadow.match(/-?[\d.]+px/g) ?? [];
    const spread = lengths.length >= 4 ? Number.parseFloat(lengths[3]!) : 0;
    const reach = Math.max(outline, spread);
    const r = el.getBoundingClientRect();
    const ring = { left: r.left - reach, right: r.right + reach, top: r.top - reach, bottom: r.bottom + reach };
    const cut = { left: 0, right: 0, top: 0, bottom: 0 };
    for (let a = el.parentElement; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const box = a.getBoundingClientRect();
      // The clip is the padding box: inside the borders.
      const inner = {
        left: box.left + Number.parseFloat(s.borderLeftWidth),
        right: box.right - Number.parseFloat(s.borderRightWidth),
        top: box.top + Number.parseFloat(s.borderTopWidth),
        bottom: box.bottom - Number.parseFloat(s.borderBottomWidth),
      };
      if (s.overflowX !== 'visible') {
        cut.left = Math.max(cut.left, inner.left - ring.left);
        cut.right = Math.max(cut.right, ring.right - inner.right);
      }
      if (s.overflowY !== 'visible') {
        cut.top = Math.max(cut.top, inner.top - ring.top);
        cut.bottom = Math.max(cut.bottom, ring.bottom - inner.bottom);
      }
    }
    const px = (n: number) => Math.max(0, Math.round(n));
    return { left: px(cut.left), right: px(cut.right), top: px(cut.top), bottom: px(cut.bottom) };
  });
}

for (const project of projectNames)
  test(`${project}: a combination's Price and Quantity fields show their focus ring whole`, async () => {
    const { seller, tee } = await colouredTee();
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/listings?edit=${tee.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    for (const label of ['Price of S / Red', 'Quantity of S / Red', 'Price of M / Blue', 'Quantity of M / Blue']) {
      const field = dialog.getByLabel(label, { exact: true });
      await tabTo(page, field);
      expect({ label, cut: await clippedRing(field) }).toEqual({
        label,
        cut: { left: 0, right: 0, top: 0, bottom: 0 },
      });
    }
    await screenshot(page, `variation-cell-focus-ring-${project}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

// The same walk, tabbing forward through a table longer than the dialog (Size XS to XXL × Colour):
// the browser scrolled each field only just into view, so the dialog's bottom edge cut its ring.
for (const project of projectNames)
  test(`${project}: tabbing down a long combination table, each field's focus ring shows whole`, async () => {
    const seller = await createSeller();
    const tee = await createProduct(seller, { title: `Linen ${token()} tee`, priceCents: 1000, quantity: 1 });
    const sizes = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
    const colours = ['Red', 'Blue'];
    await seller.caller.catalog.setVariations({
      productId: tee.id,
      properties: [
        { name: 'Size', values: sizes },
        { name: 'Colour', values: colours },
      ],
      combinations: sizes.flatMap((size) =>
        colours.map((colour) => ({ values: [size, colour], priceCents: 1000, quantity: 2 })),
      ),
    });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/listings?edit=${tee.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    await tabTo(page, dialog.getByLabel('Price of XS / Red', { exact: true }));
    const save = dialog.getByRole('button', { name: 'Save variations' });
    const cuts: { label: string; cut: Awaited<ReturnType<typeof clippedRing>> }[] = [];
    for (let presses = 0; !(await save.evaluate((el) => el === document.activeElement)); presses++) {
      expect(presses).toBeLessThan(120);
      const field = page.locator(':focus');
      const label = (await field.getAttribute('aria-label')) ?? '';
      if (/^(Price|Quantity|SKU) of /.test(label)) {
        const cut = await clippedRing(field);
        if (cut.left || cut.right || cut.top || cut.bottom) cuts.push({ label, cut });
      }
      await page.keyboard.press('Tab');
    }
    expect(cuts).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
