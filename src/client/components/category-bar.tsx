// The departments under the header, one line that scrolls sideways when they do not fit (at 1366
// px the last ones are past the edge). The edge they continue past fades out, so a word cut at
// the edge reads as "more this way"; with a mouse, a round arrow at that edge scrolls a screenful.
// The arrows are for pointers only: Tab reaches every link and the browser scrolls it into view,
// and touch screens swipe. Where an arrow shows, a link only partly clear of its edge is not drawn
// (data-under-arrow, layout.css), so the bar never rests with a cut word ("ories", a stray "c")
// beside the arrow (decision 0189); touch screens keep the faded word as their "swipe for more".
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { trpc } from '../trpc';
import { ChevronLeftIcon, ChevronRightIcon } from './icons';

/** How far in from an edge with more beyond it links fade out (layout.css --bar-fade: 72 px, less on a narrow window). */
function fadeOf(bar: HTMLElement): number {
  return Number.parseFloat(getComputedStyle(bar).getPropertyValue('--bar-fade')) || 72;
}

export function CategoryBar() {
  const categories = trpc.catalog.categories.useQuery(undefined, { staleTime: 10 * 60_000 });
  const ref = useRef<HTMLElement>(null);
  const [more, setMore] = useState({ start: false, end: false });
  const measure = useCallback(() => {
    const bar = ref.current;
    if (!bar) return;
    const start = bar.scrollLeft > 1;
    const end = bar.scrollLeft + bar.clientWidth < bar.scrollWidth - 1;
    setMore((m) => (m.start === start && m.end === end ? m : { start, end }));
    const b = bar.getBoundingClientRect();
    const fade = fadeOf(bar);
    for (const link of bar.querySelectorAll<HTMLElement>('a')) {
      const l = link.getBoundingClientRect();
      // A pixel's grace: a link the bar was aligned to starts at the edge, give or take a fraction.
      const underStart = start && l.left < b.left + fade - 1;
      const underEnd = end && l.right > b.right - fade + 1;
      link.toggleAttribute('data-under-arrow', underStart || underEnd);
    }
  }, []);
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
    const fade = fadeOf(bar);
    const clear = fade + 8;
    if (l.right > b.right - clear) bar.scrollBy({ left: l.right - (b.right - clear) });
    else if (l.left < b.left + clear) bar.scrollBy({ left: l.left - (b.left + clear) });
    alignStart(bar, event.target, fade);
  };
  const scroll = (direction: 1 | -1) => {
    const bar = ref.current;
    bar?.scrollBy({ left: direction * bar.clientWidth * 0.8, behavior: 'smooth' });
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
 * Where the bar rests, a link straddling the start's hidden edge leaves a blank beside the arrow
 * as wide as the part of it hidden there, so the focused word could stand alone (390 px). The bar
 * is moved so a link starts right at that edge: back to show the straddling link whole, or, when
 * that would push the focused one into the other edge, on to the link after it.
 */
function alignStart(bar: HTMLElement, focused: Element, fade: number) {
  const b = bar.getBoundingClientRect();
  const edge = b.left + fade;
  const links = [...bar.querySelectorAll<HTMLElement>('a')];
  const i = links.findIndex((a) => a.getBoundingClientRect().right > edge);
  const straddling = links[i];
  if (!straddling || bar.scrollLeft <= 1) return;
  const s = straddling.getBoundingClientRect();
  if (s.left >= edge - 1) return; // already starts at or after the edge
  const f = focused.getBoundingClientRect();
  const back = edge - s.left;
  const endEdge = bar.scrollLeft + bar.clientWidth < bar.scrollWidth - 1 ? b.right - fade : b.right;
  if (f.right + back <= endEdge) {
    bar.scrollBy({ left: -back });
    return;
  }
  const next = links[i + 1];
  if (next) bar.scrollBy({ left: next.getBoundingClientRect().left - edge });
}

/** A mouse's arrow at an edge with more beyond it; keyboards Tab and touch screens swipe instead. */
function ScrollArrow({ edge, onClick }: { edge: 'start' | 'end'; onClick: () => void }) {
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
