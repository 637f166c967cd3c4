// Vacation mode with no message for shoppers, by keyboard at laptop and phone width: the server
// refuses it and says so under "Message for shoppers"; focus goes to that field, where the seller
// types the fix, instead of staying on "Go on vacation". Then a message sends the shop away.
import { expect, test } from 'bun:test';
import { createSeller, signedInPage, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: "Go on vacation" with no message focuses the message field`, async () => {
    const seller = await createSeller();
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await page.goto('/dashboard/shop');
    const go = page.getByRole('button', { name: 'Go on vacation' });
    await go.focus();
    await page.keyboard.press('Enter');
    const message = page.getByLabel('Message for shoppers');
    await waitForFocus(message);
    expect(await message.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, `vacation-error-focus-${project}`);

    await page.keyboard.type('Back after the craft fair.');
    await go.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'I’m back: open the shop' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
}
