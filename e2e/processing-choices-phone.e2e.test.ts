// The listing form's "Processing time" choices on a phone (found by a walk at 390x844): the two radios
// and the "Made to order" checkbox sat so close that their wrapped labels read as one cramped block
// and were easy to mis-tap, and their controls were squeezed below their 18 px (13 px wide beside a
// two-line label). Now each choice is its own tap target at least 24 px tall, the gap between two
// choices is at least the 16 px the form's fields keep, and each control keeps its size. Checked in
// New listing and Edit listing, with a tap on each choice landing on its own control.
import { expect, test } from 'bun:test';
import type { Locator } from 'playwright';
import { createProduct, createSeller, signedInPage, token } from './fixtures';
import { screenshot, setupE2E } from './harness';

const e2e = setupE2E();

async function expectSpacedChoices(group: Locator) {
  const choices = group.locator('label.check');
  expect(await choices.count()).toBe(3);
  const boxes = await choices.evaluateAll((labels) =>
    labels.map((l) => {
      const r = l.getBoundingClientRect();
      const c = (l.querySelector('input') as HTMLInputElement).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: r.height, control: Math.min(c.width, c.height) };
    }),
  );
  for (const b of boxes) {
    expect(b.height).toBeGreaterThanOrEqual(24);
    expect(b.control).toBeGreaterThanOrEqual(18);
  }
  for (let i = 1; i < boxes.length; i++) expect(boxes[i].top - boxes[i - 1].bottom).toBeGreaterThanOrEqual(16);
}

test('phone: Processing time choices are spaced apart in New listing and Edit listing', async () => {
  const seller = await createSeller();
  const listing = await createProduct(seller, { title: `Oak ${token()} spoon` });
  const { page, errors, context } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, 'phone');
  await page.goto('/dashboard/listings');
  await page.getByRole('button', { name: 'New listing' }).first().tap();
  const created = page.getByRole('dialog', { name: 'New listing' });
  const group = created.getByRole('group', { name: 'Processing time' });
  await group.scrollIntoViewIfNeeded();
  await screenshot(page, 'processing-choices-new-phone');
  await expectSpacedChoices(group);
  // A tap on each choice's text lands on that choice.
  await group.getByText("This listing's own processing time").tap();
  expect(await group.getByRole('radio', { name: "This listing's own processing time" }).isChecked()).toBe(true);
  await group.getByText(/^Made to order/).tap();
  expect(await group.getByRole('checkbox', { name: /Made to order/ }).isChecked()).toBe(true);
  await screenshot(page, 'processing-choices-own-phone');
  await group.getByText(/^Use shop default/).tap();
  expect(await group.getByRole('radio', { name: /Use shop default/ }).isChecked()).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const editPage = await context.newPage();
  await editPage.goto(`/dashboard/listings?edit=${listing.id}`);
  const edited = editPage.getByRole('dialog', { name: 'Edit listing' });
  const editGroup = edited.getByRole('group', { name: 'Processing time' });
  await editGroup.scrollIntoViewIfNeeded();
  await expectSpacedChoices(editGroup);
  expect(await editPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(errors).toEqual([]);
  await context.close();
}, 180_000);
