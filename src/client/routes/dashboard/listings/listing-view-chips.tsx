// The filter chips above the listings (Active, Low stock, Sold out, Archived, All) with their counts.
// On a phone the chips are one row that scrolls sideways (dashboard.css). The edge with more
// chips beyond it fades out, so a chip cut there reads as "more this way"; the pressed chip (from
// a link or a reload) and the one Tab lands on are brought into view, clear of the fade.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SellerListingsPage } from '../../../../shared/schemas/seller';
import { countOf, type ListingView, VIEW_LABELS, VIEWS } from './listing-views';

/** How far in from a faded edge of the phone's chip row (dashboard.css: the 44 px mask) a focused chip is kept. */
const CHIP_FADE_PX = 48;

export function ListingViewChips({
  view,
  counts,
  loaded,
  onChange,
}: {
  view: ListingView;
  counts: SellerListingsPage['counts'];
  /** False while the first page of listings loads: the pressed chip is centred once it has. */
  loaded: boolean;
  onChange: (view: ListingView) => void;
}) {
  const chips = useRef<HTMLDivElement | null>(null);
  const [chipsMore, setChipsMore] = useState({ start: false, end: false });
  const measureChips = useCallback(() => {
    const box = chips.current;
    if (!box) return;
    const start = box.scrollLeft > 1;
    const end = box.scrollLeft + box.clientWidth < box.scrollWidth - 1;
    setChipsMore((m) => (m.start === start && m.end === end ? m : { start, end }));
  }, []);
  const chipsRef = useCallback(
    (box: HTMLDivElement | null) => {
      chips.current = box;
      if (!box) return;
      const ro = new ResizeObserver(measureChips);
      ro.observe(box);
      return () => {
        ro.disconnect();
        chips.current = null;
      };
    },
    [measureChips],
  );
  const keepChipClear = (chip: Element) => {
    const box = chips.current;
    if (!box || chip === box) return;
    const b = box.getBoundingClientRect();
    const c = chip.getBoundingClientRect();
    if (c.right > b.right - CHIP_FADE_PX) box.scrollBy({ left: c.right - (b.right - CHIP_FADE_PX) });
    else if (c.left < b.left + CHIP_FADE_PX) box.scrollBy({ left: c.left - (b.left + CHIP_FADE_PX) });
  };
  useEffect(() => {
    const box = chips.current;
    const chip = box?.querySelector<HTMLElement>(`[data-listing-view="${view}"]`);
    if (!box || !chip || !loaded || box.scrollWidth <= box.clientWidth) return;
    const b = box.getBoundingClientRect();
    const c = chip.getBoundingClientRect();
    if (c.left < b.left || c.right > b.right) box.scrollLeft += c.left - b.left - (b.width - c.width) / 2;
  }, [view, loaded]);

  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of toggle buttons, not a form fieldset
    <div
      className="category-chips listing-views"
      role="group"
      aria-label="Show listings"
      ref={chipsRef}
      data-more-start={chipsMore.start ? '' : undefined}
      data-more-end={chipsMore.end ? '' : undefined}
      onScroll={measureChips}
      onFocus={(e) => keepChipClear(e.target)}
    >
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          className="chip"
          aria-pressed={view === v}
          data-listing-view={v}
          onClick={() => onChange(v)}
        >
          {VIEW_LABELS[v]} <span className="chip-count">{countOf(counts, v)}</span>
        </button>
      ))}
    </div>
  );
}
