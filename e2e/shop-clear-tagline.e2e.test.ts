// Shop settings: emptying the tagline (or "About your shop") and saving removes it. The form used
// to send an empty field as "no value", the server left the field alone, and the old tagline came
// back after "Shop updated". Laptop and phone: clear, Save, reload, and the shop page shows none.
import { expect, test } from 'bun:test';
import { createSeller, signedInPage } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: a cleared tagline and description are gone after Save and a reload`, async () => {
    const seller = await createSeller();
    await seller.caller.shops.update({
      shopId: seller.shopId,
      tagline: 'Small-batch stoneware',
      description: 'Thrown and fired in Leeds.',
    });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/shop');
    const settings = page.getByRole('form', { name: 'Shop settings' });
    const tagline = settings.getByLabel('Tagline');
    const about = settings.getByLabel('About your shop');
    expect(await tagline.inputValue()).toBe('Small-batch stoneware');
    await tagline.fill('');
    // Only spaces is empty too.
    await about.fill('   ');
    await settings.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('[data-sonner-toast]').filter({ hasText: 'Shop updated' }).waitFor();
    await page.reload();
    await settings.waitFor();
    expect(await tagline.inputValue()).toBe('');
    expect(await about.inputValue()).toBe('');

    await page.goto(`/shop/${seller.shop.slug}`);
    await page.getByRole('heading', { level: 1, name: seller.shop.name }).waitFor();
    expect(await page.getByText('Small-batch stoneware').count()).toBe(0);
    expect(await page.locator('.shop-tagline').count()).toBe(0);
    await page.getByText('The maker has not written a description yet.').waitFor();
    await screenshot(page, `shop-cleared-tagline-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
}
