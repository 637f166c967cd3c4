// What a checkout costs, per shop: item subtotal, the shop's shipping policy, tax at the
// destination's rate on the items (shipping untaxed), and the total. One charge pays all shops.
// The quote's version is a hash of everything the buyer pays for, so "the price the buyer saw"
// is checked by comparing two strings, with no quote stored anywhere.
import { lineProblem } from '../../../shared/availability';
import { applyBasisPoints } from '../../../shared/money';
import type { QuoteDto, QuoteShopDto, UnavailableItem } from '../../../shared/schemas/checkout';
import type { CartLineRow } from '../cart/cart.repository';
import { type PricedShop, priceCart } from '../cart/cart-pricing';

export interface ShopCharge extends QuoteShopDto {
  ownerId: number;
  lines: PricedShop['items'];
  vacation: PricedShop['vacation'];
}

export interface CheckoutPrice {
  shops: ShopCharge[];
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
}

export function priceCheckout(lines: readonly CartLineRow[], taxRateBps: number): CheckoutPrice {
  const cart = priceCart(lines);
  const shops = cart.shops.map((s): ShopCharge => {
    const taxCents = applyBasisPoints(s.subtotalCents, taxRateBps);
    return {
      shopId: s.shopId,
      shopName: s.shopName,
      ownerId: s.ownerId,
      lines: s.items,
      vacation: s.vacation,
      items: s.items.map((i) => ({
        productId: i.productId,
        variantId: i.variantId,
        title: i.title,
        options: i.options,
        personalization: i.personalization,
        quantity: i.quantity,
        unitPriceCents: i.priceCents,
      })),
      subtotalCents: s.subtotalCents,
      shippingCents: s.shippingCents,
      taxCents,
      totalCents: s.subtotalCents + s.shippingCents + taxCents,
      itemCount: s.items.reduce((n, i) => n + i.quantity, 0),
    };
  });
  const sum = (pick: (s: ShopCharge) => number) => shops.reduce((n, s) => n + pick(s), 0);
  return {
    shops,
    subtotalCents: sum((s) => s.subtotalCents),
    shippingCents: sum((s) => s.shippingCents),
    taxCents: sum((s) => s.taxCents),
    totalCents: sum((s) => s.totalCents),
  };
}

/** Lines that cannot be bought as they stand (shop away, archived, sold out, or more wanted than
 * held plus free), each with its reason. */
export function unavailableLines(price: CheckoutPrice): UnavailableItem[] {
  const out: UnavailableItem[] = [];
  for (const shop of price.shops)
    for (const item of shop.lines) {
      const reason = lineProblem(item, shop.vacation !== null);
      if (reason)
        out.push({
          productId: item.productId,
          variantId: item.variantId,
          title: item.title,
          options: item.options,
          requested: item.quantity,
          available: item.available,
          shopName: shop.shopName,
          reason,
        });
    }
  return out;
}

/**
 * The version of what the buyer pays: per shop (by id) its lines (product, combination,
 * personalisation, quantity, unit price), shipping and tax, and the total. Titles, stock and holds are left out: they do not
 * change the charge.
 */
export function quoteVersion(price: CheckoutPrice): string {
  const canonical = [...price.shops]
    .sort((a, b) => a.shopId - b.shopId)
    .map((s) => [
      s.shopId,
      s.items
        .map((i) => [i.productId, i.variantId, i.personalization, i.quantity, i.unitPriceCents] as const)
        .sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0)),
      s.shippingCents,
      s.taxCents,
    ]);
  return new Bun.CryptoHasher('sha256').update(JSON.stringify([canonical, price.totalCents])).digest('hex');
}

export function toQuoteDto(price: CheckoutPrice, taxRateBps: number): QuoteDto {
  return {
    version: quoteVersion(price),
    shops: price.shops.map(({ ownerId: _o, lines: _l, vacation: _v, ...shop }) => shop),
    subtotalCents: price.subtotalCents,
    shippingCents: price.shippingCents,
    taxCents: price.taxCents,
    totalCents: price.totalCents,
    taxRateBps,
    unavailableItems: unavailableLines(price),
  };
}
