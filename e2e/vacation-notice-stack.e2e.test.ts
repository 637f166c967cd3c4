// The vacation notice on a shop page stacks the seller's message under its sentence, full width,
// instead of squeezing it into a side column one or two words wide. Desktop and phone.
import { expect, test } from 'bun:test';
import { createSeller, createUser, signedInPage } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

for (const project of projectNames) {
  test(`${project}: the shop page's vacation notice stacks the seller's message under its sentence`, async () => {
    const seller = await createSeller();
    const message = 'Away at the winter craft fairs; orders open again when I am back in the studio.';
    await seller.caller.shops.setVacation({ shopId: seller.shopId, on: true, message });
    const buyer = await createUser();
    const b = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);

    await b.page.goto(`/shop/${seller.shop.slug}`);
    const notice = b.page.locator('.vacation-notice');
    await notice.getByText(`“${message}”`).waitFor();
    const box = await notice.evaluate((el) => {
      const [sentence, said] = [...el.querySelectorAll('p')].map((p) => p.getBoundingClientRect());
      const style = getComputedStyle(el);
      const inner = el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      const lineHeight = Number.parseFloat(getComputedStyle(el.querySelector('.vacation-message')!).lineHeight);
      return {
        sentenceBottom: sentence!.bottom,
        saidTop: said!.top,
        saidWidth: said!.width,
        inner,
        lines: said!.height / lineHeight,
      };
    });
    // Under the sentence, as wide as the notice, so a phone shows a few words a line, not one or two.
    expect(box.saidTop).toBeGreaterThanOrEqual(box.sentenceBottom);
    expect(box.saidWidth).toBeGreaterThanOrEqual(box.inner - 1);
    expect(box.lines).toBeLessThanOrEqual(project === 'phone' ? 4 : 2);
    await notice.scrollIntoViewIfNeeded();
    await screenshot(b.page, `vacation-notice-stack-${project}`);
    expect(await b.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
      0,
    );
    expect(b.errors).toEqual([]);
    await b.context.close();
  });
}
