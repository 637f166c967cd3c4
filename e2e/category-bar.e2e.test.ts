// The category bar under the header (found by a walk): at 1366 px its last departments run past
// the right edge, cut mid-word ("Weddin…") with nothing saying it scrolls. Now the edge with more
// beyond it fades out, a mouse gets a round arrow there that scrolls it, Tab brings every link into
// view, and on a phone (no arrows) the fade says "swipe for more".
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { seriousA11yViolations } from './axe';
import { newPage, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

const barState = (page: Page) =>
  page.locator('.category-bar-wrap').evaluate((wrap) => {
    const bar = wrap.querySelector('nav') as HTMLElement;
    return {
      start: wrap.hasAttribute('data-more-start'),
      end: wrap.hasAttribute('data-more-end'),
      mask: getComputedStyle(bar).maskImage,
      scrollLeft: bar.scrollLeft,
    };
  });

for (const project of projectNames) {
  test(`${project}: the category bar shows that it scrolls, and Tab reaches its last link`, async () => {
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, project);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/');
    const bar = page.getByRole('navigation', { name: 'Categories' });
    const links = bar.getByRole('link');
    await links.last().waitFor({ state: 'attached' });
    await waitUntil(async () => (await barState(page)).end, { what: 'the bar to say it has more' });
    const before = await barState(page);
    expect(before.start).toBe(false);
    expect(before.mask).toContain('linear-gradient');
    await screenshot(page, `category-bar-${project}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    const arrow = page.locator('.category-bar-scroll-end');
    if (project === 'desktop') {
      await arrow.click();
      await waitUntil(async () => (await barState(page)).start, { what: 'the bar to scroll on' });
      expect((await barState(page)).scrollLeft).toBeGreaterThan(0);
      await page.locator('.category-bar-scroll-start').waitFor();
      await page.mouse.move(0, 400);
    } else {
      expect(await arrow.isVisible()).toBe(false);
    }
    // Keyboard: every department Tab reaches is clear of a faded edge (and its arrow), so its name
    // and focus ring read in full; the last is reached and scrolled fully into the bar's view.
    await links.first().focus();
    const n = await links.count();
    for (let i = 1; i < n; i++) {
      await page.keyboard.press('Tab');
      const underFade = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const wrap = el.closest('.category-bar-wrap') as HTMLElement;
          const r = el.getBoundingClientRect();
          const b = (el.parentElement as HTMLElement).getBoundingClientRect();
          const underEnd = wrap.hasAttribute('data-more-end') && r.right > b.right - 72;
          const underStart = wrap.hasAttribute('data-more-start') && r.left < b.left + 72;
          return underEnd || underStart ? el.textContent : null;
        });
      // The bar says where more is only after its scroll event: wait for it to settle.
      const hidden = await underFade();
      if (hidden) await waitUntil(async () => (await underFade()) === null, { what: `${hidden} clear of the fade` });
    }
    expect(await links.last().evaluate((el) => el === document.activeElement)).toBe(true);
    await waitUntil(
      () =>
        links.last().evaluate((el) => {
          const r = el.getBoundingClientRect();
          const b = (el.parentElement as HTMLElement).getBoundingClientRect();
          return r.left >= b.left && r.right <= b.right;
        }),
      { what: 'the last link in view' },
    );
    await waitUntil(async () => !(await barState(page)).end, { what: 'no more past the end' });
    expect(errors).toEqual([]);
    await context.close();
  });
}

/** The links drawn whole, clear of both arrows and their fades (what a mouse user can read). */
const readable = (page: Page) =>
  page.locator('.category-bar-wrap').evaluate((wrap) => {
    const bar = wrap.querySelector('nav') as HTMLElement;
    const b = bar.getBoundingClientRect();
    const start = wrap.hasAttribute('data-more-start');
    const end = wrap.hasAttribute('data-more-end');
    return [...bar.querySelectorAll('a')]
      .filter((a) => {
        const l = a.getBoundingClientRect();
        return (
          getComputedStyle(a).opacity === '1' &&
          l.left >= b.left + (start ? 64 : 0) &&
          l.right <= b.right - (end ? 64 : 0)
        );
      })
      .map((a) => a.textContent ?? '');
  });

/**
 * After a press, whether one more whole link would have fitted between the arrows' hidden edges
 * (72 px in from each, decision 0189) beside the links shown: the room they leave empty, less the
 * next link's width and the gap (the link after the last one shown for ›, before the first for ‹),
 * with 2 px to spare for rounding.
 */
const anotherWouldFit = (page: Page, edge: 'start' | 'end') =>
  page.locator('.category-bar-wrap').evaluate((wrap, edge) => {
    const bar = wrap.querySelector('nav') as HTMLElement;
    const b = bar.getBoundingClientRect();
    const HIDDEN = 72;
    const links = [...bar.querySelectorAll('a')];
    const rects = links.map((a) => a.getBoundingClientRect());
    const shown = links
      .map((a, i) => ({ i, l: rects[i] as DOMRect, drawn: getComputedStyle(a).opacity === '1' }))
      .filter(({ l, drawn }) => drawn && l.left >= b.left + HIDDEN - 1 && l.right <= b.right - HIDDEN + 1);
    const first = shown[0];
    const last = shown[shown.length - 1];
    if (!first || !last) return true;
    const gap = Number.parseFloat(getComputedStyle(bar).columnGap) || 0;
    const empty = b.width - 2 * HIDDEN - (last.l.right - first.l.left);
    const next = edge === 'end' ? rects[last.i + 1] : rects[first.i - 1];
    return next ? empty - (next.width + gap) > 2 : false;
  }, edge);

/** Presses an arrow with the mouse and waits for the bar to stop scrolling. */
async function pressArrow(page: Page, edge: 'start' | 'end') {
  const settled = page
    .locator('.category-bar')
    .evaluate((bar) => new Promise<void>((done) => bar.addEventListener('scrollend', () => done(), { once: true })));
  await page.locator(`.category-bar-scroll-${edge}`).click();
  await settled;
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

// Found by a walk on a desktop browser narrowed to 390 px (a mouse, no touch): the › arrow scrolled
// 80% of the bar, past links hidden in the faded edges, so paging showed one word at a time and six
// of seventeen departments never at all. The arrows now page by links: each shows the next ones whole.
for (const [name, viewport] of [
  ['laptop', { width: 1366, height: 900 }],
  ['phone-size window with a mouse', { width: 390, height: 844 }],
] as const) {
  test(`${name}: paging the category bar with its arrows shows every department, both ways`, async () => {
    const { context, page } = await newPage(e2e.browser, e2e.app.baseUrl, { viewport });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/');
    const links = page.getByRole('navigation', { name: 'Categories' }).getByRole('link');
    await links.last().waitFor({ state: 'attached' });
    await page.locator('.category-bar-scroll-end').waitFor();
    const all = await links.evaluateAll((els) => els.map((a) => a.textContent ?? ''));
    for (const [edge, from] of [
      ['end', 'start'],
      ['start', 'end'],
    ] as const) {
      const seen = new Set(await readable(page));
      for (let presses = 0; (await page.locator(`.category-bar-scroll-${edge}`).count()) > 0; presses++) {
        expect(presses).toBeLessThan(all.length);
        await pressArrow(page, edge);
        const now = await readable(page);
        expect(now.length).toBeGreaterThan(0);
        // Each page fills the room between the arrows: no whole further link would have fitted
        // (the last page in each direction may end short of the edge).
        if ((await page.locator(`.category-bar-scroll-${edge}`).count()) > 0)
          expect({ edge, press: presses + 1, now, fits: await anotherWouldFit(page, edge) }).toEqual({
            edge,
            press: presses + 1,
            now,
            fits: false,
          });
        for (const t of now) seen.add(t);
      }
      expect(all.filter((t) => !seen.has(t))).toEqual([]);
      await page.locator(`.category-bar-scroll-${from}`).waitFor();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await screenshot(page, `category-bar-arrows-${viewport.width}`);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
}
