// The seller dashboard's tabs on a phone (found by a walk at 390x844): opening Messages scrolled
// the row of tabs to centre it, and the row began with a cut word, "nt" of Storefront, at its left
// edge. The row now rests where a tab starts at its inner edge, the current tab whole.
import { expect, test } from 'bun:test';
import { waitUntil } from '../src/server/test/wait-until';
import { createProduct, createSeller, createUser, signedInPage, tabTo, token } from './fixtures';
import { screenshot, setupE2E } from './harness';

const e2e = setupE2E();

test('phone: each dashboard page shows its tab whole and no cut tab at the row’s start', async () => {
  const seller = await createSeller();
  await createProduct(seller, { title: `Tab row jug ${token()}` });
  const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, 'phone');
  for (const path of ['/dashboard/messages', '/dashboard/orders', '/dashboard/storefront', '/dashboard/listings']) {
    await page.goto(path);
    await page.locator('.dash h1').waitFor();
    await page.locator('.dash-nav a.active').waitFor();
    const row = await page.locator('.dash-nav').evaluate((nav) => {
      const n = nav.getBoundingClientRect();
      const links = [...nav.querySelectorAll('a')].map((a) => {
        const l = a.getBoundingClientRect();
        return { text: a.textContent ?? '', left: l.left, right: l.right, active: a.classList.contains('active') };
      });
      const current = links.find((l) => l.active);
      return {
        currentWhole: !!current && current.left >= n.left - 1 && current.right <= n.right + 1,
        // A tab reaching past the row's left edge yet partly showing: a cut word at the start.
        cutAtStart: links.filter((l) => l.left < n.left - 1 && l.right > n.left + 1).map((l) => l.text),
      };
    });
    expect({ path, ...row }).toEqual({ path, currentWhole: true, cutAtStart: [] });
    if (path === '/dashboard/messages') await screenshot(page, 'dashboard-tabs-no-cut-word-phone');
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(errors).toEqual([]);
  await context.close();
});

// Found by a walk at 390x844: the row's far end cut a tab mid-word ("Vie" of View shop) with no
// sign that the row scrolls. An end with tabs beyond it now fades out; the faded end follows the
// scrolling, and a tab reached by Tab is clear of the fade.
test('phone: the tab row fades out at an end that has more tabs beyond it', async () => {
  const seller = await createSeller();
  const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, 'phone');
  await page.goto('/dashboard');
  await page.locator('.dash h1').waitFor();
  const nav = page.locator('.dash-nav');
  /** Which ends are faded: the mask's opacity at the row's first and last pixel. */
  const ends = () =>
    nav.evaluate((row) => {
      const mask = getComputedStyle(row).maskImage;
      const stops = mask === 'none' ? [] : (mask.match(/rgba?\([^)]*\)|transparent|#000|black/g) ?? []);
      const clear = (s: string | undefined) => s === 'transparent' || /^rgba\(.*,\s*0\)$/.test(s ?? '');
      return { startFaded: clear(stops[0]), endFaded: clear(stops.at(-1)) };
    });
  await waitUntil(async () => (await ends()).endFaded, { what: 'the row’s end faded' });
  expect(await ends()).toEqual({ startFaded: false, endFaded: true });
  await screenshot(page, 'dashboard-tabs-fade-end-phone');

  // Tab along the row to its last tab: the row scrolls to its end, now faded at its start instead.
  const viewShop = page.getByRole('link', { name: 'View shop ↗' });
  await tabTo(page, viewShop);
  await waitUntil(async () => (await ends()).startFaded && !(await ends()).endFaded, { what: 'the start faded' });
  const clearOfFade = await viewShop.evaluate((a) => {
    const row = a.parentElement as HTMLElement;
    return a.getBoundingClientRect().right <= row.getBoundingClientRect().right;
  });
  expect(clearOfFade).toBe(true);
  await screenshot(page, 'dashboard-tabs-fade-start-phone');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(errors).toEqual([]);
  await context.close();
});

// Found by a walk at 390x844, keyboard only: the row scrolls sideways, so it clips what is drawn
// outside it, and a tab reached by Tab ("View shop") showed its focus ring cut at its top (5 px)
// and bottom (1 px). The row now keeps room for the whole ring inside itself. And Tab from Orders
// left Messages, partly in view, under the end's fade and off the screen's edge, its ring cut
// 61 px: a focused tab is now brought clear of the fades.
test('phone: a tab reached by Tab shows its whole focus ring', async () => {
  const seller = await createSeller();
  const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, 'phone');
  await page.goto('/dashboard');
  await page.locator('.dash h1').waitFor();
  const tabs = page.locator('.dash-nav a');
  const count = await tabs.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i);
    await tabTo(page, tab);
    // The ring's box (the outline around the tab) against what the row shows of its content.
    const cut = await tab.evaluate(async (a) => {
      const row = a.parentElement as HTMLElement;
      // Let the row's scroll into view end (its scrollLeft still for five frames) before measuring.
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      for (let still = 0, last = -1, n = 0; still < 5 && n < 120; n++) {
        await frame();
        still = row.scrollLeft === last ? still + 1 : 0;
        last = row.scrollLeft;
      }
      const s = getComputedStyle(a);
      const ring = Number.parseFloat(s.outlineWidth) + Number.parseFloat(s.outlineOffset);
      const t = a.getBoundingClientRect();
      const r = row.getBoundingClientRect();
      const rs = getComputedStyle(row);
      const inner = {
        top: r.top + Number.parseFloat(rs.borderTopWidth),
        bottom: r.bottom - Number.parseFloat(rs.borderBottomWidth),
        left: r.left,
        right: r.right,
      };
      // The tab's word clear of a faded end (one with tabs beyond it).
      const fade = (end: 'start' | 'end') => {
        if (!row.hasAttribute(`data-more-${end}`)) return 0;
        const probe = document.createElement('span'); // the fade's width (a clamp() of the gutter) in px
        probe.style.cssText = `position: absolute; width: var(--fade-${end})`;
        row.append(probe);
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        return width;
      };
      return {
        name: a.textContent,
        outline: s.outlineStyle !== 'none' && ring > 0,
        clearOfFades: t.left >= r.left + fade('start') - 1 && t.right <= r.right - fade('end') + 1,
        top: Math.max(0, Math.round(inner.top - (t.top - ring))),
        bottom: Math.max(0, Math.round(t.bottom + ring - inner.bottom)),
        left: Math.max(0, Math.round(inner.left - (t.left - ring))),
        right: Math.max(0, Math.round(t.right + ring - inner.right)),
      };
    });
    expect(cut).toEqual({ name: cut.name, outline: true, clearOfFades: true, top: 0, bottom: 0, left: 0, right: 0 });
    if (cut.name?.startsWith('View shop')) await screenshot(page, 'dashboard-tabs-focus-ring-phone');
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(errors).toEqual([]);
  await context.close();
});

// Found by a walk in a 390-wide desktop window with a mouse (no touch): Storefront, Orders,
// Messages and View shop were past the row's end, with no scrollbar and no arrow, and the wheel
// scrolls the page. As on the category bar, a round arrow at an end with more beyond it now pages
// the row, and a tab reaching under an arrow is not drawn (no cut word beside it).
// A later walk, with an unread message widening the Messages tab: › took three presses (236, 220,
// then a 31 px nudge), ‹ stopped 30 px short of the start with Overview hidden until a third press,
// and /dashboard/messages hid Orders standing whole at 34-120 px, clear of the ‹ arrow (4-32 px).
// A press that would leave less than the 44 px arrow zone to go now goes to the end, and only a
// tab reaching into an arrow's own box is hidden.
test('narrow window with a mouse: the tab row’s arrows reach every tab, each shown whole', async () => {
  const seller = await createSeller();
  const buyer = await createUser();
  await buyer.caller.messages.start({ shopId: seller.shopId!, text: 'Do you ship to Canada?' });
  const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, {
    viewport: { width: 390, height: 844 },
  });
  await page.goto('/dashboard');
  await page.locator('.dash h1').waitFor();
  const nav = page.locator('.dash-nav');
  const all = await nav.locator('a').allTextContents();
  expect(all).toHaveLength(7);
  /** The tabs drawn now, once the row stops scrolling; fails on a drawn tab cut by the row's edge. */
  const drawn = async () => {
    let last = -1;
    await waitUntil(
      async () => {
        const x = await nav.evaluate((row) => row.scrollLeft);
        const still = x === last;
        last = x;
        return still;
      },
      { what: 'the row at rest', intervalMs: 150 },
    );
    return nav.evaluate((row) => {
      const n = row.getBoundingClientRect();
      const shown = [...row.querySelectorAll('a')].filter((a) => {
        const l = a.getBoundingClientRect();
        return getComputedStyle(a).opacity !== '0' && l.right > n.left && l.left < n.right;
      });
      const cut = shown.filter((a) => {
        const l = a.getBoundingClientRect();
        return l.left < n.left || l.right > n.right;
      });
      return { shown: shown.map((a) => a.textContent ?? ''), cut: cut.map((a) => a.textContent ?? '') };
    });
  };
  const seen = new Set<string>();
  const wrap = page.locator('.dash-nav-wrap');
  const next = wrap.locator('.category-bar-scroll-end');
  const previous = wrap.locator('.category-bar-scroll-start');
  await next.waitFor();
  await screenshot(page, 'dashboard-tabs-arrows-start-narrow');
  const most = await nav.evaluate((row) => row.scrollWidth - row.clientWidth);
  /** Presses `arrow` until it goes; each must move the row 44 px (the arrow's zone) or reach the end. */
  const pressAll = async (arrow: typeof next) => {
    const moves: { from: number; to: number }[] = [];
    for (;;) {
      const now = await drawn();
      expect(now.cut).toEqual([]);
      for (const t of now.shown) seen.add(t);
      const to = await nav.evaluate((row) => row.scrollLeft);
      if (moves.length) moves[moves.length - 1].to = to;
      if ((await arrow.count()) === 0) break;
      expect(moves.length).toBeLessThan(10);
      moves.push({ from: to, to });
      await arrow.click();
    }
    // A press stopping short of the end it heads for leaves at least the arrow's zone to go (no
    // 30 px remnant for another press), and so no press is a nudge of less than that zone.
    const end = arrow === next ? most : 0;
    const short = moves.filter(
      (m) => Math.abs(m.to - end) > 1 && (Math.abs(end - m.to) < 44 || Math.abs(m.to - m.from) < 44),
    );
    expect({ moves, short }).toEqual({ moves, short: [] });
    return moves.length;
  };
  const forward = await pressAll(next);
  expect([...seen].sort()).toEqual([...all].sort());
  await screenshot(page, 'dashboard-tabs-arrows-end-narrow');
  // And back to the start the same way, in no more presses than it took to get here.
  const back = await pressAll(previous);
  expect((await drawn()).shown[0]).toBe('Overview');
  expect(back).toBeLessThanOrEqual(forward);
  // A page further along the row shows its own tab drawn whole, not hidden beside an arrow.
  await page.goto('/dashboard/messages');
  await page.locator('.dash h1').waitFor();
  const there = await drawn();
  expect(there.shown).toContain('Messages1 unread');
  // The tab before it stands whole between the ‹ arrow and Messages: it is drawn.
  expect(there.shown).toContain('Orders');
  await screenshot(page, 'dashboard-tabs-arrows-messages-narrow');
  expect(there.cut).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(errors).toEqual([]);
  await context.close();
});
