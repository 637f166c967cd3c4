// What a combination starts with when the seller removes one of two saved properties (decision
// 0196). Size × Colour down to Size: "S" stands for the saved "S / Red" and "S / Blue", so it starts
// with their stock added up, and with their price and SKU where those agree, instead of as a new
// combination at 0, which put a listing whose seller only tidied its options out of stock. The
// editor shows these before anything is saved, and the seller may change them.
import { MADE_TO_ORDER_STOCK } from '../../../shared/variations';
import { centsToDollarsText, formatCents, parseDollars } from '../../lib/format';

/** A combination's cells as the editor holds them (text, as typed). */
export interface CarriedRow {
  price: string;
  quantity: string;
  sku: string;
  enabled: boolean;
}

export interface CarriedOver {
  row: CarriedRow;
  /** Where it came from, for the row: "Was Red: 3, Blue: 2" (with prices when they differed). */
  note: string;
  /** The merged combinations had different prices, so the row starts with none (the seller picks). */
  pricesDiffered: boolean;
}

/** Every combination of the properties' values, first property outermost. */
export function combinationsOf(properties: readonly { values: string[] }[]): string[][] {
  if (properties.length === 0) return [];
  return properties.reduce<string[][]>((acc, p) => acc.flatMap((prefix) => p.values.map((v) => [...prefix, v])), [[]]);
}

const fold = (s: string) => s.trim().toLocaleLowerCase('en');

/**
 * The row `values` starts with, or null when it merges nothing: only when properties were removed
 * and each one left is a saved one. A property left is known by `saved`, the index of the saved
 * property it began as, so one renamed before the removal (Size to Fit) still counts; one added in
 * the draft is known by its name (Colour removed and added back). `savedRow` gives a saved combination's cells as they
 * are now in the draft (edits made before the removal count), or undefined for one never saved.
 */
export function carriedOver(
  saved: readonly { name: string; values: string[] }[],
  current: readonly { name: string; saved?: number }[],
  values: readonly string[],
  savedRow: (values: string[]) => CarriedRow | undefined,
): CarriedOver | null {
  if (current.length === 0 || current.length >= saved.length) return null;
  const kept = current.map((p) => p.saved ?? saved.findIndex((s) => fold(s.name) === fold(p.name)));
  if (kept.some((i) => i < 0) || new Set(kept).size !== kept.length) return null;
  const dropped = saved.map((_, i) => i).filter((i) => !kept.includes(i));
  const sources = combinationsOf(saved)
    .filter((combo) => kept.every((i, k) => combo[i] === values[k]))
    .flatMap((combo) => {
      const row = savedRow(combo);
      return row ? [{ label: dropped.map((i) => combo[i]).join(' / '), row }] : [];
    });
  if (sources.length === 0) return null;
  // What was on sale stays on sale with its own stock; a switched-off one is not put on sale by a
  // merge (its units may be set aside). All switched off: the row stays off, with all their stock.
  const onSale = sources.filter((s) => s.row.enabled);
  const counted = onSale.length > 0 ? onSale : sources;
  const quantities = counted.map((s) => s.row.quantity.trim());
  const total = quantities.every((q) => /^\d+$/.test(q)) ? quantities.reduce((n, q) => n + Number(q), 0) : null;
  const prices = counted.map((s) => parseDollars(s.row.price));
  const samePrice = prices.every((p) => p !== null && p === prices[0]) ? prices[0] : null;
  const skus = new Set(counted.map((s) => s.row.sku));
  return {
    row: {
      // At most what one combination may hold (a made-to-order listing's combinations each carry it).
      quantity: total === null ? '' : String(Math.min(total, MADE_TO_ORDER_STOCK)),
      // Different prices: the seller chooses (saving asks for one); none is picked for them.
      price: samePrice === null || samePrice === undefined ? '' : centsToDollarsText(samePrice),
      sku: skus.size === 1 ? [...skus][0]! : '',
      enabled: onSale.length > 0,
    },
    note: `Was ${counted
      .map((s, i) => {
        const price = prices[i];
        const at = samePrice === null && price !== null && price !== undefined ? ` at ${formatCents(price)}` : '';
        return `${s.label}: ${s.row.quantity.trim() || '?'}${at}`;
      })
      .join(', ')}`,
    pricesDiffered: prices.every((p) => p !== null) && new Set(prices).size > 1,
  };
}
