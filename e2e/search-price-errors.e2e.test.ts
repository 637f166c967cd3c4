// The search page's "$ min" / "$ max" boxes refuse what cannot be a price ("abc", negative, the
// minimum above the maximum) with a clear message instead of dropping it: without JavaScript the
// page comes back with the prices as typed, the boxes marked invalid and a notice above the
// results; with JavaScript Go says the same words at once and changes nothing. An address edited by
// hand with the minimum above the maximum says the same (decision 0160). On a laptop and a phone,
// no sideways scroll, no serious axe findings.
import { beforeAll, expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { seriousA11yViolations } from './axe';
import { createProduct, createSeller, token, waitForFocus } from './fixtures';
import { projectNames, projects, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
let word = '';

beforeAll(async () => {
  word = token();
  const seller = await createSeller();
  await createProduct(seller, { title: `Cheap ${word} mug`, priceCents: 1000 });
  await createProduct(seller, { title: `Dear ${word} vase`, priceCents: 6000 });
});

async function untilIndexed(page: Page, path: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.goto(path);
    if (await page.getByText(/^2 results/).count()) return;
    if (Date.now() > deadline) throw new Error(`not indexed: ${path}`);
  }
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const notAPrice = 'Minimum price: “abc” is not an amount. Type dollars, like 25 or 12.50.';
const upsideDown = 'Minimum price ($50.00) is more than the maximum ($20.00).';
const negative = 'Maximum price can’t be negative.';

for (const project of projectNames) {
  test(`${project} without JavaScript: unreadable prices come back with a message, not silently dropped`, async () => {
    const context = await e2e.browser.newContext({
      ...projects[project],
      baseURL: e2e.app.baseUrl,
      javaScriptEnabled: false,
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await untilIndexed(page, `/search?q=${word}`);
    const filters = page.getByRole('complementary', { name: 'Filters' });
    const minBox = filters.getByRole('textbox', { name: 'Minimum price in dollars' });
    const maxBox = filters.getByRole('textbox', { name: 'Maximum price in dollars' });
    const notice = page.getByTestId('price-not-applied');
    const apply = () => filters.getByRole('button', { name: 'Apply filters', exact: true }).click();

    await minBox.fill('abc');
    await apply();
    await page.waitForURL(new RegExp(`/search\\?q=${word}&pmin=abc$`));
    await notice.getByText('Your price range was not applied.').waitFor();
    await notice.getByText(notAPrice).waitFor();
    // Points at what is on screen: the filters' Price section (there is no 'Filters › Price' label on a laptop).
    await notice
      .getByText('Fix the amount under Price in the filters, or pick one of the price ranges there.')
      .waitFor();
    // Results at any price, the box as typed, marked invalid and described by the same words.
    await page.getByText(/^2 results/).waitFor();
    expect(await minBox.inputValue()).toBe('abc');
    expect(await minBox.getAttribute('aria-invalid')).toBe('true');
    expect(
      await minBox.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent),
    ).toBe(notAPrice);
    await notice.scrollIntoViewIfNeeded();
    await noSidewaysScroll(page);
    await screenshot(page, `no-js-${project}-search-price-error`);

    await minBox.fill('50');
    await maxBox.fill('20');
    await apply();
    await notice.getByText(upsideDown).waitFor();
    await minBox.fill('');
    await maxBox.fill('-5');
    await apply();
    await notice.getByText(negative).waitFor();

    // Fixed: applied, and the notice is gone.
    await maxBox.fill('');
    await minBox.fill('50');
    await apply();
    await page.waitForURL(new RegExp(`/search\\?q=${word}&min=5000$`));
    await page.getByText(/^1 result\b/).waitFor();
    expect(await notice.count()).toBe(0);

    // An address edited by hand, in cents, the wrong way round: not swapped. The same notice, every
    // price searched, the boxes show the range with the minimum marked, no chip claims a price.
    await page.goto(`/search?q=${word}&min=5000&max=2000`);
    await notice.getByText(upsideDown).waitFor();
    await page.getByText(/^2 results/).waitFor();
    expect(await minBox.inputValue()).toBe('50.00');
    expect(await maxBox.inputValue()).toBe('20.00');
    expect(await minBox.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: /^Remove filter: \$/ }).count()).toBe(0);
    await notice.scrollIntoViewIfNeeded();
    await noSidewaysScroll(page);
    await screenshot(page, `no-js-${project}-search-price-reversed-url`);
    // Fixing a box and applying searches that range.
    await maxBox.fill('100');
    await apply();
    await page.waitForURL(new RegExp(`/search\\?q=${word}&min=5000&max=10000$`));
    await page.getByText(/^1 result\b/).waitFor();
    expect(await notice.count()).toBe(0);
    await context.close();
  }, 120_000);

  test(`${project} with JavaScript: Go says the same words and changes nothing until the price reads`, async () => {
    const context = await e2e.browser.newContext({ ...projects[project], baseURL: e2e.app.baseUrl });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await untilIndexed(page, `/search?q=${word}`);
    // An address the no-JavaScript form left behind reads the same after hydration.
    await page.goto(`/search?q=${word}&pmin=abc`);
    await page.getByTestId('price-not-applied').getByText(notAPrice).waitFor();
    // (axe needs scripts: the notice and the invalid box are checked here, where they also render.)
    expect(await seriousA11yViolations(page)).toEqual([]);
    // So does a hand-edited address in cents the wrong way round: every price is searched.
    await page.goto(`/search?q=${word}&min=5000&max=2000`);
    await page.getByTestId('price-not-applied').getByText(upsideDown).waitFor();
    await page.getByText(/^2 results/).waitFor();
    expect(await page.getByRole('button', { name: /^Remove filter: \$/ }).count()).toBe(0);
    await noSidewaysScroll(page);
    await screenshot(page, `search-price-reversed-url-${project}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Past 15 digits is an amount too, too large (decision 0172): the rest of the search runs and
    // the tab names it, instead of a 400 page titled like any other.
    await page.goto(`/search?q=${word}&max=9999999999999999`);
    await page.getByTestId('price-not-applied').getByText('Maximum price can be at most $1,000,000.00.').waitFor();
    await page.getByText(/^2 results/).waitFor();
    await waitUntil(async () => (await page.title()) === `“${word}” — search · Hearth`, { what: 'the search’s title' });
    // An address no search reads is still a 400, its tab saying what could not be read.
    await page.goto(`/search?q=${word}&sort=cheapest`);
    await page.getByText('That sort order is not one we offer.').waitFor();
    await waitUntil(async () => (await page.title()) === 'Sort order not understood · Hearth', {
      what: 'the 400 page’s title',
    });
    // The way on keeps the shopper's words and drops what could not be read.
    await page.getByRole('link', { name: `Search for “${word}”` }).click();
    await page.waitForURL(new RegExp(`/search\\?q=${word}$`));
    await page.getByText(/^2 results/).waitFor();

    await page.goto(`/search?q=${word}`);
    await page.getByText(/^2 results/).waitFor();
    let filters = page.getByRole('complementary', { name: 'Filters' });
    if (project === 'phone') {
      await page.getByRole('button', { name: 'Filters', exact: true }).click();
      filters = page.getByRole('dialog', { name: 'Filters' });
    }
    const minBox = filters.getByRole('textbox', { name: 'Minimum price in dollars' });
    const maxBox = filters.getByRole('textbox', { name: 'Maximum price in dollars' });
    await minBox.fill('50');
    await maxBox.fill('20');
    await maxBox.press('Enter');
    await filters.getByRole('alert').getByText(upsideDown).waitFor();
    expect(await minBox.getAttribute('aria-invalid')).toBe('true');
    await waitForFocus(minBox);
    expect(new URL(page.url()).search).toBe(`?q=${word}`);
    await noSidewaysScroll(page);
    await screenshot(page, `search-price-error-${project}`);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await minBox.fill('abc');
    await filters.getByRole('button', { name: 'Go', exact: true }).click();
    await filters.getByRole('alert').getByText(notAPrice).waitFor();
    expect(new URL(page.url()).search).toBe(`?q=${word}`);
    // Picking a range instead clears the message and the box.
    await filters.getByRole('radio', { name: 'Under $25' }).click();
    await page.waitForURL(new RegExp(`/search\\?q=${word}&price=under-25$`));
    await filters.getByRole('alert').waitFor({ state: 'detached' });
    expect(await minBox.inputValue()).toBe('');
    await filters.getByRole('radio', { name: 'Any price' }).click();
    await page.waitForURL(new RegExp(`/search\\?q=${word}$`));
    // The price boxes are remounted for the new address in the render that shows both results again:
    // typing before it would be wiped.
    await page.getByText(/^2 results/).waitFor({ state: 'attached' });

    await minBox.fill('50');
    await maxBox.fill('');
    await filters.getByRole('button', { name: 'Go', exact: true }).click();
    await page.waitForURL(new RegExp(`/search\\?q=${word}&min=5000$`));
    if (project === 'phone') await filters.getByRole('button', { name: 'Show 1 result' }).click();
    await page.getByText(/^1 result\b/).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Minimum price' }).count()).toBe(0);

    // A hand-edited address the wrong way round, fixed from the keyboard: Enter in the box applies
    // it, the notice goes, and focus stays in that box (the boxes were remounted for the new address
    // and took the focused one with them, leaving a keyboard user on the page).
    await page.goto(`/search?q=${word}&min=5000&max=2000`);
    await page.getByTestId('price-not-applied').getByText(upsideDown).waitFor();
    if (project === 'phone') await page.getByRole('button', { name: 'Filters', exact: true }).click();
    await maxBox.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/search\\?q=${word}&min=5000&max=10000$`));
    await page.getByTestId('price-not-applied').waitFor({ state: 'detached' });
    await waitForFocus(maxBox);
    expect(await maxBox.inputValue()).toBe('100.00');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
}
