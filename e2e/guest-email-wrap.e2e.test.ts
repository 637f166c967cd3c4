// A guest's confirmation on a phone (found by a walk): a long address did not fit a line and broke
// mid-word ("…for.tes" / "ting@…"). It now breaks only after a dot or before the @ (or at the
// domain's own hyphen), and never widens the page.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { createProduct, createSeller, guestCheckout, token } from './fixtures';
import { newPage, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** The address in the confirmation's notice as the lines it is drawn on, read character by character. */
function emailLines(page: Page) {
  return page.getByText('We sent a confirmation to').evaluate((el) => {
    const strong = (el.closest('.notice') ?? el).querySelector('strong');
    if (!strong) throw new Error('no email in the notice');
    const lines: { top: number; text: string }[] = [];
    const walker = document.createTreeWalker(strong, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        const last = lines.at(-1);
        if (last && Math.abs(last.top - top) < 4) last.text += text[i];
        else lines.push({ top, text: text[i]! });
      }
    }
    return lines.map((l) => l.text);
  });
}

for (const project of projectNames) {
  test(`${project}: a guest's long email address wraps only at its dots, @ or hyphen`, async () => {
    const seller = await createSeller();
    const product = await createProduct(seller, { title: `Wrap mug ${token()}`, priceCents: 2500 });
    const email = `${token()}.a.very.long.guest.address.for.testing@example-longdomain.test`;
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await guestCheckout(page, product.id, email);
    await page.getByText('We sent a confirmation to').waitFor();
    await screenshot(page, `guest-email-wrap-${project}`);

    const lines = await emailLines(page);
    expect(lines.join('')).toBe(email);
    // Each line but the last ends at a dot or the domain's hyphen, or the next begins with the @.
    for (let i = 0; i < lines.length - 1; i++) {
      const sensible = /[.-]$/.test(lines[i]!) || lines[i + 1]!.startsWith('@');
      expect({ line: lines[i], next: lines[i + 1], sensible }).toEqual({
        line: lines[i],
        next: lines[i + 1],
        sensible: true,
      });
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
}
