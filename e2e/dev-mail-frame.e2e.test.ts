// The development inbox shows a mail's HTML as tall as the mail: the page scrolls once, instead of
// a 70vh frame scrolling inside the page (awkward on a phone). The mail's own scripts stay blocked.
import { expect, test } from 'bun:test';
import { enqueueEmail } from '../src/server/modules/email/email-outbox.repository';
import { testDeps } from '../src/server/test/test-services';
import { token } from './fixtures';
import { newPage, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: a mail's HTML part is shown at its own height, with no scrolling inside the frame`, async () => {
    const to = `${token()}@example.test`;
    const paragraphs = Array.from(
      { length: 24 },
      (_, i) => `Paragraph ${i + 1} of a long notice, to run past one screen.`,
    );
    await enqueueEmail(testDeps().db, {
      kind: 'notice',
      to,
      payload: { name: 'Ada', subject: `Long notice ${to}`, heading: 'Hello', paragraphs, reason: 'Test.' },
    });
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // The app's own sender (a subprocess) delivers it to the app's inbox.
    const deadline = Date.now() + 20_000;
    for (;;) {
      await page.goto('/dev/mail');
      const row = page.getByRole('link').filter({ hasText: to }).first();
      if (await row.isVisible()) {
        await row.click();
        break;
      }
      if (Date.now() > deadline) throw new Error(`no mail to ${to} in /dev/mail`);
      await page.waitForTimeout(250);
    }
    const frameElement = page.locator('iframe[title="Message as HTML"]');
    const frame = page.frameLocator('iframe[title="Message as HTML"]');
    await frame.getByText('Paragraph 24 of a long notice').waitFor();
    // Taller than the old 70vh, and nothing left to scroll inside it.
    await page.waitForFunction(
      () => {
        const f = document.querySelector('iframe[title="Message as HTML"]');
        return f !== null && f.getBoundingClientRect().height > window.innerHeight * 0.7 + 10;
      },
      undefined,
      { timeout: 5_000 },
    );
    expect(await frameElement.isVisible()).toBe(true);
    const inner = await frame.locator('html').evaluate((d) => ({ scroll: d.scrollHeight, shown: window.innerHeight }));
    expect(inner.scroll).toBeLessThanOrEqual(inner.shown + 1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `dev-mail-frame-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
}
