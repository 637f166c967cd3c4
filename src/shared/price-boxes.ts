// The search page's "$ min" and "$ max" boxes: dollars as the shopper typed them, read once for
// the browser (Go) and for the server (the filter form sent without JavaScript), so both refuse
// the same input with the same words instead of dropping it silently.
import { formatCents, parseDollars } from './money';
import { centsSchema } from './schemas/common';

/** The most a price filter can ask for (the search input's own limit). */
export const PRICE_BOX_MAX_CENTS = centsSchema.maxValue ?? 100_000_000;

export type PriceBoxErrors = { min?: string; max?: string };

export type PriceBoxes = { ok: true; min: number | null; max: number | null } | { ok: false; errors: PriceBoxErrors };

function quoted(text: string): string {
  const t = text.trim();
  return `“${t.length > 24 ? `${t.slice(0, 24)}…` : t}”`;
}

function readBox(text: string, end: 'Minimum' | 'Maximum'): { cents: number | null } | { error: string } {
  if (text.trim() === '') return { cents: null };
  const cents = parseDollars(text);
  if (cents === null) {
    if (/^\s*-\s*\$?\s*[\d,]*\.?\d+\s*$/.test(text)) return { error: `${end} price can’t be negative.` };
    return { error: `${end} price: ${quoted(text)} is not an amount. Type dollars, like 25 or 12.50.` };
  }
  if (cents > PRICE_BOX_MAX_CENTS) return { error: `${end} price can be at most ${formatCents(PRICE_BOX_MAX_CENTS)}.` };
  return { cents };
}

/** Both boxes read, or what is wrong with each ("abc", "-5", too large, minimum above maximum). */
export function readPriceBoxes(minText: string, maxText: string): PriceBoxes {
  const min = readBox(minText, 'Minimum');
  const max = readBox(maxText, 'Maximum');
  const errors: PriceBoxErrors = {};
  if ('error' in min) errors.min = min.error;
  if ('error' in max) errors.max = max.error;
  if ('cents' in min && 'cents' in max) {
    if (min.cents !== null && max.cents !== null && min.cents > max.cents)
      errors.min = `Minimum price (${formatCents(min.cents)}) is more than the maximum (${formatCents(max.cents)}).`;
    else return { ok: true, min: min.cents, max: max.cents };
  }
  return { ok: false, errors };
}
