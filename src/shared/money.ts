// Integer-cent money helpers. Never floats for money.
export function formatCents(cents: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
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
