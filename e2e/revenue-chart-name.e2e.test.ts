// The seller overview's revenue chart: a screen reader hears one summary ("Revenue, last 30 days:
// $115.00 total; highest $90.00 on Nov 13"), can read the days that sold in a table, and Tab does
// not stop on the chart. Its day labels read "Nov 13", not "11-13". Both widths.
import { beforeAll, expect, test } from 'bun:test';
import { createOrderFixture } from '../src/server/modules/reviews/test-orders';
import { testDeps } from '../src/server/test/test-services';
import { createProduct, createSeller, createUser, signedInPage } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
let seller: Awaited<ReturnType<typeof createSeller>>;
const day = (d: Date) =>
  new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);

beforeAll(async () => {
  seller = await createSeller();
  const mug = await createProduct(seller, { priceCents: 2500, quantity: 10 });
  const vase = await createProduct(seller, { priceCents: 9000, quantity: 5 });
  const buyer = await createUser();
  await createOrderFixture(testDeps(), buyer.id, [{ productId: mug.id }], { status: 'paid' });
  await createOrderFixture(testDeps(), buyer.id, [{ productId: vase.id }], {
    status: 'delivered',
    createdAt: twoDaysAgo,
  });
}, 60_000);

for (const project of projectNames) {
  test(`${project}: the revenue chart is one named image with human day labels, and no Tab stop`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard');
    const summary = `Revenue, last 30 days: $115.00 total; highest $90.00 on ${day(twoDaysAgo)}`;
    const chart = page.getByRole('img', { name: summary, exact: true });
    await chart.waitFor();
    await page.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').first().waitFor();
    const ticks = await page
      .locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')
      .allTextContents();
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) expect(t).toMatch(/^[A-Z][a-z]{2} \d{1,2}$/);

    const table = page.getByRole('table', { name: 'Revenue on the days with sales' });
    expect(await table.getByRole('row').allTextContents()).toEqual([
      'DayRevenueOrders',
      `${day(twoDaysAgo)}$90.00 1`.replace(' 1', '1'),
      `${day(new Date())}$25.00 1`.replace(' 1', '1'),
    ]);

    // Tab from the link before the chart goes past it.
    await page.getByRole('link', { name: 'Orders to fulfil' }).focus();
    await page.keyboard.press('Tab');
    const landed = await page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el?.tagName.toLowerCase(), inChart: !!el?.closest('.chart-box'), text: el?.textContent };
    });
    expect(landed.inChart).toBe(false);
    expect(landed.tag).not.toBe('svg');
    const tabStops = await page.evaluate(
      () => [...document.querySelectorAll<HTMLElement>('.chart-box [tabindex]')].filter((e) => e.tabIndex >= 0).length,
    );
    expect(tabStops).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, `revenue-chart-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
}
