// One low-stock combination in the seller's Listings on a laptop (found by a walk at 1366x900): a
// listing whose only low combination is "Charcoal grey / Extra large" showed "2 left · Charcoal
// grey…" in the 140 px Stock column, the size cut off and the whole name only in a tooltip (which a
// keyboard or touch never opens). Now the one combination reads whole, count first, inside its cell,
// with the row's "Edit stock" next to it by keyboard and no sideways scroll. Laptop and phone.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, signedInPage, tabTo, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames)
  test(`${project}: the one low combination is named whole`, async () => {
    const seller = await createSeller();
    const throw_ = await createProduct(seller, { title: `Wool ${token()} throw`, priceCents: 9000, quantity: 3 });
    await seller.caller.catalog.setVariations({
      productId: throw_.id,
      properties: [
        { name: 'Colour', values: ['Charcoal grey', 'Oat'] },
        { name: 'Size', values: ['Small', 'Extra large'] },
      ],
      combinations: [
        { values: ['Charcoal grey', 'Small'], priceCents: 9000, quantity: 20 },
        { values: ['Charcoal grey', 'Extra large'], priceCents: 9000, quantity: 2 },
        { values: ['Oat', 'Small'], priceCents: 9000, quantity: 20 },
        { values: ['Oat', 'Extra large'], priceCents: 9000, quantity: 20 },
      ],
    });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    const row = page.locator('tr', { hasText: throw_.title });
    await tabTo(page, row.getByRole('button', { name: `Edit stock of ${throw_.title}` }));
    await screenshot(page, `low-stock-one-${project}`);

    const cell = row.locator('.combo-stock');
    expect(await cell.innerText()).toContain('2 left · Charcoal grey / Extra large');
    // What shows is the whole text: nothing clamped away below, cut at the side or past the cell.
    const shown = await cell.evaluate((stock) => {
      const td = (stock.closest('td') as HTMLElement).getBoundingClientRect();
      return [...stock.querySelectorAll<HTMLElement>('*')]
        .filter((el) => el.textContent?.includes('Extra large'))
        .map((el) => {
          const box = el.getBoundingClientRect();
          return {
            notClamped: el.scrollHeight <= el.clientHeight + 1 || getComputedStyle(el).overflowY === 'visible',
            notCut: el.scrollWidth <= el.clientWidth + 1 || getComputedStyle(el).overflowX === 'visible',
            inside: box.left >= td.left - 1 && box.right <= td.right + 1,
          };
        });
    });
    expect(shown.length).toBeGreaterThan(0);
    for (const s of shown) expect(s).toEqual({ notClamped: true, notCut: true, inside: true });
    const width = project === 'phone' ? 390 : 1366;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(errors).toEqual([]);
    await context.close();
  });
