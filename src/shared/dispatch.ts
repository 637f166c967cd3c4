// The estimated dispatch and delivery windows a buyer sees (issue 16 item 5): processing time in
// business days (Monday to Friday) counted from today (or the order's date), so "3–5 days" placed
// on a Friday reads Wed–Fri; delivery adds the transit time after dispatch (decision 0120).

function addBusinessDays(from: Date, days: number): Date {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return d;
}

/** "2026-12-04": the UTC day of `now`, the unit every estimate counts in. */
export function utcDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const dayFmt = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Ships Mon, Dec 7 – Wed, Dec 9" (or one day when min = max); "today" for 0 days. */
export function dispatchWindow(processing: { minDays: number; maxDays: number }, now: Date = new Date()): string {
  const from = addBusinessDays(now, processing.minDays);
  const to = addBusinessDays(now, Math.max(processing.minDays, processing.maxDays));
  const fmt = (d: Date) => (processing.maxDays === 0 ? 'today' : dayFmt.format(d));
  return from.getTime() === to.getTime() ? fmt(from) : `${dayFmt.format(from)} – ${dayFmt.format(to)}`;
}

export interface Processing {
  minDays: number;
  maxDays: number;
}

/**
 * Business days a parcel takes after dispatch (decision 0120). Hearth knows neither where a shop
 * ships from nor its carrier, so every shop gets this one standard estimate for now.
 */
export const STANDARD_TRANSIT: Processing = { minDays: 2, maxDays: 5 };

/** "Thu, Dec 10 – Wed, Dec 16": dispatch window plus transit, counted in business days. */
export function deliveryWindow(
  processing: Processing,
  now: Date = new Date(),
  transit: Processing = STANDARD_TRANSIT,
): string {
  const minDays = processing.minDays + transit.minDays;
  const maxDays = Math.max(processing.minDays, processing.maxDays) + transit.maxDays;
  const from = addBusinessDays(now, minDays);
  const to = addBusinessDays(now, maxDays);
  return from.getTime() === to.getTime() ? dayFmt.format(from) : `${dayFmt.format(from)} – ${dayFmt.format(to)}`;
}

/** "Wed, Dec 9": the last day the seller promised to dispatch by (the dispatch window's end). */
export function dispatchBy(processing: Processing, placedAt: Date): string {
  return dayFmt.format(addBusinessDays(placedAt, Math.max(processing.minDays, processing.maxDays)));
}

/** Past its dispatch-by day (UTC days, like the dates): the seller's order page says it is overdue. */
export function dispatchOverdue(processing: Processing, placedAt: Date, now: Date = new Date()): boolean {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return today > addBusinessDays(placedAt, Math.max(processing.minDays, processing.maxDays)).getTime();
}

/**
 * The processing time an order was sold with: its slowest line's, or null when it was not
 * recorded (orders placed before lines kept it, decision 0146). Any line without one makes the
 * whole order unknown: a window from the other lines alone could promise too early.
 */
export function recordedProcessing(
  lines: readonly { minDays: number | null; maxDays: number | null }[],
): Processing | null {
  const known: { processing: Processing }[] = [];
  for (const l of lines) {
    if (l.minDays === null || l.maxDays === null) return null;
    known.push({ processing: { minDays: l.minDays, maxDays: l.maxDays } });
  }
  return known.length ? slowestOf(known) : null;
}

/** Said wherever an estimate would be, for an order placed before Hearth recorded processing times. */
export const ESTIMATE_NOT_RECORDED = 'not recorded: this order was placed before Hearth kept processing times';

/** A shop's parcel leaves when its slowest line is ready: the longest min and max of its lines. */
export function slowestOf(lines: readonly { processing: Processing }[]): Processing {
  return {
    minDays: Math.max(0, ...lines.map((l) => l.processing.minDays)),
    maxDays: Math.max(0, ...lines.map((l) => l.processing.maxDays)),
  };
}

/** "3–5 business days", "1 business day", "ready to ship". */
export function processingLabel(processing: { minDays: number; maxDays: number }): string {
  const { minDays, maxDays } = processing;
  if (maxDays === 0) return 'ready to ship';
  const unit = maxDays === 1 ? 'business day' : 'business days';
  return minDays === maxDays ? `${maxDays} ${unit}` : `${minDays}–${maxDays} ${unit}`;
}

/** "Ships in 3–5 business days", or "Ready to ship". */
export function shipsIn(processing: Processing): string {
  return processing.maxDays === 0 ? 'Ready to ship' : `Ships in ${processingLabel(processing)}`;
}

/**
 * The dispatch and delivery estimate a shopper sees before buying (product page, cart), the one
 * rule for when it can be given (decision 0180). Nothing can be bought from a shop on vacation, so
 * its clock starts on the day it is back: counted from the return date when one is set (and not yet
 * past), no estimate when there is none. A listing that cannot be bought (sold out, a combination not
 * offered) gets no estimate either.
 */
export type PurchaseEstimate =
  | {
      kind: 'dated';
      /** "Sun, Dec 20" when counted from the shop's return date; null when counted from today. */
      afterReturn: string | null;
      dispatch: string;
      delivery: string;
    }
  | { kind: 'none'; why: 'vacation-no-date' | 'not-for-sale' };

export function purchaseEstimate(
  processing: Processing,
  opts: { now?: Date; vacation?: { returnsOn: string | null } | null; forSale?: boolean } = {},
): PurchaseEstimate {
  const { now = new Date(), vacation = null, forSale = true } = opts;
  if (!forSale) return { kind: 'none', why: 'not-for-sale' };
  let from = now;
  let afterReturn: string | null = null;
  if (vacation) {
    // A return date already past while the shop is still away says nothing about when it is back.
    if (!vacation.returnsOn || vacation.returnsOn < utcDay(now)) return { kind: 'none', why: 'vacation-no-date' };
    from = new Date(`${vacation.returnsOn}T12:00:00Z`);
    afterReturn = dayFmt.format(from);
  }
  return {
    kind: 'dated',
    afterReturn,
    dispatch: dispatchWindow(processing, from),
    delivery: deliveryWindow(processing, from),
  };
}
