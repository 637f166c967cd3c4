// A seller arranges the storefront from the dashboard (keyboard and mouse): an announcement,
// return policies and two sections with a listing chosen into one. A shopper then sees the
// announcement at the top of the shop page, filters by section, searches the shop's own
// listings, and reads the policies on the shop page and on a listing. Desktop and phone.
import { expect, test } from 'bun:test';
import { seriousA11yViolations } from './axe';
import { createProduct, createSeller, createUser, signedInPage, token } from './fixtures';
import { newPage, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: sections, announcement and policies set in the dashboard shape the shop page`, async () => {
    const seller = await createSeller();
    const word = token();
    const mug = await createProduct(seller, { title: `Speckled ${word} mug` });
    const plate = await createProduct(seller, { title: `Dinner plate ${token()}` });
    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);

    await s.page.goto('/dashboard/storefront');
    await s.page.getByLabel('Announcement', { exact: true }).fill('Holiday orders ship until Dec 18.');
    await s.page.getByLabel('I accept returns').check();
    await s.page.getByRole('button', { name: 'Save', exact: true }).click();
    await s.page.getByText('Say within how many days').waitFor();
    await s.page.getByLabel('Within how many days of delivery').fill('30');
    await s.page.getByLabel('Anything else buyers should know').fill('Buyer pays return postage.');
    await s.page.getByRole('button', { name: 'Save', exact: true }).click();
    await s.page.getByText('Storefront saved').waitFor();

    const newSection = s.page.getByLabel('New section');
    await newSection.fill('Plates');
    await newSection.press('Enter');
    await s.page.getByLabel('Name of section 1').waitFor();
    await newSection.fill('Mugs');
    await s.page.getByRole('button', { name: 'Add section' }).click();
    await s.page.getByLabel('Name of section 2').waitFor();
    // Duplicate names are refused clearly.
    await newSection.fill('mugs');
    await s.page.getByRole('button', { name: 'Add section' }).click();
    await s.page.getByText('You already have a section with that name.').waitFor();
    await newSection.fill('');
    // Mugs first, by keyboard.
    await s.page.getByRole('button', { name: 'Move Mugs up' }).focus();
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction(
      () => (document.querySelector('.section-row input') as HTMLInputElement | null)?.value === 'Mugs',
    );
    const mugsRow = s.page.locator('.section-row', { has: s.page.locator('input[value="Mugs"]') });
    await mugsRow.getByRole('button', { name: 'Choose listings' }).click();
    const picker = s.page.getByRole('dialog', { name: /Listings in “Mugs”/ });
    await picker.getByLabel(mug.title).check();
    await picker.getByRole('button', { name: 'Save' }).click();
    await mugsRow.getByText('1 listing').waitFor();
    await screenshot(s.page, `storefront-dashboard-${project}`);
    // The save toast (sonner's, shared by every page) is not this page's content.
    const findings = (await seriousA11yViolations(s.page)).filter((v) => !/data-title/.test(v));
    expect(findings).toEqual([]);

    // The shopper.
    const shopper = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    const b = shopper.page;
    await b.goto(`/shop/${seller.shop.slug}`);
    await b
      .getByRole('complementary', { name: 'Announcement' })
      .getByText('Holiday orders ship until Dec 18.')
      .waitFor();
    await b.getByText('Returns accepted within 30 days of delivery; no exchanges').waitFor();
    await b.getByText('Buyer pays return postage.').waitFor();
    const sections = b.getByRole('navigation', { name: 'Shop sections' });
    // Empty sections are not offered; Mugs has one listing.
    expect(await sections.getByRole('link', { name: /Plates/ }).count()).toBe(0);
    await sections.getByRole('link', { name: /Mugs/ }).click();
    await b.getByRole('heading', { name: 'Mugs' }).waitFor();
    await b
      .getByRole('link', { name: new RegExp(mug.title) })
      .first()
      .waitFor();
    expect(await b.getByRole('link', { name: new RegExp(plate.title) }).count()).toBe(0);

    // Searching this shop (search lags the outbox by about a second: retry the search).
    const deadline = Date.now() + 20_000;
    for (;;) {
      await b.getByRole('searchbox', { name: `Search ${seller.shop.name}` }).fill(word);
      await b.getByRole('button', { name: `Search ${seller.shop.name}` }).click();
      await b.getByRole('heading', { name: `Results for “${word}”` }).waitFor();
      const hit = b.getByRole('link', { name: new RegExp(mug.title) }).first();
      if (await hit.isVisible().catch(() => false)) break;
      try {
        await hit.waitFor({ timeout: 1500 });
        break;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await b.goto(`/shop/${seller.shop.slug}`);
      }
    }
    expect(await b.getByRole('link', { name: new RegExp(plate.title) }).count()).toBe(0);
    for (const page of [b, s.page]) {
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
    }
    await screenshot(b, `storefront-shop-${project}`);

    // Policies on the listing too.
    await b.goto(`/product/${plate.id}`);
    await b.getByText('Returns accepted within 30 days of delivery; no exchanges').waitFor();
    expect(shopper.errors).toEqual([]);
    expect(s.errors).toEqual([]);
    await Promise.all([s.context.close(), shopper.context.close()]);
  });
}

test('an anonymous shopper on a section link sees that section, and a made-up section shows an empty state', async () => {
  const seller = await createSeller();
  await createProduct(seller);
  const [section] = await seller.caller.shops.createSection({ shopId: seller.shopId, name: 'Bowls' });
  const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl);
  await page.goto(`/shop/${seller.shop.slug}?section=${section!.id}`);
  await page.getByText('Nothing in this section right now').waitFor();
  await page.getByRole('link', { name: 'See all listings' }).click();
  await page.getByRole('heading', { name: 'Listings' }).waitFor();
  await context.close();
});
