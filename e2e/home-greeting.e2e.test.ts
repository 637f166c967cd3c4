// The home page's greeting: a shopper who has just made their account is welcomed ("Welcome, Rita"),
// not welcomed back; someone signing in to an older account is "Welcome back". Both widths; the
// registration form filled from the keyboard.
import { expect, test } from 'bun:test';
import { sql } from 'kysely';
import { forgetUserSessions } from '../src/server/modules/auth/auth.session';
import { testDeps } from '../src/server/test/test-services';
import { createUser, signedInPage, unique } from './fixtures';
import { newPage, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of ['phone', 'desktop'] as const) {
  test(`${project}: right after registering, home says "Welcome, Rita"; an older account hears "Welcome back"`, async () => {
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    await page.goto('/register');
    await page.getByLabel('Your name').focus();
    await page.keyboard.type('Rita Levi');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`${unique('e2e-rita')}@example.test`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('a-long-password');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
    const hero = page.getByRole('region', { name: 'Things with a story, from people who make them.' });
    await hero.getByText('Welcome, Rita', { exact: true }).waitFor();
    expect(await page.getByText(/Welcome back/).count()).toBe(0);
    await screenshot(page, `home-welcome-new-${project}`);
    // Still the first visit on a reload.
    await page.reload();
    await hero.getByText('Welcome, Rita', { exact: true }).waitFor();
    await context.close();

    const older = await createUser(testDeps(), 'Olga Weiss');
    await sql`update users set created_at = now() - interval '3 days' where id = ${older.id}`.execute(testDeps().db);
    await forgetUserSessions(testDeps(), older.id);
    const back = await signedInPage(e2e.browser, e2e.app.baseUrl, older, project);
    await back.page.goto('/');
    await back.page.getByText('Welcome back, Olga', { exact: true }).waitFor();
    expect(back.errors).toEqual([]);
    await back.context.close();
  }, 90_000);
}
