// The estimated dispatch window a buyer sees (issue 16 item 5): processing time in business days
// (Monday to Friday) counted from today, so "3–5 days" placed on a Friday reads Wed–Fri.

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

const dayFmt = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Ships Mon, Dec 7 – Wed, Dec 9" (or one day when min = max); "today" for 0 days. */
export function dispatchWindow(processing: { minDays: number; maxDays: number }, now: Date = new Date()): string {
  const from = addBusinessDays(now, processing.minDays);
  const to = addBusinessDays(now, Math.max(processing.minDays, processing.maxDays));
  const fmt = (d: Date) => (processing.maxDays === 0 ? 'today' : dayFmt.format(d));
  return from.getTime() === to.getTime() ? fmt(from) : `${dayFmt.format(from)} – ${dayFmt.format(to)}`;
}

/** "3–5 business days", "1 business day", "ready to ship". */
export function processingLabel(processing: { minDays: number; maxDays: number }): string {
  const { minDays, maxDays } = processing;
  if (maxDays === 0) return 'ready to ship';
  const unit = maxDays === 1 ? 'business day' : 'business days';
  return minDays === maxDays ? `${maxDays} ${unit}` : `${minDays}–${maxDays} ${unit}`;
}
