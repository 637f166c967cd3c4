// The departments under the header, one line that scrolls sideways when they do not fit (at 1366
// px the last ones are past the edge). The edge they continue past fades out, so a word cut at
// the edge reads as "more this way"; with a mouse, a round arrow at that edge pages to the next links.
// The arrows are for pointers only: Tab reaches every link and the browser scrolls it into view,
// and touch screens swipe. Where an arrow shows, a link only partly clear of its edge is not drawn
// (data-under-arrow, layout.css), so the bar never rests with a cut word ("ories", a stray "c")
// beside the arrow (decision 0189); touch screens keep the faded word as their "swipe for more".
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { trpc } from '../trpc';
import { ChevronLeftIcon, ChevronRightIcon } from './icons';

/** How far in from an edge with more beyond it a link is faded (layout.css: the 72 px mask), and a little. */
const FADE_PX = 80;
/** A link reaching nearer an edge with an arrow than this is not drawn (data-under-arrow). */
const HIDDEN_PX = FADE_PX - 8;

export function CategoryBar() {
  const categories = trpc.catalog.categories.useQuery(undefined, { staleTime: 10 * 60_000 });
  const ref = useRef<HTMLElement>(null);
  const { more, measure, page: scroll } = useRowArrows(ref, { edgePx: HIDDEN_PX });
  const count = categories.data?.length ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured again when the links arrive
  useEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(bar);
    return () => ro.disconnect();
  }, [measure, count]);
  // A link Tab lands on is brought clear of the faded edges and their arrows (scroll-padding alone
  // left the one before the last under the fade, its focus ring faded out).
  const keepClear = (event: React.FocusEvent<HTMLElement>) => {
    const bar = ref.current;
    if (!bar || event.target === bar) return;
    const b = bar.getBoundingClientRect();
    const l = event.target.getBoundingClientRect();
    if (l.right > b.right - FADE_PX) bar.scrollBy({ left: l.right - (b.right - FADE_PX) });
    else if (l.left < b.left + FADE_PX) bar.scrollBy({ left: l.left - (b.left + FADE_PX) });
  };
  return (
    <div
      className="category-bar-wrap"
      data-more-start={more.start ? '' : undefined}
      data-more-end={more.end ? '' : undefined}
    >
      <nav ref={ref} className="category-bar" aria-label="Categories" onScroll={measure} onFocus={keepClear}>
        {(categories.data ?? []).map((c) => (
          <Link key={c.slug} to={`/search?category=${c.slug}`}>
            {c.name}
          </Link>
        ))}
      </nav>
      {more.start && <ScrollArrow edge="start" onClick={() => scroll(-1)} />}
      {more.end && <ScrollArrow edge="end" onClick={() => scroll(1)} />}
    </div>
  );
}

/**
 * A row of links that scrolls sideways, paged by a mouse's arrows (this bar, the dashboard's tabs):
 * which ends have more beyond them, links reaching nearer an arrowed edge than `hidePx` marked
 * data-under-arrow (not drawn where arrows show, so no cut word rests beside one), and `page`.
 * `edgePx` is the arrowed edge's faded zone; `hidePx` is as wide or narrower: the dashboard's tabs
 * carry their own padding, so one clear of the arrow's box has its word clear of the fade too, and
 * hiding tabs across the whole zone hid Orders whole at 34-120 px beside an arrow ending at 32.
 * Call `measure` when the row scrolls or resizes.
 */
export function useRowArrows(
  ref: React.RefObject<HTMLElement | null>,
  { edgePx, hidePx = edgePx }: { edgePx: number; hidePx?: number },
) {
  const [more, setMore] = useState({ start: false, end: false });
  const measure = useCallback(() => {
    const bar = ref.current;
    if (!bar) return;
    const start = bar.scrollLeft > 1;
    const end = bar.scrollLeft + bar.clientWidth < bar.scrollWidth - 1;
    setMore((m) => (m.start === start && m.end === end ? m : { start, end }));
    const b = bar.getBoundingClientRect();
    for (const link of bar.querySelectorAll<HTMLElement>('a')) {
      const l = link.getBoundingClientRect();
      const underStart = start && l.left < b.left + hidePx;
      const underEnd = end && l.right > b.right - hidePx;
      link.toggleAttribute('data-under-arrow', underStart || underEnd);
    }
  }, [ref, hidePx]);
  // An arrow pages by links, not by a share of the width: the first link not drawn at the edge goes
  // just clear of the other edge, so every link is shown whole on the way. Scrolling 80% of the bar
  // jumped past links hidden in the faded edges: at 390 px, six of seventeen departments never
  // showed while paging with the mouse. "Just clear" is 1 px inside the hidden edge: the 8 px
  // between it and the fade left a page one link short (Paper & Stationery alone where Accessories
  // fitted beside it). A page that would leave less than the edge's zone to go goes to the end: on
  // the dashboard's tabs (390 px, an unread badge) the last of three presses was a 31 px nudge, and
  // back, the second stopped 30 px short of the start, hiding Overview until a third.
  const page = useCallback(
    (direction: 1 | -1) => {
      const bar = ref.current;
      if (!bar) return;
      const b = bar.getBoundingClientRect();
      const rects = [...bar.querySelectorAll<HTMLElement>('a')].map((link) => link.getBoundingClientRect());
      const by =
        direction === 1
          ? (rects.find((l) => l.right > b.right - hidePx)?.left ?? b.right) - (b.left + hidePx + 1)
          : (rects.reverse().find((l) => l.left < b.left + hidePx)?.right ?? b.left) - (b.right - hidePx - 1);
      const most = bar.scrollWidth - bar.clientWidth;
      const to = bar.scrollLeft + by;
      const left = direction === 1 ? (most - to < edgePx ? most : to) : to < edgePx ? 0 : to;
      bar.scrollTo({ left, behavior: 'smooth' });
    },
    [ref, hidePx, edgePx],
  );
  return { more, measure, page };
}

/** A mouse's arrow at an edge with more beyond it; keyboards Tab and touch screens swipe instead. */
export function ScrollArrow({ edge, onClick }: { edge: 'start' | 'end'; onClick: () => void }) {
  return (
    <button
      type="button"
      className={`category-bar-scroll category-bar-scroll-${edge}`}
      tabIndex={-1}
      aria-hidden="true"
      onClick={onClick}
    >
      {edge === 'start' ? <ChevronLeftIcon /> : <ChevronRightIcon />}
    </button>
  );
}
