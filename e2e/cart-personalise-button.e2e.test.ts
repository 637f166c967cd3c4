// Found by a walk at 1366×900 and 390×844: in the cart, a line whose listing takes a personalisation
// had its "Add personalisation" button running straight on from the title's last word on a laptop
// ("…gift for himAdd personalisation"). It now sits on its own line under the title. A line whose
// listing was archived ("No longer for sale") offered the button too; it no longer does.
import { expect, test } from 'bun:test';
import { createProduct, createSeller, createUser, signedInPage, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
const personalization = { prompt: 'Name to engrave, up to 12 letters', maxChars: 12, required: false };

for (const project of projectNames) {
  test(`${project}: "Add personalisation" sits under the title, and an archived line has none`, async () => {
    const seller = await createSeller();
    const necklace = await createProduct(seller, {
      title: `Moonstone ${token()} layering necklace, sterling silver, a gift for her or a gift for him`,
      quantity: 5,
      personalization,
    });
    const gone = await createProduct(seller, { title: `Engraved ${token()} cufflinks`, quantity: 5, personalization });
    const buyer = await createUser();
    await buyer.caller.cart.addItem({ productId: necklace.id, quantity: 1 });
    await buyer.caller.cart.addItem({ productId: gone.id, quantity: 1 });
    await seller.caller.catalog.archiveProduct({ productId: gone.id });

    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await page.goto('/cart');
    const line = page.getByRole('listitem', { name: necklace.title });
    const button = line.getByRole('button', { name: `Add personalisation of ${necklace.title}` });
    await button.waitFor();
    const goneLine = page.getByRole('listitem', { name: gone.title });
    await goneLine.getByText('No longer for sale.').waitFor();
    await screenshot(page, `cart-personalise-button-${project}`);

    // The button starts below the title's last line, not beside it.
    const title = (await line.getByRole('link', { name: necklace.title }).boundingBox())!;
    const box = (await button.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(title.y + title.height);

    // Nothing to personalise on a listing that is no longer for sale.
    expect(await goneLine.getByRole('button', { name: /personalisation/i }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
}
