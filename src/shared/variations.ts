// Variations (issue 16, decision 0080): a listing varies on at most two properties, each with
// seller-named values; every combination has its own price, stock, SKU and on/off.

/** A property the buyer chooses, e.g. { name: 'Size', values: ['6', '7', '8'] }. */
export interface VariationPropertyDto {
  name: string;
  values: string[];
}

export const MAX_VARIATION_PROPERTIES = 2;
/** Most values one property may have. */
export const MAX_VARIATION_VALUES = 35;
/** Most combinations one listing may have (decision 0080): 7 ring sizes × 10 metals, say. */
export const MAX_COMBINATIONS = 70;

/**
 * Made to order (decision 0081): nothing to count, so each combination carries the most a listing
 * may have and pages say "made to order" instead of a count. Every hold, sale and restock still
 * goes through the same stock rules, so a made-to-order listing needs no path of its own.
 */
export const MADE_TO_ORDER_STOCK = 10_000;

/** The chosen values of a combination, named: [{ name: 'Size', value: '7' }, …]. */
export function chosenOptions(
  properties: readonly VariationPropertyDto[],
  option1: string | null,
  option2: string | null,
): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  const values = [option1, option2];
  properties.forEach((p, i) => {
    const value = values[i];
    if (value !== null && value !== undefined) out.push({ name: p.name, value });
  });
  return out;
}

/** "Size: 7 · Colour: Gold". */
export function optionsLabel(options: readonly { name: string; value: string }[]): string {
  return options.map((o) => `${o.name}: ${o.value}`).join(' · ');
}
