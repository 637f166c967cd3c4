// Active filters as removable chips (every screen size) and, on phones, the filter sheet: a modal
// <dialog> (the browser traps focus, Escape closes it) with a close button and "Show N results".
import { useEffect, useRef } from 'react';
import type { CategoryNode } from '../../shared/schemas/catalog';
import { priceRanges, SEARCH_MAX_TOTAL_HITS } from '../../shared/schemas/search';
import { addressPriceErrors } from '../../shared/search-url';
import { formatCents, plural } from '../lib/format';
import { findCategory, type UpdateParams } from './search-facets';
import { showToastsIn } from './ui/toaster';

interface Chip {
  key: string;
  label: string;
  remove: (p: URLSearchParams) => void;
}

function activeChips(params: URLSearchParams, tree: CategoryNode[]): Chip[] {
  const chips: Chip[] = [];
  const category = findCategory(tree, params.get('category'));
  if (category) {
    chips.push({
      key: 'category',
      label: (category.leaf ?? category.department).name,
      remove: (p) => p.delete('category'),
    });
  }
  // A price the address holds but the search refused (minimum above maximum…) is no active filter:
  // the notice above the results says why instead.
  const priceApplied = addressPriceErrors(params) === null;
  const range = priceApplied ? priceRanges.find((r) => r.key === params.get('price')) : undefined;
  if (range) chips.push({ key: 'price', label: range.label, remove: (p) => p.delete('price') });
  const min = Number(params.get('min'));
  const max = Number(params.get('max'));
  if (priceApplied && (params.get('min') || params.get('max'))) {
    const label =
      params.get('min') && params.get('max')
        ? `${formatCents(min)}–${formatCents(max)}`
        : params.get('min')
          ? `${formatCents(min)} and up`
          : `Up to ${formatCents(max)}`;
    chips.push({
      key: 'minmax',
      label,
      remove: (p) => {
        p.delete('min');
        p.delete('max');
      },
    });
  }
  if (params.get('isVintage') === 'true')
    chips.push({ key: 'vintage', label: 'Vintage', remove: (p) => p.delete('isVintage') });
  if (params.get('stock') === 'all')
    chips.push({ key: 'stock', label: 'Including sold out', remove: (p) => p.delete('stock') });
  for (const m of params.getAll('material')) {
    chips.push({
      key: `material:${m}`,
      label: m.charAt(0).toUpperCase() + m.slice(1),
      remove: (p) => {
        const rest = p.getAll('material').filter((x) => x !== m);
        p.delete('material');
        for (const x of rest) p.append('material', x);
      },
    });
  }
  for (const c of params.getAll('colour')) {
    chips.push({
      key: `colour:${c}`,
      label: c.charAt(0).toUpperCase() + c.slice(1),
      remove: (p) => {
        const rest = p.getAll('colour').filter((x) => x !== c);
        p.delete('colour');
        for (const x of rest) p.append('colour', x);
      },
    });
  }
  return chips;
}

/** Every address parameter that narrows the results: "Clear all" drops them, and their presence means filters are on. */
export const FILTER_PARAMS = [
  'category',
  'price',
  'min',
  'max',
  'isVintage',
  'material',
  'colour',
  'stock',
  'pmin',
  'pmax',
] as const;

/** The search page's "Results for …" heading, where focus goes when the control that had it goes. */
export const resultsHeading = () => document.getElementById('results-title');

export function ActiveFilterChips({
  params,
  tree,
  update,
}: {
  params: URLSearchParams;
  tree: CategoryNode[];
  update: UpdateParams;
}) {
  const chips = activeChips(params, tree);
  if (chips.length === 0) return null;
  return (
    <ul className="active-filters" aria-label="Active filters">
      {chips.map((c) => (
        <li key={c.key}>
          <button
            type="button"
            className="chip chip-remove"
            aria-label={`Remove filter: ${c.label}`}
            onClick={(e) => {
              // This chip goes: focus moves on to the next chip (the one before, for the last), or
              // to the results heading once none is left, never to <body>. The chips and the
              // heading stay mounted while the new results load.
              const all = [...(e.currentTarget.closest('ul')?.querySelectorAll<HTMLElement>('.chip-remove') ?? [])];
              const at = all.indexOf(e.currentTarget);
              (all[at + 1] ?? all[at - 1] ?? resultsHeading())?.focus();
              update(c.remove);
            }}
          >
            {c.label}
            <span aria-hidden="true">✕</span>
          </button>
        </li>
      ))}
      {chips.length > 1 && (
        <li>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              resultsHeading()?.focus();
              update((p) => {
                for (const k of FILTER_PARAMS) p.delete(k);
              });
            }}
          >
            Clear all
          </button>
        </li>
      )}
    </ul>
  );
}

/** "24 results", "1 result"; at the engines' cap "1,000+ results" (the count stops there). */
export function resultCountText(total: number): string {
  return total >= SEARCH_MAX_TOTAL_HITS ? `${total.toLocaleString('en-US')}+ results` : plural(total, 'result');
}

/** General words with plenty of listings, offered when a search found nothing. */
const GENERAL_TERMS = ['mug', 'necklace', 'blanket', 'vase'];

/**
 * The advice under "No exact matches", fitted to what was searched: filters on a single word can
 * only be removed (fewer words is no help), words alone can be fewer or more general, and a
 * general term offered is never one already searched ("mug" after "mug" or "mugs").
 */
export function noResultsTip(q: string | undefined, hasFilters: boolean): string {
  const words = (q ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const searched = (term: string) => words.some((w) => w.startsWith(term) || term.startsWith(w));
  const [a, b] = GENERAL_TERMS.filter((t) => !searched(t));
  const general = `a more general term like “${a}” or “${b}”`;
  if (words.length > 1)
    return hasFilters ? 'Try fewer words, or remove some filters.' : `Try fewer words, or ${general}.`;
  if (hasFilters) return 'Try removing some filters.';
  return words.length ? `Check the spelling, or try ${general}.` : `Try ${general}.`;
}

/** Phones: the filters in a bottom sheet over the results, never pushing them down. */
export function FilterSheet({
  open,
  onClose,
  total,
  loading,
  children,
}: {
  open: boolean;
  onClose: () => void;
  total: number;
  loading: boolean;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  // A toast raised while the sheet is open (e.g. a new message) is drawn above it, not under the backdrop.
  useEffect(() => (open && ref.current ? showToastsIn(ref.current) : undefined), [open]);
  return (
    <dialog ref={ref} className="filter-sheet" aria-labelledby="filter-sheet-title" onClose={onClose}>
      <div className="filter-sheet-head">
        {/* Focusable from script only: focus lands here when the filter just undone took its group away. */}
        <h2 id="filter-sheet-title" tabIndex={-1} className="focus-heading">
          Filters
        </h2>
        <button type="button" className="icon-btn" aria-label="Close filters" onClick={onClose}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div className="filter-sheet-body">{open && children}</div>
      <div className="filter-sheet-foot">
        <button type="button" className="btn btn-primary btn-block" onClick={onClose}>
          {loading ? 'Updating…' : `Show ${resultCountText(total)}`}
        </button>
      </div>
    </dialog>
  );
}
