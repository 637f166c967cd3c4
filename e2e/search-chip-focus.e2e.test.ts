// Removing a search filter by keyboard, at laptop and phone width (found by a walk): Enter on a
// chip "Remove filter: …" or on "Search “…” without filters" took that control away and focus fell
// to <body>, so the next Tab started again at "Skip to content". Now removing a chip moves focus to
// the next chip (so several come off in a row), the last chip to the results heading, and the
// unfiltered search lands on the results heading too; the next Tab stays in the page.
import { beforeAll, expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { createUser, signedInPage, twoMugs, untilIndexed, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();
let word = '';

beforeAll(async () => {
  word = await twoMugs();
});

async function press(page: Page, control: Locator) {
  await control.focus();
  await page.keyboard.press('Enter');
}

const resultCount = (page: Page, count: number) =>
  page
    .locator('.result-count')
    .filter({ hasText: new RegExp(`^${count} results?$`) })
    .waitFor();

async function nextTabInMain(page: Page) {
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement))).toBe(true);
}

for (const project of projectNames) {
  test(`${project}: removing filter chips moves focus to the next chip, then the results heading`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await untilIndexed(page, `/search?q=${word}`, 2);
    await page.goto(`/search?q=${word}&min=500&colour=blue`);
    await press(page, page.getByRole('button', { name: 'Remove filter: $5.00 and up' }));
    await page.waitForURL((url) => !url.searchParams.has('min'));
    await waitForFocus(page.getByRole('button', { name: 'Remove filter: Blue' }));

    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.searchParams.has('colour'));
    await resultCount(page, 2);
    await waitForFocus(page.getByRole('heading', { name: `Results for “${word}”` }));
    await screenshot(page, `chip-removed-${project}`);
    await nextTabInMain(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: "Search “…” without filters" lands on the results heading`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    await untilIndexed(page, `/search?q=${word}`, 2);
    await page.goto(`/search?q=${word}&min=100000`);
    await press(page, page.getByRole('link', { name: `Search “${word}” without filters` }));
    await page.waitForURL((url) => !url.searchParams.has('min'));
    await resultCount(page, 2);
    await waitForFocus(page.getByRole('heading', { name: `Results for “${word}”` }));
    await screenshot(page, `unfiltered-${project}`);
    await nextTabInMain(page);
    expect(errors).toEqual([]);
    await context.close();
  });
}
