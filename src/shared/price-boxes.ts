// The search page's "$ min" and "$ max" boxes: dollars as the shopper typed them, read once for
// the browser (Go) and for the server (the filter form sent without JavaScript), so both refuse
// the same input with the same words instead of dropping it silently.
import { formatCents, parseDollars } from './money';
import { centsSchema } from './schemas/common';

/** The most a price filter can ask for (the search input's own limit). */
export const PRICE_BOX_MAX_CENTS = centsSchema.maxValue ?? 100_000_000;

export type PriceBoxErrors = { min?: string; max?: string };

export type PriceBoxes = { ok: true; min: number | null; max: number | null } | { ok: false; errors: PriceBoxErrors };

/**
 * Control and invisible format characters (a NUL from a hand-edited address, a bidi override) would
 * be echoed unseen, or reorder the message: each shows as "�". The zero-width joiner of emoji stays.
 */
const unseen = /[\p{Cc}\p{Cf}]/gu;

function quoted(text: string): string {
  const t = text.trim().replace(unseen, (c) => (c === '\u200d' ? c : '\ufffd'));
  return `“${t.length > 24 ? `${t.slice(0, 24)}…` : t}”`;
}

function readBox(text: string, end: 'Minimum' | 'Maximum'): { cents: number | null } | { error: string } {
  if (text.trim() === '') return { cents: null };
  const cents = parseDollars(text);
  if (cents === null) {
    if (/^\s*-\s*\$?\s*[\d,]*\.?\d+\s*$/.test(text)) return { error: `${end} price can’t be negative.` };
    return { error: `${end} price: ${quoted(text)} is not an amount. Type dollars, like 25 or 12.50.` };
  }
  return { cents };
}

/**
 * What is wrong with a price range already read as cents (from the boxes, or from a search
 * address's own `min`/`max`): a bound above $1,000,000.00, or the minimum above the maximum
 * (refused, never swapped: either end may be the mistake). Null when the range can be searched.
 */
export function priceBoundErrors(min: number | null, max: number | null): PriceBoxErrors | null {
  const errors: PriceBoxErrors = {};
  const tooLarge = (end: string) => `${end} price can be at most ${formatCents(PRICE_BOX_MAX_CENTS)}.`;
  if (min !== null && min > PRICE_BOX_MAX_CENTS) errors.min = tooLarge('Minimum');
  if (max !== null && max > PRICE_BOX_MAX_CENTS) errors.max = tooLarge('Maximum');
  if (!errors.min && !errors.max && min !== null && max !== null && min > max)
    errors.min = `Minimum price (${formatCents(min)}) is more than the maximum (${formatCents(max)}).`;
  return errors.min || errors.max ? errors : null;
}

/** Both boxes read, or what is wrong with each ("abc", "-5", too large, minimum above maximum). */
export function readPriceBoxes(minText: string, maxText: string): PriceBoxes {
  const min = readBox(minText, 'Minimum');
  const max = readBox(maxText, 'Maximum');
  const bounds = priceBoundErrors('cents' in min ? min.cents : null, 'cents' in max ? max.cents : null);
  if ('cents' in min && 'cents' in max && !bounds) return { ok: true, min: min.cents, max: max.cents };
  const errors: PriceBoxErrors = {};
  const minError = 'error' in min ? min.error : bounds?.min;
  const maxError = 'error' in max ? max.error : bounds?.max;
  if (minError) errors.min = minError;
  if (maxError) errors.max = maxError;
  return { ok: false, errors };
}
