// Both inboxes (the shop's dashboard Messages and the buyer's /messages) lay out unread and read
// rows alike: the date sits beside the name's first line (on a phone the unread badge's column used
// to push the date onto a line of its own in unread rows only). A name too long for the line wraps
// and is shown whole: it used to be cut ("Copper & Cl…") even for a short shop name on a phone.
// A very long name (80 characters) takes at most two lines, ending in an ellipsis, with the whole
// name in its title and read whole in the row's link. Laptop and phone.
import { expect, test } from 'bun:test';
import type { Locator, Page } from 'playwright';
import { createSeller, createUser, signedInPage, token } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

async function rowLayout(rows: Locator) {
  return rows.evaluateAll((links) =>
    links.map((a) => {
      const nameEl = a.querySelector('.conversation-name') as HTMLElement | null;
      const range = document.createRange();
      if (nameEl) range.selectNodeContents(nameEl);
      const firstLine = nameEl ? range.getClientRects()[0] : undefined;
      const date = a.querySelector('time')?.getBoundingClientRect();
      return {
        unread: a.classList.contains('is-unread'),
        name: nameEl?.textContent ?? '',
        // Shown whole: nothing of the name is clipped by its box.
        whole: !!nameEl && nameEl.scrollWidth <= nameEl.clientWidth,
        sameLine:
          !!firstLine && !!date && Math.abs(firstLine.top + firstLine.height / 2 - (date.top + date.height / 2)) < 4,
        dateInside: !!date && date.right <= a.getBoundingClientRect().right,
      };
    }),
  );
}

async function noSidewaysPan(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

for (const project of projectNames) {
  test(`${project}: in the shop's inbox, every name is whole and the date stays on its first line`, async () => {
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
    const layout = await rowLayout(rows);
    expect(layout.some((r) => r.unread)).toBe(true);
    expect(layout.some((r) => !r.unread)).toBe(true);
    expect(layout.map((r) => r.name).sort()).toEqual([long.name, rosa.name, rosie.name].sort());
    for (const row of layout) expect(row).toEqual({ ...row, whole: true, sameLine: true, dateInside: true });
    expect(await noSidewaysPan(s.page)).toBe(true);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  test(`${project}: in the buyer's messages, a shop's name is whole beside the date`, async () => {
    const seller = await createSeller();
    const shopName = `Copper & Clay ${token()}`;
    await seller.caller.shops.update({ shopId: seller.shopId!, name: shopName });
    const buyer = await createUser(undefined, 'Rosie Hughes');
    const started = await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Is the jug food safe?' });
    await seller.caller.messages.send({ conversationId: started.conversationId, text: 'Hello Rosie, it is!' });

    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await b.page.goto('/messages');
    const rows = b.page.getByRole('list', { name: 'Conversations' }).getByRole('link');
    await rows.first().getByText('Hello Rosie, it is!').waitFor();
    await screenshot(b.page, `inbox-row-dates-buyer-${project}`);
    const [row] = await rowLayout(rows);
    expect(row).toEqual({ unread: true, name: shopName, whole: true, sameLine: true, dateInside: true });
    expect(await noSidewaysPan(b.page)).toBe(true);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  test(`${project}: an 80-character name takes at most two lines, and is still there whole`, async () => {
    const seller = await createSeller();
    const longName = `Bartholomew Alexander Featherstonehaugh-Worthington of the Lower Wensleydale ${token()}`.slice(
      0,
      80,
    );
    const long = await createUser(undefined, longName);
    await long.caller.messages.start({ shopId: seller.shopId!, text: 'Do you make size N?' });
    const rosie = await createUser(undefined, 'Rosie Hughes');
    await rosie.caller.messages.start({ shopId: seller.shopId!, text: 'The cards arrived, thank you!' });

    const s = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    await s.page.goto('/dashboard/messages');
    const rows = s.page.getByRole('list', { name: 'Conversations with buyers' }).getByRole('link');
    await rows.nth(1).waitFor();
    await screenshot(s.page, `inbox-long-name-${project}`);
    const name = rows.filter({ hasText: 'Do you make size N?' }).locator('.conversation-name');
    const lines = await name.evaluate((el) => {
      const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight);
      return Math.round(el.getBoundingClientRect().height / lineHeight);
    });
    expect(lines).toBeLessThanOrEqual(2);
    // Cut on screen only: hovering shows it whole, and the link's name (what a screen reader says) has it all.
    expect(await name.getAttribute('title')).toBe(longName);
    const linkName = await rows.filter({ hasText: 'Do you make size N?' }).evaluate((a) => a.textContent ?? '');
    expect(linkName).toContain(longName);
    // The short name in the other row is whole, on one line.
    const short = rows.filter({ hasText: 'The cards arrived' }).locator('.conversation-name');
    expect(await short.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
    expect(await noSidewaysPan(s.page)).toBe(true);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });
}
