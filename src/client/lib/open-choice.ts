// A partial choice of a listing's variations (Size M of Size × Colour) read as one offer: the
// combinations still open to it (openCombinations in components/variation-picker.tsx) summed for
// the product page's stock line, quantity picker, "In someone's cart" and price. The server
// answers per listing or per full combination, so a partial choice is added up here.
import type { CartItemDto } from '../../shared/schemas/cart';
import type { ProductVariationsDto } from '../../shared/schemas/catalog';
import { formatCents } from './format';

type Combination = ProductVariationsDto['combinations'][number];

export interface OpenChoice {
  /** Units anyone can still add across the open combinations. */
  units: number;
  /** The most one line can take: the open combination with the most units left. */
  maxUnits: number;
  /** Units of the open combinations already in this shopper's own cart. */
  ownInCart: number;
  /** Units of the open combinations held in other shoppers' carts. */
  othersHold: number;
  /**
   * "$32.00" when every open combination still for sale costs the same, "From $30.00" when not
   * (sold-out ones count only when all are); null when none is open.
   */
  price: string | null;
}

/**
 * `unitsOf` gives a combination's units left (live events ahead of the page's data); `cartItems`
 * are the lines of the shopper's own cart (the header's cart query), any listing.
 */
export function summariseOpenChoice(
  open: readonly Combination[],
  unitsOf: (c: Combination) => number,
  cartItems: readonly Pick<CartItemDto, 'variantId' | 'quantity' | 'held'>[],
): OpenChoice {
  const ids = new Set(open.map((c) => c.id));
  const own = cartItems.filter((i) => ids.has(i.variantId));
  const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);
  const forSale = open.filter((c) => unitsOf(c) > 0);
  const prices = (forSale.length ? forSale : open).map((c) => c.priceCents);
  const low = Math.min(...prices);
  return {
    units: sum(open, unitsOf),
    maxUnits: Math.max(0, ...open.map(unitsOf)),
    ownInCart: sum(own, (i) => i.quantity),
    othersHold: sum(open, (c) => c.inCarts) - sum(own, (i) => i.held),
    price: open.length === 0 ? null : low === Math.max(...prices) ? formatCents(low) : `From ${formatCents(low)}`,
  };
}
