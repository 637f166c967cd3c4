// Found by a walk at 1366×900 and 390×844: the vacation form's "Write a short message for shoppers
// (why you are away, when you are back)" ended on a bracket with no full stop, beside the form's
// other message, "The return date is in the past. Pick today or a later day.", and every other
// sentence the app says to a seller. Both now read as whole sentences.
import { expect, test } from 'bun:test';
import { createSeller, signedInPage, waitForFocus } from './fixtures';
import { projectNames, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: the vacation form's messages are whole sentences`, async () => {
    const seller = await createSeller();
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/shop');
    const card = page.getByRole('region', { name: /Vacation mode/ });
    const go = card.getByRole('button', { name: 'Go on vacation' });
    const message = card.getByLabel('Message for shoppers');

    // No message.
    await go.focus();
    await page.keyboard.press('Enter');
    await waitForFocus(message);
    const messageError = card.locator('.field', { has: page.getByLabel('Message for shoppers') }).locator('.error');
    expect((await messageError.textContent())?.trim()).toBe(
      'Write a short message for shoppers: why you are away and when you are back.',
    );

    // A return date in the past.
    await page.keyboard.type('Back after the craft fair.');
    const date = card.getByLabel('Back on (optional)');
    await date.fill('2020-01-02');
    await go.focus();
    await page.keyboard.press('Enter');
    await waitForFocus(date);
    const dateError = card.locator('.field', { has: page.getByLabel('Back on (optional)') }).locator('.error');
    expect((await dateError.textContent())?.trim()).toBe('The return date is in the past. Pick today or a later day.');
    expect(errors).toEqual([]);
    await context.close();
  });
}
