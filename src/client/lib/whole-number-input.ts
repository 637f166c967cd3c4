// What a stock field (a quantity: a whole number of units) keeps of what is typed or pasted: its
// digits. "12abc" used to show in the box until the save refused it; now the letters never land,
// and the field says why instead of ignoring the key in silence.

/** Said beside a stock field when letters, signs or a decimal point were left out. */
export const DIGITS_ONLY = 'Use digits only, like 12.';

/** `text` with everything but its digits taken out, and whether anything was. */
export function keepDigits(text: string): { digits: string; dropped: boolean } {
  const digits = text.replace(/\D+/g, '');
  return { digits, dropped: digits !== text };
}
