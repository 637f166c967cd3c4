// Found by a walk of the seller's variations editor: an empty property name showed its placeholder
// "Size" upright and nearly as dark as typed text, so it read as filled in. Every placeholder in the
// dashboard (the app's one ::placeholder rule) is now a hint: italic, lighter than the hints beside
// fields, yet at least 4.5:1 against the field, so it can still be read.
import { expect, test } from 'bun:test';
import type { Locator } from 'playwright';
import { createProduct, createSeller, signedInPage, tabTo, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** How a field's placeholder is drawn, next to its typed text and the page's hint text. */
function placeholderLook(field: Locator) {
  return field.evaluate((el) => {
    const luminance = (css: string) => {
      const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const field = getComputedStyle(el);
    const placeholder = getComputedStyle(el, '::placeholder');
    const hint = document.querySelector('.hint');
    const background = luminance(field.backgroundColor);
    const text = luminance(placeholder.color);
    return {
      italic: placeholder.fontStyle === 'italic',
      readable: ratio(text, background) >= 4.5,
      lighterThanValue: text > luminance(field.color),
      lighterThanHints: !hint || text > luminance(getComputedStyle(hint).color),
    };
  });
}

const looksLikeAHint = { italic: true, readable: true, lighterThanValue: true, lighterThanHints: true };

async function expectHint(field: Locator) {
  await field.waitFor();
  expect({ field: await field.getAttribute('placeholder'), ...(await placeholderLook(field)) }).toEqual({
    field: await field.getAttribute('placeholder'),
    ...looksLikeAHint,
  });
}

for (const project of projectNames)
  test(`${project}: placeholders in the dashboard look like hints, not filled-in values`, async () => {
    const seller = await createSeller();
    const listing = await createProduct(seller, { title: `Walnut ${token()} spoon` });
    const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto(`/dashboard/listings?edit=${listing.id}`);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    await tabTo(page, dialog.getByRole('button', { name: 'Add variations' }));
    await page.keyboard.press('Enter');
    const name = dialog.getByLabel('Property 1', { exact: true });
    await waitForFocus(name);
    expect(await name.inputValue()).toBe('');
    await expectHint(name);
    await expectHint(dialog.getByLabel('Values', { exact: true }));
    await screenshot(page, `placeholder-hint-style-${project}`);
    await page.goto('/dashboard/listings');
    await expectHint(page.getByRole('searchbox', { name: 'Search your listings' }));
    await page.goto('/dashboard/storefront');
    const storefront = page.locator('main [placeholder]').first();
    await expectHint(storefront);
    expect(errors).toEqual([]);
    await context.close();
  });
