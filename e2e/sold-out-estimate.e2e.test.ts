// A listing that cannot be bought makes no dispatch or delivery promise, and the shop's general
// processing time reads as the shop's default beside a listing's own (decision 0180). Desktop and phone.
import { expect, test } from 'bun:test';
import { defaultPolicy } from '../src/server/test/factories';
import { deliveryWindow } from '../src/shared/dispatch';
import { createProduct, createSeller, createUser, signedInPage, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
const slow = { minDays: 5, maxDays: 10 };

for (const project of projectNames) {
  test(`${project}: a sold-out listing gives no estimate; the policy line is the shop's default`, async () => {
    const seller = await createSeller(undefined, { ...defaultPolicy, processingDays: 5 });
    const gone = await createProduct(seller, { title: `Quilt ${token()}`, quantity: 0, processing: slow });
    const inStock = await createProduct(seller, { title: `Rug ${token()}`, quantity: 2, processing: slow });
    const buyer = await createUser();
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    const general = 'Dispatched within 5 business days unless a listing says otherwise';

    await b.page.goto(`/product/${gone.id}`);
    const soldOut = b.page.getByRole('button', { name: 'Sold out' });
    await soldOut.waitFor();
    expect(await soldOut.isDisabled()).toBe(true);
    expect(await b.page.getByTestId('dispatch').count()).toBe(0);
    expect(await b.page.getByText(/Estimated (dispatch|delivery)|Ships in/i).count()).toBe(0);
    const policy = b.page.getByText(`${general} (this one: 5–10 business days)`);
    await policy.waitFor();
    await policy.scrollIntoViewIfNeeded();
    await screenshot(b.page, `sold-out-estimate-${project}`);

    // The same listing in stock still gets its own estimate.
    await b.page.goto(`/product/${inStock.id}`);
    await b.page
      .getByTestId('delivery')
      .filter({ hasText: `Estimated delivery ${deliveryWindow(slow)}` })
      .waitFor();
    expect(await b.page.getByTestId('dispatch').textContent()).toContain('Ships in 5–10 business days');

    await b.page.goto(`/shop/${seller.shop.slug}`);
    await b.page.getByText(general, { exact: true }).waitFor();
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
}
