// The vacation form's return date (found by a walk at 1366×900 and 390×844, keyboard only): the
// date picker took a 6-digit year (0102202777 typed became "01/02/202777"), and the error then
// said "Use a date like 2026-12-24.", a format the seller cannot type into a mm/dd/yyyy picker.
// The picker now runs from today to a year ahead, as the server accepts, and a date beyond it is
// refused in the seller's terms, with focus on the date.
import { expect, test } from 'bun:test';
import { createSeller, signedInPage, tabTo, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: the return date stays within the next year, and a later one is refused in plain words`, async () => {
    const seller = await createSeller();
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/shop');
    const card = page.getByRole('region', { name: /Vacation mode/ });
    const message = card.getByLabel('Message for shoppers');
    const date = card.getByLabel('Back on (optional)');
    const dateError = card.locator('.field', { has: page.getByLabel('Back on (optional)') }).locator('.error');
    const go = card.getByRole('button', { name: 'Go on vacation' });
    const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
    const year = Number(today.slice(0, 4));
    expect(await date.getAttribute('min')).toBe(today);
    expect(await date.getAttribute('max')).toBe(`${year + 1}${today.slice(4)}`);

    await tabTo(page, message);
    await page.keyboard.type('Back after the craft fair.');
    // The walker's keys: month, day, then a year that runs on.
    await page.keyboard.press('Tab');
    await waitForFocus(date);
    await page.keyboard.type(`0102${year + 1}77`);
    // The picker keeps a 4-digit year (the last four typed: beyond the year ahead).
    const typed = await date.inputValue();
    expect(typed).toMatch(/^\d{4}-01-02$/);
    expect(typed > `${year + 1}${today.slice(4)}`).toBe(true);

    // A date past the year: the seller is told what to pick, in their terms, focus on the date.
    await tabTo(page, go);
    await page.keyboard.press('Enter');
    await waitForFocus(date);
    expect((await dateError.textContent())?.trim()).toBe('Pick a return date within the next year.');
    await screenshot(page, `vacation-return-date-range-${project}`);

    // Within the year: on vacation.
    await date.fill(`${year + 1}${today.slice(4)}`);
    await tabTo(page, go);
    await page.keyboard.press('Enter');
    await card.getByRole('button', { name: 'Update vacation' }).waitFor();
    expect(await dateError.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
}
