// The seller's Listings page, found by a walk at 1366 and 390 px: the laptop's table was 932 px in a
// 926 px card (6 px of sideways scroll, every row's Edit/Archive cut) with a ~150 px title column
// wrapping titles to 5-7 lines; archived cards on a phone were tinted cell by cell (beige blocks,
// white gaps); on a phone the editor's "Save listing" showed above "Cancel" while Tab reached
// Cancel first; and an editor reached by Back/Forward, discarded, left focus on <body>.
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
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

async function fitsCard(page: Page, row: Locator, title: string, width: number) {
  const card = await page.locator('.table-card').evaluate((c) => c.scrollWidth - c.clientWidth);
  expect({ width, sideways: card }).toEqual({ width, sideways: 0 });
  for (const name of [`Edit ${title}`, `Archive ${title}`]) {
    expect({ width, name, past: await pastCard(row.getByRole('button', { name })) }).toEqual({ width, name, past: 0 });
  }
}

for (const project of projectNames) {
  test(`${project}: the listings fit their card, actions whole, titles given room`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, {
      title: `Hand-thrown stoneware serving bowl with a speckled oatmeal glaze ${token()}`,
      images: ['/images/ph/vases-3.svg'],
    });
    // The widest cells a seller meets: a price range and combinations running low.
    const mugs = await createProduct(seller, {
      title: `Set of four speckled stoneware mugs in assorted glazes ${token()}`,
      images: ['/images/ph/vases-3.svg'],
    });
    await seller.caller.catalog.setVariations({
      productId: mugs.id,
      properties: [
        { name: 'Glaze', values: ['Oatmeal', 'Celadon'] },
        { name: 'Size', values: ['Small', 'Large'] },
      ],
      combinations: [
        { values: ['Oatmeal', 'Small'], priceCents: 2400, quantity: 1 },
        { values: ['Oatmeal', 'Large'], priceCents: 12800, quantity: 0 },
        { values: ['Celadon', 'Small'], priceCents: 2600, quantity: 2 },
        { values: ['Celadon', 'Large'], priceCents: 13200, quantity: 9 },
      ],
    });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    const row = page.getByRole('row', { name: new RegExp(product.title) });
    await row.locator('img.table-thumb').waitFor();
    await page.getByRole('button', { name: `Edit stock of ${mugs.title}` }).waitFor();
    await screenshot(page, `seller-listings-fit-${project}`);

    await fitsCard(page, row, product.title, page.viewportSize()!.width);
    if (project === 'desktop') {
      // The title reads in two or three lines, not five to seven.
      const title = row.getByRole('link', { name: product.title });
      const { width, lines } = await title.evaluate((a) => {
        const r = a.getClientRects();
        return { width: (a.closest('td') as HTMLElement).offsetWidth, lines: r.length };
      });
      expect(width).toBeGreaterThanOrEqual(240);
      expect(lines).toBeLessThanOrEqual(3);
      // The two-column dashboard between the phone's cards and the laptop: nothing cut either.
      for (const w of [1280, 1150, 1024, 900, 861]) {
        await page.setViewportSize({ width: w, height: 900 });
        await fitsCard(page, row, product.title, w);
        if (w === 1024) await screenshot(page, 'seller-listings-fit-1024');
      }
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  test(`${project}: an archived listing is tinted as one piece, not cell by cell`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, {
      title: `Archived jug ${token()}`,
      images: ['/images/ph/vases-3.svg'],
    });
    await seller.caller.catalog.archiveProduct({ productId: product.id });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    await page.getByRole('button', { name: /^Archived/ }).click();
    const row = page.getByRole('row', { name: new RegExp(product.title) });
    await row.getByRole('button', { name: `Restore ${product.title}` }).waitFor();
    await screenshot(page, `seller-listings-archived-${project}`);
    const colours = await row.evaluate((tr) => ({
      row: getComputedStyle(tr).backgroundColor,
      cells: [...tr.querySelectorAll('td')].map((td) => getComputedStyle(td).backgroundColor),
    }));
    expect(colours.row).toBe('rgb(252, 250, 246)');
    expect(new Set(colours.cells)).toEqual(new Set(['rgba(0, 0, 0, 0)']));
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  test(`${project}: the editor's Save and Cancel are in the order Tab reaches them`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Order bowl ${token()}` });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    for (const [open, dialogName, saveName] of [
      [`Edit ${product.title}`, 'Edit listing', 'Save listing'],
      ['+ New listing', 'New listing', 'Publish listing'],
    ]) {
      await page.getByRole('button', { name: open }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: dialogName });
      const save = dialog.getByRole('button', { name: saveName });
      const cancel = dialog.getByRole('button', { name: 'Cancel' });
      await save.waitFor();
      // Whichever of the two comes first in Tab order, Tab goes from it to the other.
      const saveFirst = await save.evaluate(
        (s, c) => !!(s.compareDocumentPosition(c as Node) & Node.DOCUMENT_POSITION_FOLLOWING),
        await cancel.elementHandle(),
      );
      const [first, second] = saveFirst ? [save, cancel] : [cancel, save];
      await first.focus();
      await page.keyboard.press('Tab');
      await waitForFocus(second);
      await second.scrollIntoViewIfNeeded();
      await screenshot(page, `seller-listing-footer-${dialogName.replace(' ', '-').toLowerCase()}-${project}`);
      // And reads in that order: above, or on the same line to the left.
      const a = (await first.boundingBox())!;
      const b = (await second.boundingBox())!;
      const firstReadsFirst = a.y + a.height <= b.y + 1 || (Math.abs(a.y - b.y) < 4 && a.x + a.width <= b.x + 1);
      expect({ dialogName, firstReadsFirst }).toEqual({ dialogName, firstReadsFirst: true });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  test(`${project}: discarding an editor reached by Forward puts focus on the listing's Edit button`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Forward cup ${token()}` });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    const edit = page.getByRole('button', { name: `Edit ${product.title}` });
    await edit.waitFor();
    // An entry for the editor after the listings page, as a link to it leaves; Back, then Forward.
    await page.evaluate((id) => {
      const at = (history.state?.idx as number | undefined) ?? 0;
      history.pushState({ usr: null, key: `edit-${id}`, idx: at + 1 }, '', `?edit=${id}`);
      history.back();
    }, product.id);
    await page.waitForURL((url) => !url.searchParams.has('edit'));
    await page.goForward();
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const title = dialog.getByLabel('Title');
    await title.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' (glazed)');
    await page.keyboard.press('Escape');
    const question = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await waitForFocus(question.getByRole('button', { name: 'Keep editing' }));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await waitForFocus(edit);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  test(`${project}: with that listing not shown, discarding its editor focuses the Listings heading`, async () => {
    const seller = await createSeller();
    const shown = await createProduct(seller, { title: `Shown plate ${token()}` });
    const archived = await createProduct(seller, { title: `Archived plate ${token()}` });
    await seller.caller.catalog.archiveProduct({ productId: archived.id });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/listings');
    await page.getByRole('button', { name: `Edit ${shown.title}` }).waitFor();
    await page.evaluate((id) => {
      const at = (history.state?.idx as number | undefined) ?? 0;
      history.pushState({ usr: null, key: `edit-${id}`, idx: at + 1 }, '', `?edit=${id}`);
      history.back();
    }, archived.id);
    await page.waitForURL((url) => !url.searchParams.has('edit'));
    await page.goForward();
    const title = page.getByRole('dialog', { name: 'Edit listing' }).getByLabel('Title');
    await title.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' (chipped)');
    await page.keyboard.press('Escape');
    const question = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await waitForFocus(question.getByRole('button', { name: 'Keep editing' }));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'hidden' });
    await waitForFocus(page.getByRole('heading', { level: 1, name: 'Listings' }));
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
}
