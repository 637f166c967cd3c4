// Integer-cent money helpers. Never floats for money.
export function formatCents(cents: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

/** Whole currency units, as a shopper says a price ("$150"): for amounts already rounded to units. */
export function formatWholeUnits(cents: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    Math.round(cents / 100),
  );
}

/** Multiply cents by basis points (1/100 of a percent), rounding half up. */
export function applyBasisPoints(cents: number, bps: number): number {
  return Math.round((cents * bps) / 10_000);
}

export function sumCents(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Dollars typed by a person ("12.5", "$1,200") to integer cents; null when not a number. */
export function parseDollars(text: string): number | null {
  const clean = text.replace(/[$,\s]/g, '');
  if (clean === '' || !/^\d+(\.\d{0,2})?$/.test(clean)) return null;
  const [whole, frac = ''] = clean.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}
