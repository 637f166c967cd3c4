// Create an account with an email that already has one: the server's "An account with this email
// already exists." lands under Email with focus there, as the browser's own checks put focus on
// the field they mark, so a keyboard user reads it where they fix it. Keyboard only, both sizes.
import { expect, test } from 'bun:test';
import { createUser, waitForFocus } from './fixtures';
import { newPage, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: a taken email on Create account focuses Email with its message`, async () => {
    const existing = await createUser();
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    await page.goto('/register');
    await page.getByLabel('Your name').fill('Second Try');
    await page.getByLabel('Email').fill(existing.email);
    const password = page.getByLabel('Password');
    await password.fill('a long enough secret');
    await password.press('Enter');
    const email = page.getByLabel('Email');
    await page.getByText('An account with this email already exists.').waitFor();
    await waitForFocus(email);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, `register-email-taken-${project}`);
    await context.close();
  });
}
