// The review form on a delivered order, by keyboard, at laptop and phone size: the rating's word
// ("Excellent") shows whole beside or below the stars, never cut at the panel's edge; an empty
// submit focuses the first field to put right in page order (the rating, above the text box), and
// scrolls its "Your rating" label into view below the sticky header, not just the stars.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { createProduct, createSeller, createUser, deliveredOrder, signedInPage, token, waitForFocus } from './fixtures';
import { projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** A delivered order of one listing, and its buyer on the order page with the review form open. */
async function openReviewForm(project: (typeof projectNames)[number]) {
  const seller = await createSeller();
  const product = await createProduct(seller, { title: `Tenmoku ${token()} tea bowl`, quantity: 4 });
  const buyer = await createUser(undefined, 'Rae Reviewer');
  const orderId = await deliveredOrder(buyer, seller, product.id);
  const session = await signedInPage(e2e.browser, e2e.app.baseUrl, buyer, project);
  const page: Page = session.page;
  await page.goto(`/orders/${orderId}`);
  await page.getByRole('button', { name: 'Write a review' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: `Review ${product.title}` });
  await waitForFocus(form.getByRole('radio', { name: '1 star, Poor' }));
  return { ...session, form };
}

for (const project of projectNames) {
  test(`${project}: choosing 5 stars shows "Excellent" whole inside the review panel`, async () => {
    const { page, form, errors, context } = await openReviewForm(project);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    expect(await form.getByRole('radio', { name: '5 stars, Excellent' }).isChecked()).toBe(true);
    const word = form.locator('.star-input-word');
    expect(await word.textContent()).toBe('Excellent');
    // Whole: not cut by its own box, and inside the panel's padding and the screen.
    const fit = await word.evaluate((el) => {
      const panel = el.closest('.review-panel')!;
      const p = panel.getBoundingClientRect();
      const padding = Number.parseFloat(getComputedStyle(panel).paddingRight);
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      return {
        overflow: el.scrollWidth - el.clientWidth,
        textRight: text.right,
        boxRight: el.getBoundingClientRect().right,
        panelInnerRight: p.right - padding,
        screen: window.innerWidth,
      };
    });
    expect(fit.overflow).toBeLessThanOrEqual(0);
    expect(fit.textRight).toBeLessThanOrEqual(fit.boxRight + 0.5);
    expect(fit.textRight).toBeLessThanOrEqual(fit.panelInnerRight + 0.5);
    expect(fit.textRight).toBeLessThanOrEqual(fit.screen);
    // The five stars stay on one row.
    const tops = await form
      .locator('.star-input label')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(new Set(tops).size).toBe(1);
    await word.scrollIntoViewIfNeeded();
    await screenshot(page, `review-rating-word-${project}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: an empty Post review focuses the rating (the first error), then the text box once rated`, async () => {
    const { page, form, errors, context } = await openReviewForm(project);
    // Tab on to Post review (past the unrated stars, the text box and Cancel).
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Post review'; i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Post review');
    await page.keyboard.press('Enter');
    await form.getByText('Choose a rating from 1 to 5 stars').waitFor();
    await form.getByText('Write a few words about the item.', { exact: true }).waitFor();
    await waitForFocus(form.getByRole('radio', { name: '1 star, Poor' }));
    await screenshot(page, `review-first-error-${project}`);

    // Rated by keyboard, the rating is right: the next Post review goes to the text box.
    await page.keyboard.press('ArrowRight');
    expect(await form.getByRole('radio', { name: '2 stars, Fair' }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Post review' }).focus();
    await page.keyboard.press('Enter');
    await waitForFocus(form.getByLabel('Your review'));
    expect(await form.getByText('Choose a rating from 1 to 5 stars').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${project}: an empty Post review brings the whole rating field, "Your rating" included, below the header`, async () => {
    const { page, form, errors, context } = await openReviewForm(project);
    const post = form.getByRole('button', { name: 'Post review' });
    const firstStar = form.getByRole('radio', { name: '1 star, Poor' });
    const measure = () =>
      page.evaluate(() => {
        const header = document.querySelector('.site-header')!.getBoundingClientRect();
        const label = [...document.querySelectorAll('legend')].find((l) => l.textContent === 'Your rating')!;
        return { headerBottom: Math.round(header.bottom), labelTop: Math.round(label.getBoundingClientRect().top) };
      });
    // Scrolled on a little, as after reading down to Post review: the stars just under the header's
    // edge (partly behind it, or whole with their label behind it), then an empty Post review.
    // The laptop's order page is too short to scroll the stars up to the header; room below it
    // stands in for an order of many items.
    await page.evaluate(() => {
      document.body.style.paddingBottom = '1500px';
    });
    for (const starTopPastHeader of [-10, 16]) {
      await firstStar.evaluate((el, past) => {
        const header = document.querySelector('.site-header')!.getBoundingClientRect();
        window.scrollBy(0, el.getBoundingClientRect().top - (header.bottom + past));
      }, starTopPastHeader);
      expect(await post.isVisible()).toBe(true);
      await post.focus();
      await page.keyboard.press('Enter');
      await waitForFocus(firstStar);
      // Focus scrolls at once; wait for two measures alike before trusting one.
      let at = await measure();
      await waitUntil(
        async () => {
          const now = await measure();
          const still = now.labelTop === at.labelTop;
          at = now;
          return still;
        },
        { what: 'the page to stop scrolling' },
      );
      await screenshot(page, `review-rating-label-${starTopPastHeader}-${project}`);
      expect({ starTopPastHeader, ...at, clear: at.labelTop >= at.headerBottom }).toEqual({
        starTopPastHeader,
        ...at,
        clear: true,
      });
    }
    expect(errors).toEqual([]);
    await context.close();
  });
}
