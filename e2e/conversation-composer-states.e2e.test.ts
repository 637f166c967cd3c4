// What a conversation page says when a message cannot be sent as it is: over the 2,000-character
// limit the count turns red and a reason says what to do, tied to the box for a screen reader
// (aria-invalid, aria-describedby: the count and the reason only, not the "Ctrl+Enter sends" hint,
// which stays its quiet colour), as the Ask a question dialog does. Laptop and phone.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { createSeller, createUser, signedInPage } from './fixtures';
import { projectNames, projects, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** The page's danger colour as the browser computes it (rgb), to compare with a text's colour. */
function dangerColour(page: Page) {
  return page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--danger)';
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  });
}

for (const project of projectNames) {
  test(`${project}: over the limit, the message box's count is red with a reason to shorten it`, async () => {
    const seller = await createSeller();
    const buyer = await createUser();
    const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Hello there' });
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
    await b.page.goto(`/messages/${conversationId}`);
    const composer = b.page.getByLabel('Write a message');
    await composer.focus();
    await b.page.keyboard.insertText('a'.repeat(2001)); // a paste
    const count = b.page.getByText(/^2,001 \/ 2,000/);
    const reason = b.page.getByText('Shorten your message to 2,000 characters.');
    await reason.waitFor();
    await screenshot(b.page, `conversation-over-limit-${project}`);
    const danger = await dangerColour(b.page);
    expect(await count.evaluate((el) => getComputedStyle(el).color)).toBe(danger);
    expect(await reason.evaluate((el) => getComputedStyle(el).color)).toBe(danger);
    expect(await composer.getAttribute('aria-invalid')).toBe('true');
    const described = await composer.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' '),
    );
    // The count and the reason, and nothing else: not the "Ctrl+Enter sends" hint beside the count.
    expect(described.replace(/\s+/g, ' ').trim()).toBe('2,001 / 2,000 Shorten your message to 2,000 characters.');
    // Only the count turns red: the key hint beside it (on a laptop) keeps its quiet colour.
    const keys = b.page.getByText('· Ctrl+Enter sends');
    if (await keys.isVisible()) expect(await keys.evaluate((el) => getComputedStyle(el).color)).not.toBe(danger);
    expect(await b.page.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);

    // One character fewer: back within the limit, the reason goes and the count is plain again.
    await b.page.keyboard.press('Backspace');
    await reason.waitFor({ state: 'detached' });
    expect(await composer.getAttribute('aria-invalid')).toBeNull();
    expect(await b.page.getByText(/^2,000 \/ 2,000/).evaluate((el) => getComputedStyle(el).color)).not.toBe(danger);
    expect(await b.page.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(false);
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
}

for (const project of projectNames) {
  test(`${project}: someone else's conversation says "not found" once, why, and links back to Messages`, async () => {
    const seller = await createSeller();
    const owner = await createUser();
    const { conversationId } = await owner.caller.messages.start({ shopId: seller.shopId!, text: 'Private' });
    const stranger = await createUser();
    const p = await signedInPage(e2e.browser, e2e.app.baseUrl, stranger, project);
    await p.page.goto(`/messages/${conversationId}`);
    await p.page.getByRole('heading', { name: 'Conversation not found' }).waitFor();
    await screenshot(p.page, `conversation-not-found-${project}`);
    expect(await p.page.getByText(/Conversation not found/).count()).toBe(1);
    // The whole page: its heading is the page's h1.
    expect(await p.page.getByRole('heading', { level: 1, name: 'Conversation not found' }).count()).toBe(1);
    await p.page.getByText('the link is for a different account').waitFor();
    expect(await p.page.getByText('Private').count()).toBe(0);
    const back = p.page.getByRole('link', { name: 'Back to messages' });
    await back.focus();
    await p.page.keyboard.press('Enter');
    await p.page.waitForURL(/\/messages$/);
    expect(p.errors).toEqual([]);
    await p.context.close();
  });
}

test('the "Ctrl+Enter sends" hint shows on a laptop only, not at phone width even with a mouse', async () => {
  const seller = await createSeller();
  const buyer = await createUser();
  const { conversationId } = await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Hello there' });
  const sizes = [
    { name: 'laptop', options: projects.desktop, shows: true },
    { name: 'phone with touch', options: projects.phone, shows: false },
    // As the walk that found it saw the page: 390 px wide, no touch emulation.
    { name: 'phone width, mouse', options: { viewport: { width: 390, height: 844 } }, shows: false },
  ];
  for (const size of sizes) {
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, size.options);
    await b.page.goto(`/messages/${conversationId}`);
    await b.page.getByText(/^0 \/ 2,000/).waitFor();
    expect({ size: size.name, shows: await b.page.getByText('Ctrl+Enter sends').isVisible() }).toEqual({
      size: size.name,
      shows: size.shows,
    });
    expect(b.errors).toEqual([]);
    await b.context.close();
  }
});
