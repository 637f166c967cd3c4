// The product page's "in your cart" confirmation. It counts the listing's units in the shopper's
// cart, as the header's badge does (one cart query), and says how many of them are the chosen
// combination when that is not all of them: with S and M of one jumper in the cart, the page
// showing S used to read "1 item in your cart" beside a badge of 2.
import { plural } from './format';

/**
 * `listingUnits`: units of the listing in the shopper's cart, any combination. `chosenUnits`: those
 * of the chosen combination, or null when none is chosen (no variations, or not every value picked).
 * `chosenName`: what the choice is called, "size" for one property, "combination" for several.
 */
export function inCartNotice(listingUnits: number, chosenUnits: number | null, chosenName: string): string {
  const all = `${plural(listingUnits, 'item')} in your cart`;
  if (chosenUnits === null || chosenUnits === listingUnits) return `${all}.`;
  if (chosenUnits === 0) return `${all}, none in this ${chosenName}.`;
  return `${all}, ${chosenUnits} of them in this ${chosenName}.`;
}
