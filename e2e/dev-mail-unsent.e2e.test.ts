// The development inbox explains a mail that will not arrive: under the caught mail, "Not sent"
// lists skipped mails (their user turned the event off) apart from failed ones (the sender gave
// up), each with why. Read on a laptop and a phone without sideways scroll or axe findings.
import { expect, test } from 'bun:test';
import { testDeps } from '../src/server/test/test-services';
import { seriousA11yViolations } from './axe';
import { token } from './fixtures';
import { newPage, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: /dev/mail lists skipped and failed mails under "Not sent", each with why`, async () => {
    const key = token();
    await testDeps()
      .db.insertInto('email_outbox')
      .values([
        {
          kind: 'order.status',
          payload: '{}',
          dedupe_key: `order-status:${key}:shipped`,
          status: 'skipped',
          attempts: 1,
          last_error: 'ada@example.test turned off “My order has shipped” (order.shipped)',
        },
        {
          kind: 'notice',
          to_address: `${key}@example.test`,
          payload: '{}',
          dedupe_key: `notice:${key}`,
          status: 'failed',
          attempts: 8,
          last_error: '550 mailbox unavailable',
        },
      ])
      .execute();
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    // Nothing the page asks for fails (it once asked for /favicon.ico and got a 404 in the console).
    const broken: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) broken.push(`${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') broken.push(m.text());
    });
    await page.goto('/dev/mail');
    const unsent = page.getByRole('region', { name: /Not sent/ });
    const skipped = unsent.getByRole('listitem').filter({ hasText: `order-status:${key}:shipped` });
    await skipped.getByText('Skipped', { exact: true }).waitFor();
    await skipped.getByText('Skipped: ada@example.test turned off “My order has shipped” (order.shipped)').waitFor();
    const failed = unsent.getByRole('listitem').filter({ hasText: `notice:${key}` });
    await failed.getByText('Failed', { exact: true }).waitFor();
    await failed.getByText('After 8 attempts: 550 mailbox unavailable').waitFor();
    await unsent.scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `dev-mail-not-sent-${project}`);
    // The inbox reloads itself every 10 s on purpose (a development tool, not a shopper's page).
    const found = (await seriousA11yViolations(page)).filter((v) => !v.includes('meta-refresh'));
    expect(found).toEqual([]);
    expect(broken).toEqual([]);
    await context.close();
  });
}
