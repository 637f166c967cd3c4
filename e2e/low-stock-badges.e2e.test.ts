// Low-stock badges in the seller's listings at 390x844 (found by a walk): a combination's badge
// ("Charcoal grey / Extra large: 2 left") wrapped to three lines inside a pill, its rounded ends
// cutting into the words (at 1366 too, in the table's 124 px Stock column). Each badge now takes at
// most two lines within its cell, in a shape that fits them (rounded corners no larger than its
// padding once it wraps), count first ("2 left · …") so a long name cut short never hides it, with
// the whole text in its tooltip. Laptop and phone.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, signedInPage, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames)
  test(`${project}: a combination's low-stock badge reads on at most two lines`, async () => {
    const seller = await createSeller();
    const throw_ = await createProduct(seller, { title: `Wool ${token()} throw`, priceCents: 9000, quantity: 3 });
    await seller.caller.catalog.setVariations({
      productId: throw_.id,
      properties: [
        { name: 'Colour', values: ['Charcoal grey', 'Natural'] },
        { name: 'Size', values: ['Extra large', 'Small'] },
      ],
      combinations: [
        { values: ['Charcoal grey', 'Extra large'], priceCents: 9000, quantity: 2 },
        { values: ['Charcoal grey', 'Small'], priceCents: 9000, quantity: 20 },
        { values: ['Natural', 'Extra large'], priceCents: 9000, quantity: 20 },
        { values: ['Natural', 'Small'], priceCents: 9000, quantity: 20 },
      ],
    });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    // One combination low is its own badge (several are counted in one, low-stock-apart).
    const low = page.locator('tr', { hasText: throw_.title });
    const badge = low.locator('.combo-low-one', { hasText: 'Charcoal grey / Extra large' });
    await badge.waitFor();
    // The count comes first, so a name cut short never takes it; the whole is in the tooltip.
    expect(await badge.innerText()).toBe('2 left · Charcoal grey / Extra large');
    expect(await badge.getAttribute('title')).toBe('Charcoal grey / Extra large: 2 left');
    await low.scrollIntoViewIfNeeded();
    await screenshot(page, `low-stock-badges-${project}`);
    const shapes = await low.locator('.combo-low-one').evaluateAll(
      (badges, phone) =>
        badges.map((b) => {
          const style = getComputedStyle(b);
          const lineHeight = Number.parseFloat(style.lineHeight);
          const padding = Number.parseFloat(style.paddingTop) + Number.parseFloat(style.paddingBottom);
          const box = b.getBoundingClientRect();
          const height = box.height;
          const cell = (b.closest('td') as HTMLElement).getBoundingClientRect();
          const lines = Math.round((height - padding) / lineHeight);
          const radius = Math.min(Number.parseFloat(style.borderTopLeftRadius), height / 2);
          return {
            text: (b as HTMLElement).innerText,
            twoLinesAtMost: lines <= 2,
            // A pill is fine on one line; once it wraps, corners larger than the padding clip words.
            fits: lines <= 1 || radius <= Number.parseFloat(style.paddingLeft) + 2,
            inside: b.scrollWidth <= b.clientWidth && box.right <= cell.right,
            // On a phone these names are shown whole; the laptop's Stock column ends a longer one
            // in "…" after its count (its tooltip has it all).
            whole: !phone || b.scrollHeight <= b.clientHeight + 1,
          };
        }),
      project === 'phone',
    );
    expect(shapes.length).toBe(1);
    for (const s of shapes)
      expect(s).toEqual({ text: s.text, twoLinesAtMost: true, fits: true, inside: true, whole: true });
    const width = project === 'phone' ? 390 : 1366;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(errors).toEqual([]);
    await context.close();
  });
