// Found by a walk at 1366×900 and 390×844: a password-reset link already used showed the whole
// "Choose a new password" form again, and the shopper learned it was spent only after typing two
// passwords. The page now reads the link as it opens (account.resetLinkStatus) and says "This link
// has been used or has expired", with a way to ask for a new one; a fresh link still opens the form,
// whose field errors end with a full stop like every message a shopper reads.
import { expect, test } from 'bun:test';
import { createUser, mailedLink, tabTo } from './fixtures';
import { newPage, projectNames, projects, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: a used reset link says so as it opens, with a way to ask for a new one`, async () => {
    const user = await createUser();
    await user.caller.account.requestPasswordReset({ email: user.email });
    // The mail was written by the test's own services: keep its path, on the app under test.
    const mailed = new URL(await mailedLink(e2e.app.baseUrl, user.email, '/reset-password?token='));
    const link = mailed.pathname + mailed.search;
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Fresh, the link opens the form.
    await page.goto(link);
    await page.getByLabel('New password', { exact: true }).waitFor();
    // Its field errors are sentences, worded as the server words them: a short password, a second that differs.
    await tabTo(page, page.getByLabel('New password', { exact: true }));
    await page.keyboard.type('short');
    await page.keyboard.press('Tab');
    await page.keyboard.type('shorter');
    await page.keyboard.press('Enter');
    await page.getByText('The two passwords differ.').waitFor();
    expect(await page.getByRole('alert').allInnerTexts()).toEqual([
      'Password must be at least 8 characters.',
      'The two passwords differ.',
    ]);

    // Used (in another tab, say), the same link says so before anything is typed.
    const token = mailed.searchParams.get('token')!;
    await user.caller.account.resetPassword({ token, password: 'brand-new-password' });
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'This link has been used or has expired' }).waitFor();
    expect(await page.getByLabel('New password', { exact: true }).count()).toBe(0);
    const width = projects[project].viewport.width;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await screenshot(page, `spent-reset-link-${project}`);

    // Keyboard only: the way on asks for a new link.
    await tabTo(page, page.getByRole('link', { name: 'Ask for a new link' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
}
