// Low-stock combinations in the seller's listings, told apart (found by a walk at 1366x900): a
// listing in Colour "Charcoal grey, Oat" × Size "Small, Medium, Extra large", 2 of each, showed
// badges that all read "2 left · Charcoal grey…" in the laptop's Stock column, so Small, Medium and
// Extra large could not be told apart (and only three of the six were named). Now one badge counts
// them ("Low stock: 6 combinations") and its disclosure, opened by keyboard, lists each one whole,
// at most two lines apiece, inside the cell, with no sideways scroll. Laptop and phone.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, signedInPage, tabTo, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
const colours = ['Charcoal grey', 'Oat'];
const sizes = ['Small', 'Medium', 'Extra large'];

for (const project of projectNames)
  test(`${project}: six low combinations can be told apart`, async () => {
    const seller = await createSeller();
    const throw_ = await createProduct(seller, { title: `Wool ${token()} throw`, priceCents: 9000, quantity: 3 });
    await seller.caller.catalog.setVariations({
      productId: throw_.id,
      properties: [
        { name: 'Colour', values: colours },
        { name: 'Size', values: sizes },
      ],
      combinations: colours.flatMap((c) => sizes.map((s) => ({ values: [c, s], priceCents: 9000, quantity: 2 }))),
    });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    const summary = page.locator('summary', { hasText: 'Low stock: 6 combinations' });
    await tabTo(page, summary);
    await page.keyboard.press('Enter');
    const low = page.getByRole('list', { name: `Low stock in ${throw_.title}` });
    await low.waitFor();
    await low.scrollIntoViewIfNeeded();
    await screenshot(page, `low-stock-apart-${project}`);

    const lines = await low.locator('li').evaluateAll((items) =>
      items.map((li) => {
        const style = getComputedStyle(li);
        const box = li.getBoundingClientRect();
        const cell = (li.closest('td') ?? li.closest('.combo-stock')?.parentElement) as HTMLElement;
        return {
          text: li.textContent,
          // Drawn whole: nothing clipped, on at most two lines, inside its cell.
          whole: li.scrollHeight <= li.clientHeight + 1 && li.scrollWidth <= li.clientWidth + 1,
          twoLinesAtMost: Math.round(box.height / Number.parseFloat(style.lineHeight)) <= 2,
          inside: box.right <= cell.getBoundingClientRect().right + 0.5,
        };
      }),
    );
    expect(lines.map((l) => l.text).sort()).toEqual(
      colours.flatMap((c) => sizes.map((s) => `2 left · ${c} / ${s}`)).sort(),
    );
    for (const l of lines) expect(l).toEqual({ text: l.text, whole: true, twoLinesAtMost: true, inside: true });
    const width = project === 'phone' ? 390 : 1366;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(errors).toEqual([]);
    await context.close();
  });
