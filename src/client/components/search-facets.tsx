// Search and category filters. The category facet follows the category tree: with nothing chosen
// it lists departments; in a department, "All <department>" and its own subcategories; in a
// subcategory, its siblings with the current one ticked. Long lists show the first values and a
// "Show N more" button. All state is in the URL; `update` edits a copy of the shown params. The
// inputs carry names and values, so in the search page's GET form they also work without JavaScript.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type PriceBoxErrors, readPriceBoxes } from '../../shared/price-boxes';
import type { CategoryNode } from '../../shared/schemas/catalog';
import { priceRanges, type SearchProductsResult } from '../../shared/schemas/search';
import {
  addressCentsAsDollars,
  addressPriceErrors,
  PRICE_FORM_FIELDS,
  priceBoxErrorsOf,
} from '../../shared/search-url';

export type UpdateParams = (fn: (p: URLSearchParams) => void) => void;
const FIRST_VALUES = 6;

/** The department and (when a subcategory is chosen) the subcategory a slug names. */
export function findCategory(tree: CategoryNode[], slug: string | null) {
  if (!slug) return null;
  for (const top of tree) {
    if (top.slug === slug) return { department: top, leaf: null as CategoryNode | null };
    const leaf = top.children.find((c) => c.slug === slug);
    if (leaf) return { department: top, leaf };
  }
  return null;
}

function ShowMore<T>({ items, render }: { items: T[]; render: (item: T) => React.ReactNode }) {
  const [all, setAll] = useState(false);
  // A <details> so the rest can be unfolded without JavaScript too (a plain button did nothing
  // there). Folded values stay in the form: a ticked one among them is sent with the others.
  return (
    <>
      {items.slice(0, FIRST_VALUES).map(render)}
      {items.length > FIRST_VALUES && (
        <details className="facet-rest" open={all} onToggle={(e) => setAll(e.currentTarget.open)}>
          <summary className="link-button facet-more">
            {all ? 'Show fewer' : `Show ${items.length - FIRST_VALUES} more`}
          </summary>
          {items.slice(FIRST_VALUES).map(render)}
        </details>
      )}
    </>
  );
}

function Count({ n }: { n: number | undefined }) {
  return n === undefined ? null : <span className="count">{n.toLocaleString('en-US')}</span>;
}

/**
 * Counts per category slug as the facet shows them. The engines count each listing under its leaf
 * category only; a department's count is its own plus its subcategories', so a text search (which
 * starts at the department level) can be narrowed by category at all.
 */
export function categoryCounts(tree: CategoryNode[], leafCounts: ReadonlyMap<string, number>): Map<string, number> {
  const counts = new Map(leafCounts);
  for (const department of tree) {
    const total = department.children.reduce(
      (n, child) => n + (leafCounts.get(child.slug) ?? 0),
      leafCounts.get(department.slug) ?? 0,
    );
    if (total > 0) counts.set(department.slug, total);
  }
  return counts;
}

function CategoryFacet({
  tree,
  counts,
  selected,
  update,
}: {
  tree: CategoryNode[];
  counts: Map<string, number>;
  selected: string | null;
  update: UpdateParams;
}) {
  const where = findCategory(tree, selected);
  const choose = (slug: string | null) => update((p) => (slug ? p.set('category', slug) : p.delete('category')));
  const radio = (slug: string | null, label: string, checked: boolean) => (
    <label className="check" key={slug ?? 'all'}>
      <input type="radio" name="category" value={slug ?? ''} checked={checked} onChange={() => choose(slug)} />
      <span>{label}</span>
      <Count n={slug ? counts.get(slug) : undefined} />
    </label>
  );
  // Only values that have results (or the chosen one) are worth a click.
  const withResults = (nodes: CategoryNode[]) => nodes.filter((n) => counts.has(n.slug) || n.slug === selected);
  return (
    <fieldset>
      <legend>Category</legend>
      {radio(null, 'All categories', !where)}
      {where && radio(where.department.slug, `All ${where.department.name}`, where.leaf === null)}
      <div className={where ? 'facet-children' : undefined}>
        <ShowMore
          items={withResults(where ? where.department.children : tree)}
          render={(n) => radio(n.slug, n.name, n.slug === selected)}
        />
      </div>
    </fieldset>
  );
}

/** Drops a price filter from the address: range, typed cents, and prices kept as typed. */
const PRICE_PARAMS = ['price', 'min', 'max', PRICE_FORM_FIELDS.min, PRICE_FORM_FIELDS.max] as const;

function clearPrice(p: URLSearchParams) {
  for (const key of PRICE_PARAMS) p.delete(key);
}

/** The part of an address the price boxes show: when it changes, so do they. */
function priceAddressKey(params: URLSearchParams): string {
  return PRICE_PARAMS.map((k) => params.get(k)).join('|');
}

/**
 * Dollars typed for a range of one's own. With JavaScript, Go (or Enter) applies them at once, or
 * says what is wrong and changes nothing; without it they are the filter form's `pmin`/`pmax`
 * fields, and prices the server cannot read come back as typed with the same message
 * (`readPriceBoxes` decides for both).
 */
function PriceInputs({ params, update }: { params: URLSearchParams; update: UpdateParams }) {
  const typedIn = (end: 'min' | 'max') => {
    const typed = params.get(PRICE_FORM_FIELDS[end]);
    if (typed !== null) return typed;
    const cents = params.get(end) ?? '';
    return /^\d+$/.test(cents) ? addressCentsAsDollars(cents) : cents;
  };
  const [min, setMin] = useState(() => typedIn('min'));
  const [max, setMax] = useState(() => typedIn('max'));
  const [errors, setErrors] = useState<PriceBoxErrors | null>(() => priceBoxErrorsOf(params));
  // A new address (applied here, a range picked, Clear all, Back) shows its own prices. The boxes
  // are reset in place rather than remounted: a remount took the focused box or Go with it and left
  // a keyboard user on the page after pressing Enter.
  const address = priceAddressKey(params);
  const [shownAddress, setShownAddress] = useState(address);
  if (address !== shownAddress) {
    setShownAddress(address);
    setMin(typedIn('min'));
    setMax(typedIn('max'));
    setErrors(priceBoxErrorsOf(params));
  }
  const apply = (e: React.SyntheticEvent) => {
    e.preventDefault();
    const boxes = readPriceBoxes(min, max);
    if (!boxes.ok) {
      setErrors(boxes.errors);
      document.getElementById(boxes.errors.min ? 'price-min' : 'price-max')?.focus();
      return;
    }
    setErrors(null);
    update((p) => {
      clearPrice(p);
      if (boxes.min !== null) p.set('min', String(boxes.min));
      if (boxes.max !== null) p.set('max', String(boxes.max));
    });
  };
  const enter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') apply(e);
  };
  const bound = (end: 'min' | 'max', value: string, set: (v: string) => void) => (
    <>
      <label className="visually-hidden" htmlFor={`price-${end}`}>
        {end === 'min' ? 'Minimum' : 'Maximum'} price in dollars
      </label>
      <input
        id={`price-${end}`}
        className="input"
        inputMode="decimal"
        name={PRICE_FORM_FIELDS[end]}
        placeholder={`$ ${end}`}
        value={value}
        onChange={(e) => set(e.target.value)}
        onKeyDown={enter}
        aria-invalid={errors?.[end] ? true : undefined}
        aria-describedby={errors?.[end] ? `price-${end}-error` : undefined}
      />
    </>
  );
  return (
    <>
      <div className="facet-price">
        {bound('min', min, setMin)}
        <span aria-hidden="true">–</span>
        {bound('max', max, setMax)}
        <button type="submit" className="btn btn-sm" onClick={apply}>
          Go
        </button>
      </div>
      {errors && (
        <div role="alert" className="facet-price-errors">
          {(['min', 'max'] as const).map((end) =>
            errors[end] ? (
              <p key={end} id={`price-${end}-error`} className="error small">
                {errors[end]}
              </p>
            ) : null,
          )}
        </div>
      )}
    </>
  );
}

/** A facet of several values, any of which may be ticked (materials, colours): one URL parameter each. */
function ValuesFacet({
  legend,
  param,
  values,
  params,
  update,
}: {
  legend: string;
  param: string;
  values: { value: string; count: number }[] | undefined;
  params: URLSearchParams;
  update: UpdateParams;
}) {
  const selected = params.getAll(param);
  // A chosen value no result has (colour=blue among mugs) still shows, ticked, with its 0: else the
  // whole group went and the filter could be seen and undone only by its chip.
  const shown = [
    ...selected.filter((s) => !values?.some((v) => v.value === s)).map((value) => ({ value, count: 0 })),
    ...(values ?? []),
  ];
  if (!shown.length) return null;
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ShowMore
        items={shown}
        render={(v) => (
          <label className="check" key={v.value}>
            <input
              type="checkbox"
              name={param}
              value={v.value}
              checked={selected.includes(v.value)}
              onChange={(e) =>
                update((p) => {
                  const next = p.getAll(param).filter((x) => x !== v.value);
                  if (e.target.checked) next.push(v.value);
                  p.delete(param);
                  for (const x of next) p.append(param, x);
                })
              }
            />
            <span className="capitalised">{v.value}</span>
            <Count n={v.count} />
          </label>
        )}
      />
    </fieldset>
  );
}

/**
 * A filter applies as soon as it is chosen, and the facets re-render around it: choosing a
 * department turns its radio into "All <department>" above the subcategories, a value may move
 * into or out of "Show more". React then mounts a new input for the same choice and the focused
 * one goes with the old, dropping a keyboard user to the page (in the phone sheet, to its top).
 * So the control a choice was made with is remembered by name and value, and while focus is lost
 * (on <body>) after that choice, the input now standing for the same value takes it back. A value
 * that went with the choice (an unticked colour no result has) leaves focus on its group's first
 * value, or, when the whole group went, on the heading of the filters' sheet (phone) or of the
 * results (sidebar). Any other focus or a pointer press elsewhere ends the promise.
 */
function useFocusKeptOnChoice(update: UpdateParams): UpdateParams {
  const chosen = useRef<{ name: string; value: string; sheet: HTMLDialogElement | null } | null>(null);
  const shown = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const target = chosen.current;
    if (!target) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const scope: ParentNode = target.sheet?.isConnected ? target.sheet : document;
    const inputs = [...scope.querySelectorAll<HTMLInputElement>('input[name]')];
    const input =
      inputs.find((el) => el.name === target.name && el.value === target.value) ??
      inputs.find((el) => el.name === target.name && el.offsetParent !== null);
    const heading = target.sheet?.isConnected
      ? target.sheet.querySelector<HTMLElement>('h2[tabindex]')
      : document.getElementById('results-title');
    const kept = input ?? heading;
    kept?.focus();
    shown.current = kept;
  });
  // The address change that follows scrolls the page to its top (ScrollRestoration, in a layout
  // effect after this one), and the results arriving redraw the facets: both can leave the control
  // just focused out of sight, so after each commit it is scrolled back into view, without a jump
  // when it already shows, until the shopper does anything else.
  useEffect(() => {
    const el = shown.current;
    if (el && el === document.activeElement) el.scrollIntoView({ block: 'nearest' });
  });
  useLayoutEffect(() => {
    const forget = (e: Event) => {
      const el = e.target;
      const same =
        el instanceof HTMLInputElement && chosen.current?.name === el.name && chosen.current.value === el.value;
      if (!same) chosen.current = null;
      if (e.target !== shown.current || e.type !== 'focusin') shown.current = null;
    };
    document.addEventListener('focusin', forget);
    document.addEventListener('pointerdown', forget);
    document.addEventListener('keydown', forget);
    document.addEventListener('wheel', forget);
    return () => {
      document.removeEventListener('focusin', forget);
      document.removeEventListener('pointerdown', forget);
      document.removeEventListener('keydown', forget);
      document.removeEventListener('wheel', forget);
    };
  }, []);
  return (fn) => {
    const el = document.activeElement;
    chosen.current =
      el instanceof HTMLInputElement && el.name
        ? { name: el.name, value: el.value, sheet: el.closest('dialog') }
        : null;
    update(fn);
  };
}

export function Facets({
  result,
  tree,
  params,
  update: applyNow,
}: {
  result: SearchProductsResult | undefined;
  tree: CategoryNode[];
  params: URLSearchParams;
  update: UpdateParams;
}) {
  const update = useFocusKeptOnChoice(applyNow);
  const facets = result?.facets;
  // A range the address holds but the search refused (decision 0160) is not shown as chosen: the
  // notice asks the shopper to pick a range, and a radio already ticked cannot be picked.
  const selectedPrice = addressPriceErrors(params) === null ? params.get('price') : null;
  const vintageCount = facets?.isVintage.find((v) => v.value === true)?.count ?? 0;
  const counts = categoryCounts(tree, new Map((facets?.categories ?? []).map((c) => [c.value, c.count])));
  return (
    <>
      <CategoryFacet tree={tree} counts={counts} selected={params.get('category')} update={update} />
      <fieldset>
        <legend>Price</legend>
        <label className="check">
          <input
            type="radio"
            name="price"
            value=""
            checked={!selectedPrice && !params.get('min') && !params.get('max')}
            onChange={() => update(clearPrice)}
          />
          <span>Any price</span>
        </label>
        {(facets?.priceRanges ?? priceRanges.map((r) => ({ ...r, count: 0 }))).map((r) => (
          <label className="check" key={r.key}>
            <input
              type="radio"
              name="price"
              value={r.key}
              checked={selectedPrice === r.key}
              onChange={() =>
                update((p) => {
                  clearPrice(p);
                  p.set('price', r.key);
                })
              }
            />
            <span>{r.label}</span>
            <Count n={r.count} />
          </label>
        ))}
        <PriceInputs params={params} update={update} />
      </fieldset>
      <fieldset>
        <legend>Item type</legend>
        <label className="check">
          <input
            type="checkbox"
            name="isVintage"
            value="true"
            checked={params.get('isVintage') === 'true'}
            // None of these results is vintage: ticking it could only answer "0 results".
            disabled={facets !== undefined && vintageCount === 0 && params.get('isVintage') !== 'true'}
            onChange={(e) => update((p) => (e.target.checked ? p.set('isVintage', 'true') : p.delete('isVintage')))}
          />
          <span>Vintage only</span>
          <Count n={vintageCount} />
        </label>
        <label className="check">
          <input
            type="checkbox"
            name="stock"
            value="all"
            checked={params.get('stock') === 'all'}
            onChange={(e) => update((p) => (e.target.checked ? p.set('stock', 'all') : p.delete('stock')))}
          />
          <span>Include sold out</span>
        </label>
      </fieldset>
      <ValuesFacet legend="Materials" param="material" values={facets?.materials} params={params} update={update} />
      <ValuesFacet legend="Colour" param="colour" values={facets?.colours} params={params} update={update} />
    </>
  );
}
