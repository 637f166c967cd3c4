// The "No exact matches" card's other ways out, by keyboard at laptop and phone width (found by a
// walk): Enter on "Try “<first word>”" or "Browse everything" took the card away when the new
// results came and focus fell to <body>, so the next Tab started again at "Skip to content". Both
// now land on the results heading, as "Search “…” without filters" does (search-chip-focus).
import { beforeAll, expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { createUser, signedInPage, twoMugs, untilIndexed, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
let word = '';

beforeAll(async () => {
  word = await twoMugs();
});

// Nothing matches both words under a $1,000 floor: the "No exact matches" card.
const noMatches = () => `/search?q=${word}%20zqxjvbnmwplkrtgh&min=100000`;

async function nextTabInMain(page: Page) {
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement))).toBe(true);
}

async function noSidewaysPan(page: Page, project: string) {
  if (project !== 'phone') return;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

for (const project of projectNames) {
  test(`${project}: "Try “<first word>”" lands on the results heading`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await untilIndexed(page, `/search?q=${word}`, 2);
    await page.goto(noMatches());
    await page.getByRole('heading', { name: 'No exact matches' }).waitFor();
    await page.getByRole('link', { name: `Try “${word}”` }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === word && !url.searchParams.has('min'));
    await page
      .locator('.result-count')
      .filter({ hasText: /^2 results$/ })
      .waitFor();
    await waitForFocus(page.getByRole('heading', { name: `Results for “${word}”` }));
    await screenshot(page, `try-word-${project}`);
    await noSidewaysPan(page, project);
    await nextTabInMain(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: "Browse everything" lands on the "Everything on Hearth" heading`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await untilIndexed(page, `/search?q=${word}`, 2);
    await page.goto(noMatches());
    await page.getByRole('heading', { name: 'No exact matches' }).waitFor();
    await page.getByRole('link', { name: 'Browse everything' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search' && url.search === '');
    await page
      .locator('.result-count')
      .filter({ hasText: /^[\d,]+\+? results?$/ })
      .waitFor();
    await waitForFocus(page.getByRole('heading', { name: 'Everything on Hearth' }));
    await screenshot(page, `browse-everything-${project}`);
    await noSidewaysPan(page, project);
    await nextTabInMain(page);
    expect(errors).toEqual([]);
    await context.close();
  });
}
