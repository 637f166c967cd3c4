// The listing's variations (issue 16 item 6): up to two properties with the seller's own values,
// and the table of every combination with its price, quantity, SKU and on/off, with "set all"
// for price and quantity. Saved as a whole through catalog.setVariations; the server's field
// errors ("combinations.3.quantity") land on their cell. Unsaved changes are handed to the listing
// form through `unsaved`, so "Save listing" saves them too instead of dropping them.
import { type RefObject, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { priceCentsSchema } from '../../../shared/schemas/common';
import type { ListingVariationsDto } from '../../../shared/schemas/variations';
import { MAX_COMBINATIONS, MAX_VARIATION_PROPERTIES } from '../../../shared/variations';
import { StatusButton } from '../../components/ui/status-button';
import { centsToDollarsText, parseDollars } from '../../lib/format';
import { saveUnlessUnchanged } from '../../lib/save-unless-unchanged';
import { useFocusAfter } from '../../lib/use-focus-after';
import { DIGITS_ONLY, keepDigits } from '../../lib/whole-number-input';
import { describeError, errorField, trpc } from '../../trpc';
import { carriedOver, combinationsOf } from './variations-carry-over';

interface PropertyDraft {
  /** Stable React key while properties are added and removed. */
  key: number;
  name: string;
  values: string;
}
interface RowDraft {
  price: string;
  quantity: string;
  sku: string;
  enabled: boolean;
}

const splitValues = (s: string) => [
  ...new Set(
    s
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ),
];
const keyOf = (values: string[]) => JSON.stringify(values);

// Messages are kept under a stable name of what they are about, not its position: a property by its
// draft key, a combination by its values. Removing Property 1 moved its "Name the property" onto
// the property that took its place.
const propertyPath = (key: number, field: string) => `property:${key}.${field}`;
const combinationPath = (values: string[], field?: string) => `combination:${keyOf(values)}${field ? `.${field}` : ''}`;

/** What the listing form may do with the editor's unsaved table. */
export interface UnsavedVariations {
  /**
   * Null: nothing changed since the last save. Otherwise the table to send, or 'invalid' with the
   * bad cells marked and the first of them focused.
   */
  take(): NonNullable<ReturnType<VariationsDraft['build']>> | 'invalid' | null;
  /** The server refused the table: its messages on the cells, and focus on the first. */
  showServerErrors(err: unknown): boolean;
  /** True when the table differs from the saved one (closing the dialog would lose it). */
  changed(): boolean;
  /** Why the last `take()` said 'invalid', for the toast. */
  problem(): string;
}

export function VariationsEditor({
  productId,
  basePriceCents,
  unsaved,
  startOnStock = false,
  onEdited,
}: {
  productId: number;
  basePriceCents: number;
  unsaved?: RefObject<UnsavedVariations | null>;
  /** Called on each edit of the table (Save listing's refusal then no longer stands). */
  onEdited?: () => void;
  /** "Edit stock": once the table is drawn, the first combination's quantity takes focus. */
  startOnStock?: boolean;
}) {
  const saved = trpc.catalog.variations.useQuery({ productId });
  // What the last press of "Save variations" came to, said beside the button (decision 0201), not
  // in a toast over the dialog's fields. Kept here, above the remount a save causes.
  const [status, setStatus] = useState<SaveStatus | null>(null);
  // A save remounts the editor below (its table is new), which drops keyboard focus to <body>:
  // both live here, above the remount, so focus moves on to the new editor's save button.
  const sectionRef = useRef<HTMLElement>(null);
  const focusAfter = useFocusAfter();
  // Once only, when the table first arrives (a save remounts it, and focus then goes to its button).
  const stockFirst = useRef(startOnStock);
  const loaded = saved.data !== undefined;
  useEffect(() => {
    if (!loaded || !stockFirst.current) return;
    stockFirst.current = false;
    // After this commit: with the table already cached (the listing opened before), it is drawn in
    // the dialog's first commit, whose own effect (showModal, then focus on Title) runs after this
    // one; judging focus now saw the opener outside the dialog and left focus on Title.
    queueMicrotask(() => {
      const input = sectionRef.current?.querySelector<HTMLInputElement>('td[data-label="Quantity"] input');
      const active = document.activeElement;
      // Only from where the dialog opened (its first field, or nowhere), not once the seller moved on.
      const untouched =
        !active ||
        active === document.body ||
        (active instanceof HTMLElement &&
          active.hasAttribute('data-autofocus') &&
          !!input?.closest('dialog')?.contains(active));
      if (input?.isConnected && untouched) input.focus();
    });
  }, [loaded]);
  if (saved.isPending)
    return <div className="skeleton variations-skeleton" role="status" aria-label="Loading variations" />;
  if (saved.isError)
    return (
      <p className="error" role="alert">
        Could not load variations: {saved.error.message}
      </p>
    );
  // Remount (drop unsaved edits) only when the saved table itself changed, not on a refetch.
  return (
    <Editor
      key={JSON.stringify(saved.data)}
      initial={saved.data}
      productId={productId}
      basePriceCents={basePriceCents}
      unsaved={unsaved}
      status={status}
      onStatus={setStatus}
      sectionRef={sectionRef}
      onEdited={onEdited}
      onSaving={() => focusAfter(() => sectionRef.current?.querySelector<HTMLElement>('.step-actions button'))}
    />
  );
}

interface DraftSource {
  properties: { name: string; values: string[] }[];
  combinations: { values: string[]; priceCents: number; quantity: number; sku: string; enabled: boolean }[];
}

/** What the last save came to, shown beside "Save variations". */
interface SaveStatus {
  tone: 'done' | 'error';
  text: string;
}

export const NO_VARIATIONS: DraftSource = { properties: [], combinations: [] };

/** The toast when cells are wrong, in words that fit the table (laptop) and the cards (phone) alike. */
export const CELLS_PROBLEM = 'Please fix the marked combinations.';
/** More combinations than a listing may have: what is wrong and what to do, in a seller's words. */
export const tooManyCombinations = (count: number) =>
  `These values make ${count} combinations, and a listing can have at most ${MAX_COMBINATIONS}. Remove some values to save.`;
/** A merged combination whose saved ones had different prices, its price still empty (decision 0196). */
export const PRICES_DIFFERED = 'The merged combinations had different prices: enter one.';

/** On the price cell of a combination saved without a price. */
const UNPRICED_COMBINATION = 'This combination has no price. Enter one.';

/** A message as a sentence, whatever words it was given (a fallback, a schema's). */
const sentence = (m: string) => (/[.!?]$/.test(m.trim()) ? m : `${m.trim()}.`);

/**
 * The table being edited, before it is saved: the saved listing's (editor) or empty (a new
 * listing, sent with it). `build()` checks what the browser can and returns the input, or null
 * with the bad cells marked.
 */
export function useVariationsDraft(initial: DraftSource, basePriceCents: number) {
  const [properties, setProperties] = useState<PropertyDraft[]>(
    initial.properties.map((p, i) => ({ key: i, name: p.name, values: p.values.join(', ') })),
  );
  const [rows, setRows] = useState<Map<string, RowDraft>>(
    () =>
      new Map(
        initial.combinations.map((c) => [
          keyOf(c.values),
          {
            // Saved without a price (at $0.00, decision 0199): empty, and marked below.
            price: c.priceCents > 0 ? centsToDollarsText(c.priceCents) : '',
            quantity: String(c.quantity),
            sku: c.sku,
            enabled: c.enabled,
          },
        ]),
      ),
  );
  // Combinations saved without a price are marked from the start, not only after a save is refused.
  const [errors, setErrors] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      initial.combinations
        .filter((c) => c.priceCents <= 0)
        .map((c) => [combinationPath(c.values, 'priceCents'), UNPRICED_COMBINATION]),
    ),
  );
  const parsed = properties.map((p) => ({ name: p.name.trim(), values: splitValues(p.values) }));
  const combos = combinationsOf(parsed);
  // A new combination starts at the listing's price; with none typed yet, empty rather than "0.00".
  const fresh = (): RowDraft => ({
    price: basePriceCents > 0 ? centsToDollarsText(basePriceCents) : '',
    quantity: '0',
    sku: '',
    enabled: true,
  });
  // A property removed from the saved table: a combination merging saved ones starts with what they
  // had (decision 0196), not as a new one at 0.
  // A draft property that began as a saved one keeps its key (the saved index), whatever it is renamed to.
  const left = parsed.map((p, i) => {
    const key = properties[i].key;
    return { ...p, saved: key < initial.properties.length ? key : undefined };
  });
  const carried = (values: string[]) => carriedOver(initial.properties, left, values, (v) => rows.get(keyOf(v)));
  const startingRow = (values: string[]): RowDraft => carried(values)?.row ?? fresh();
  const rowOf = (values: string[]): RowDraft => rows.get(keyOf(values)) ?? startingRow(values);
  const setRow = (values: string[], patch: Partial<RowDraft>) => {
    setRows((m) => new Map(m).set(keyOf(values), { ...(m.get(keyOf(values)) ?? startingRow(values)), ...patch }));
    // An edited cell's message goes as soon as it is edited (the next save checks again).
    const stale = Object.keys(patch).map((k) => combinationPath(values, k === 'price' ? 'priceCents' : k));
    if (stale.some((k) => k in errors))
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !stale.includes(k))));
  };

  // What the toast says when `build()` refused: the first kind of problem it found.
  const problem = useRef(CELLS_PROBLEM);
  const build = () => {
    const local: Record<string, string> = {};
    // The server's words for an unnamed or empty property, checked here so nothing is sent.
    parsed.forEach((p, i) => {
      const key = properties[i].key;
      if (!p.name) local[propertyPath(key, 'name')] = 'Name the property (e.g. Size).';
      if (p.values.length === 0) local[propertyPath(key, 'values')] = 'Give at least one value.';
    });
    const unnamed = parsed.some((p) => !p.name);
    const valueless = parsed.some((p) => p.values.length === 0);
    const combinations = combos.map((values) => {
      const r = rowOf(values);
      // The server's own rule and words: "Enter a price like 24.00.", "Enter a price above $0.00.";
      // an empty price on a merged row whose combinations differed says why it is empty.
      const price = priceCentsSchema.safeParse(parseDollars(r.price) ?? Number.NaN);
      const quantity = /^\d+$/.test(r.quantity.trim()) ? Number(r.quantity) : Number.NaN;
      if (!price.success)
        local[combinationPath(values, 'priceCents')] =
          !r.price.trim() && carried(values)?.pricesDiffered
            ? PRICES_DIFFERED
            : sentence(price.error.issues[0]?.message ?? 'Enter a price');
      if (!Number.isInteger(quantity)) local[combinationPath(values, 'quantity')] = 'Enter a whole number.';
      return {
        values,
        priceCents: price.data ?? -1,
        quantity: Number.isInteger(quantity) ? quantity : -1,
        sku: r.sku,
        enabled: r.enabled,
      };
    });
    problem.current = unnamed
      ? 'Name each property first.'
      : valueless
        ? 'Give each property at least one value.'
        : CELLS_PROBLEM;
    setErrors(local);
    return Object.keys(local).length ? null : { properties: parsed, combinations };
  };
  /** A property's name or values edited: its messages go (the next save checks again). */
  const clearPropertyError = (key: string) => {
    if (Object.keys(errors).some((k) => k.startsWith(key)))
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(key))));
  };
  /** A property removed, with its messages; the others keep theirs, wherever they move to. */
  const removeProperty = (key: number) => {
    setProperties((ps) => ps.filter((p) => p.key !== key));
    clearPropertyError(propertyPath(key, ''));
  };
  /** "properties.1.name" or "combinations.3.quantity", as the server names them, by what they are about. */
  const stablePath = (path: string) => {
    const [, list, index, rest = ''] = /^(properties|combinations)\.(\d+)(?:\.(.*))?$/.exec(path) ?? [];
    if (list === 'properties' && properties[Number(index)]) return propertyPath(properties[Number(index)].key, rest);
    if (list === 'combinations' && combos[Number(index)]) return combinationPath(combos[Number(index)], rest);
    return path;
  };

  /** The server's answer on the cells: "combinations.3.quantity" (under `prefix` for a new listing). */
  const showServerErrors = (err: unknown, prefix = '') => {
    const info = describeError(err);
    const next: Record<string, string> = {};
    const strip = (k: string) => (prefix && k.startsWith(prefix) ? k.slice(prefix.length) : prefix ? null : k);
    for (const [k, m] of Object.entries(info.fieldErrors)) {
      const key = strip(k);
      if (key !== null) next[stablePath(key)] = sentence(m[0] ?? 'Check this value');
    }
    const field = errorField(info);
    const fieldKey = field ? strip(field) : null;
    if (fieldKey !== null) next[stablePath(fieldKey)] = sentence(info.message);
    setErrors(next);
    return Object.keys(next).length > 0;
  };

  // What the seller sees, compared with what was there when the draft began.
  const snapshot = () => JSON.stringify([parsed, combos.map(rowOf)]);
  const shown = snapshot();
  const [initialSnapshot] = useState(shown);
  const changed = shown !== initialSnapshot;

  return {
    properties,
    setProperties,
    combos,
    rowOf,
    /** Where a merged combination's starting cells came from ("Was Red: 3, Blue: 2"), or undefined. */
    carriedNote: (values: string[]) => carried(values)?.note,
    setRow,
    errors,
    setErrors,
    build,
    /** Why the last `build()` refused, for the toast: "Name each property first." or the cells. */
    problem: () => problem.current,
    clearPropertyError,
    removeProperty,
    showServerErrors,
    changed,
    /** What the table shows, as a string that changes with any edit (a cell, a property, On sale). */
    shown,
    /** The combinations shown that were saved without a price and still have none ("M / Blue"). */
    unpriced: combos
      .filter((values) => errors[combinationPath(values, 'priceCents')] === UNPRICED_COMBINATION)
      .map((values) => values.join(' / ')),
  };
}

export type VariationsDraft = ReturnType<typeof useVariationsDraft>;

/** What a table stores, in a form that compares: a built draft or the saved table, in any order. */
function storedTable(t: DraftSource): string {
  const combinations = t.combinations
    .map((c) => [keyOf(c.values), c.priceCents, c.quantity, c.sku, c.enabled] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([t.properties.map((p) => [p.name, p.values]), combinations]);
}

/** Focus the first marked cell, or the section's title when the message is not on a cell. */
function focusFirstProblem(section: HTMLElement | null) {
  (
    section?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    section?.querySelector<HTMLElement>('#variations-title')
  )?.focus();
}

function Editor({
  initial,
  productId,
  basePriceCents,
  unsaved,
  status,
  onStatus,
  sectionRef,
  onSaving,
  onEdited,
}: {
  initial: ListingVariationsDto;
  productId: number;
  basePriceCents: number;
  unsaved?: RefObject<UnsavedVariations | null>;
  /** The last save's outcome, beside the button: one at a time, each replacing the last. */
  status: SaveStatus | null;
  onStatus: (status: SaveStatus | null) => void;
  sectionRef: RefObject<HTMLElement | null>;
  /** Called as a save starts (the editor is remounted once it lands). */
  onSaving: () => void;
  /** Called on each edit of the table. */
  onEdited?: () => void;
}) {
  const utils = trpc.useUtils();
  const draft = useVariationsDraft(initial, basePriceCents);
  // Both render at once (flushSync), so the first marked cell can take focus, and scroll into view, now.
  const markServerErrors = (err: unknown) => flushSync(() => draft.showServerErrors(err));
  /** The table to save, or null with its first bad cell focused (on a phone it may be far above). */
  const buildOrFocusProblem = () => {
    const table = flushSync(() => draft.build());
    if (!table) focusFirstProblem(sectionRef.current);
    return table;
  };
  const save = trpc.catalog.setVariations.useMutation({
    onSuccess: async () => {
      draft.setErrors({});
      await Promise.all([
        utils.catalog.variations.invalidate({ productId }),
        utils.catalog.product.invalidate(),
        utils.seller.listings.invalidate(),
      ]);
      onStatus({ tone: 'done', text: 'Variations saved.' });
    },
    onError: (err) => {
      const placed = markServerErrors(err);
      if (placed) focusFirstProblem(sectionRef.current);
      onStatus({ tone: 'error', text: placed ? CELLS_PROBLEM : describeError(err).message });
    },
  });

  const submit = () => {
    const table = buildOrFocusProblem();
    if (!table) {
      onStatus({ tone: 'error', text: draft.problem() });
      return;
    }
    // The table stores exactly what is saved (a second press after "Variations saved", or 24 typed
    // over 24.00): send nothing, and say so beside the button.
    saveUnlessUnchanged({
      unchanged: storedTable(table) === storedTable(initial),
      upToDate: 'No changes to save: variations are up to date.',
      say: (text) => onStatus({ tone: 'done', text }),
      save: () => {
        onStatus(null);
        onSaving();
        save.mutate({ productId, ...table });
      },
    });
  };
  const tooMany = draft.combos.length > MAX_COMBINATIONS;
  // The editor remounts on each save, so a draft that now differs from the saved table was edited
  // since: the last answer ("Variations saved") no longer describes what the table shows.
  useEffect(() => {
    if (draft.changed) onStatus(null);
  }, [draft.changed, onStatus]);
  // An answer appearing above the button (a phone stacks them) pushed the focused button below the
  // dialog's bottom edge: bring what has focus back into view, with its ring (the dialog's
  // scroll-padding); a marked cell already shown stays put.
  useEffect(() => {
    if (!status) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && sectionRef.current?.contains(active))
      active.scrollIntoView({ block: 'nearest' });
  }, [status, sectionRef]);
  // Why a save was refused no longer stands once the table is edited, even back to what is saved
  // (a cleared price typed again): the next press checks afresh.
  const shown = draft.shown;
  const lastShown = useRef(shown);
  useEffect(() => {
    if (shown === lastShown.current) return;
    lastShown.current = shown;
    if (status?.tone === 'error') onStatus(null);
    onEdited?.();
  }, [shown, status, onStatus, onEdited]);
  useImperativeHandle(unsaved, () => ({
    take: () => {
      if (!draft.changed) return null;
      const table = buildOrFocusProblem();
      // Edited back to what is saved (or 24 typed over 24.00): nothing to send.
      if (table && !tooMany) return storedTable(table) === storedTable(initial) ? null : table;
      if (table) focusFirstProblem(sectionRef.current);
      return 'invalid';
    },
    showServerErrors: (err) => {
      const placed = markServerErrors(err);
      focusFirstProblem(sectionRef.current);
      return placed;
    },
    changed: () => draft.changed,
    problem: () => (tooMany ? tooManyCombinations(draft.combos.length) : draft.problem()),
  }));

  return (
    <section ref={sectionRef} className="variations" aria-labelledby="variations-title">
      <VariationsFields draft={draft} />
      <div className="step-actions variations-actions">
        {/* Always in the page, so a screen reader hears each new outcome (a polite live region). */}
        <p className="variations-status" role="status" data-tone={status?.tone}>
          {status?.text}
        </p>
        <StatusButton pending={save.isPending} pendingLabel="Saving…" onClick={submit} type="button" disabled={tooMany}>
          {draft.properties.length === 0 && initial.properties.length > 0 ? 'Remove variations' : 'Save variations'}
        </StatusButton>
      </div>
    </section>
  );
}

/** Properties, values, "set all" and the combination table of a draft (no save button). */
export function VariationsFields({ draft }: { draft: VariationsDraft }) {
  const {
    properties,
    setProperties,
    combos,
    rowOf,
    carriedNote,
    setRow,
    errors,
    setErrors,
    clearPropertyError,
    removeProperty,
  } = draft;
  const uid = useId();
  const [bulkPrice, setBulkPrice] = useState('');
  const [bulkQuantity, setBulkQuantity] = useState('');
  const [bulkDropped, setBulkDropped] = useState(false);
  const err = (path: string) => errors[path];
  const tooMany = combos.length > MAX_COMBINATIONS;

  return (
    <>
      <h3 id="variations-title" className="variations-title" tabIndex={-1}>
        Variations
      </h3>
      <p className="hint">
        Up to two properties, such as Size and Colour. Each combination has its own price, stock and SKU; a listing with
        variations is priced “from” its cheapest.
      </p>
      {draft.unpriced.length > 0 && (
        // Points to combinations saved without a price, which may be far down the table (decision 0199).
        <div className="notice notice-danger">
          <p>
            No price yet for {new Intl.ListFormat('en').format(draft.unpriced)}.{' '}
            {draft.unpriced.length === 1
              ? 'Enter one in its marked Price to sell this listing.'
              : 'Enter one in each marked Price to sell this listing.'}
          </p>
        </div>
      )}
      {properties.map((p, i) => (
        <div className="variation-property" key={p.key}>
          <div className="field">
            <label htmlFor={`prop-name-${i}`}>Property {i + 1}</label>
            <input
              id={`prop-name-${i}`}
              className="input"
              maxLength={30}
              placeholder={i === 0 ? 'Size' : 'Colour'}
              value={p.name}
              aria-invalid={err(propertyPath(p.key, 'name')) ? true : undefined}
              aria-describedby={err(propertyPath(p.key, 'name')) ? `prop-name-error-${i}` : undefined}
              onChange={(e) => {
                setProperties((ps) => ps.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)));
                clearPropertyError(propertyPath(p.key, 'name'));
              }}
            />
            {err(propertyPath(p.key, 'name')) && (
              <span className="error" id={`prop-name-error-${i}`}>
                {err(propertyPath(p.key, 'name'))}
              </span>
            )}
          </div>
          <div className="field">
            <label htmlFor={`prop-values-${i}`}>Values</label>
            <input
              id={`prop-values-${i}`}
              className="input"
              placeholder={i === 0 ? 'S, M, L' : 'Oat, Moss, Charcoal'}
              value={p.values}
              aria-describedby={`prop-values-hint-${i}`}
              aria-invalid={
                Object.keys(errors).some((k) => k.startsWith(propertyPath(p.key, 'values'))) ? true : undefined
              }
              onChange={(e) => {
                setProperties((ps) => ps.map((x, j) => (j === i ? { ...x, values: e.target.value } : x)));
                clearPropertyError(propertyPath(p.key, 'values'));
              }}
            />
            <span className="hint" id={`prop-values-hint-${i}`}>
              Comma separated
            </span>
            {Object.entries(errors)
              .filter(([k]) => k.startsWith(propertyPath(p.key, 'values')))
              .map(([k, m]) => (
                <span key={k} className="error">
                  {m}
                </span>
              ))}
          </div>
          <button
            type="button"
            className="btn btn-ghost btn-sm variation-remove"
            onClick={(e) => {
              // This button goes with its property: focus moves to the property that takes its place,
              // or to "Add variations" / "Add a second property" when it was the last.
              const root = e.currentTarget.closest('.variation-property')?.parentElement;
              flushSync(() => removeProperty(p.key));
              const next =
                root?.querySelector<HTMLElement>(`#prop-name-${i}`) ??
                root?.querySelector<HTMLElement>('.variation-add');
              next?.focus();
            }}
          >
            Remove {p.name.trim() || `property ${i + 1}`}
          </button>
        </div>
      ))}
      {properties.length < MAX_VARIATION_PROPERTIES && (
        <button
          type="button"
          className="btn btn-ghost btn-sm variation-add"
          onClick={(e) => {
            // Focus moves on to the new property's name (this button is relabelled, or gone).
            const root = e.currentTarget.parentElement;
            const n = properties.length;
            flushSync(() => setProperties((ps) => [...ps, { key: Date.now(), name: '', values: '' }]));
            root?.querySelector<HTMLElement>(`#prop-name-${n}`)?.focus();
          }}
        >
          {properties.length === 0 ? 'Add variations' : 'Add a second property'}
        </button>
      )}

      {combos.length > 0 && (
        <>
          <div className="bulk-set">
            <div className="field">
              <label htmlFor="bulk-price">Price for all ($)</label>
              <input
                id="bulk-price"
                className="input"
                inputMode="decimal"
                value={bulkPrice}
                onChange={(e) => setBulkPrice(e.target.value)}
              />
            </div>
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              disabled={parseDollars(bulkPrice) === null}
              onClick={() => {
                for (const c of combos) setRow(c, { price: bulkPrice.trim() });
              }}
            >
              Set all prices
            </button>
            <div className="field">
              <label htmlFor="bulk-quantity">Quantity for all</label>
              <input
                id="bulk-quantity"
                className="input"
                inputMode="numeric"
                value={bulkQuantity}
                aria-invalid={bulkDropped ? true : undefined}
                aria-describedby={bulkDropped ? 'bulk-quantity-error' : undefined}
                onChange={(e) => {
                  const { digits, dropped } = keepDigits(e.target.value);
                  setBulkQuantity(digits);
                  setBulkDropped(dropped);
                }}
              />
              {bulkDropped && (
                <span className="error" id="bulk-quantity-error">
                  {DIGITS_ONLY}
                </span>
              )}
            </div>
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              disabled={!/^\d+$/.test(bulkQuantity.trim())}
              onClick={() => {
                for (const c of combos) setRow(c, { quantity: bulkQuantity.trim() });
              }}
            >
              Set all quantities
            </button>
          </div>
          <p className={tooMany ? 'error' : 'hint'} role={tooMany ? 'alert' : undefined}>
            {tooMany
              ? tooManyCombinations(combos.length)
              : `${combos.length} of at most ${MAX_COMBINATIONS} combinations`}
          </p>
          <div className="combo-table-wrap">
            <table className="table combo-table">
              <caption className="visually-hidden">Combinations</caption>
              <thead>
                <tr>
                  <th scope="col">Combination</th>
                  <th scope="col">Price ($)</th>
                  <th scope="col">Quantity</th>
                  <th scope="col">SKU</th>
                  <th scope="col">On sale</th>
                </tr>
              </thead>
              <tbody>
                {combos.map((values, rowIndex) => {
                  const r = rowOf(values);
                  const label = values.join(' / ');
                  const rowError = err(combinationPath(values)) ?? err(combinationPath(values, 'values'));
                  const note = carriedNote(values);
                  const ids = `${uid}combo-${rowIndex}`;
                  const priceError = err(combinationPath(values, 'priceCents'));
                  const quantityError = err(combinationPath(values, 'quantity'));
                  // A cell's message, and the merged row's "Was …" note it may refer to, are read with it.
                  const describedBy = (error: string | undefined, own: string) =>
                    [error && own, note && `${ids}-note`].filter(Boolean).join(' ') || undefined;
                  return (
                    <tr key={keyOf(values)} className={r.enabled ? undefined : 'row-archived'}>
                      <th scope="row">
                        {label}
                        {note && (
                          <span className="hint combo-carried" id={`${ids}-note`}>
                            {note}
                          </span>
                        )}
                        {rowError && <span className="error">{rowError}</span>}
                      </th>
                      <td data-label="Price ($)">
                        <input
                          className="input"
                          inputMode="decimal"
                          aria-label={`Price of ${label}`}
                          aria-invalid={priceError ? true : undefined}
                          aria-describedby={describedBy(priceError, `${ids}-price-error`)}
                          value={r.price}
                          onChange={(e) => setRow(values, { price: e.target.value })}
                        />
                        {priceError && (
                          <span className="error" id={`${ids}-price-error`}>
                            {priceError}
                          </span>
                        )}
                      </td>
                      <td data-label="Quantity">
                        <input
                          className="input"
                          inputMode="numeric"
                          aria-label={`Quantity of ${label}`}
                          aria-invalid={quantityError ? true : undefined}
                          aria-describedby={describedBy(quantityError, `${ids}-quantity-error`)}
                          value={r.quantity}
                          onChange={(e) => {
                            const { digits, dropped } = keepDigits(e.target.value);
                            setRow(values, { quantity: digits });
                            if (dropped)
                              setErrors((m) => ({ ...m, [combinationPath(values, 'quantity')]: DIGITS_ONLY }));
                          }}
                        />
                        {quantityError && (
                          <span className="error" id={`${ids}-quantity-error`}>
                            {quantityError}
                          </span>
                        )}
                      </td>
                      <td data-label="SKU" className="combo-sku">
                        {/* A one-line box that grows (field-sizing) to show a SKU longer than its
                            width whole, wrapped, instead of scrolling it out of sight: two codes
                            that differ at the end ("…-LOT-4471A", "…-LOT-4471B") looked the same.
                            It stays one line of text: Enter does what it does in an input. */}
                        <textarea
                          className="input combo-sku-input"
                          rows={1}
                          maxLength={64}
                          aria-label={`SKU of ${label}`}
                          value={r.sku}
                          onChange={(e) => setRow(values, { sku: e.target.value.replace(/[\r\n]+/g, '') })}
                          onKeyDown={(e) => {
                            if (e.key !== 'Enter') return;
                            e.preventDefault();
                            e.currentTarget.form?.requestSubmit();
                          }}
                        />
                      </td>
                      <td data-label="On sale" className="combo-on-sale">
                        <input
                          type="checkbox"
                          aria-label={`${label} on sale`}
                          checked={r.enabled}
                          onChange={(e) => setRow(values, { enabled: e.target.checked })}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {(err('properties') || err('combinations')) && (
        <p className="error" role="alert">
          {err('properties') ?? err('combinations')}
        </p>
      )}
    </>
  );
}
