// The shop's inbox lays out unread and read rows alike: the name and the date share the row's top
// line (on a phone the unread badge's column used to push the date onto a line of its own in
// unread rows only). A name too long for the line is cut short, the date stays. Laptop and phone.
import { expect, test } from 'bun:test';
import { createSeller, createUser, signedInPage } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: in the shop's inbox, unread and read rows both keep the date on the name's line`, async () => {
    const seller = await createSeller();
    const rosie = await createUser(undefined, 'Rosie Hughes');
    const long = await createUser(undefined, 'Maximiliana Featherstonehaugh-Worthington');
    const read = await rosie.caller.messages.start({ shopId: seller.shopId!, text: 'A question I asked before' });
    await seller.caller.messages.markRead({ conversationId: read.conversationId });
    await long.caller.messages.start({ shopId: seller.shopId!, text: 'Do you make size N?' });
    const rosa = await createUser(undefined, 'Rosa Hughes');
    await rosa.caller.messages.start({ shopId: seller.shopId!, text: 'The cards arrived, thank you!' });

    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await s.page.goto('/dashboard/messages');
    const rows = s.page.getByRole('list', { name: 'Conversations with buyers' }).getByRole('link');
    await rows.nth(2).waitFor();
    await screenshot(s.page, `inbox-row-dates-${project}`);
    const layout = await rows.evaluateAll((links) =>
      links.map((a) => {
        const name = a.querySelector('.conversation-name')?.getBoundingClientRect();
        const date = a.querySelector('time')?.getBoundingClientRect();
        return {
          unread: a.classList.contains('is-unread'),
          sameLine: !!name && !!date && Math.abs(name.top + name.height / 2 - (date.top + date.height / 2)) < 4,
          dateInside: !!date && date.right <= a.getBoundingClientRect().right,
        };
      }),
    );
    expect(layout.some((r) => r.unread)).toBe(true);
    expect(layout.some((r) => !r.unread)).toBe(true);
    for (const row of layout) expect(row).toEqual({ unread: row.unread, sameLine: true, dateInside: true });
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });
}
