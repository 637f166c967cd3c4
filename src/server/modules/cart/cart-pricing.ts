// Grouping a cart by shop and pricing it: item subtotals and each shop's shipping policy
// (a flat rate, free once the shop's subtotal reaches its threshold). Used by cart and checkout.
import { availableUnits, lineInTotals } from '../../../shared/availability';
import {
  type CartDto,
  type CartItemDto,
  type CartShopDto,
  MAX_PERSONALIZATION_CHARS,
} from '../../../shared/schemas/cart';
import { chosenOptions } from '../../../shared/variations';
import type { CartLineRow } from './cart.repository';

export function shippingFor(subtotalCents: number, policy: { flatRateCents: number; freeOverCents: number | null }) {
  if (policy.freeOverCents !== null && subtotalCents >= policy.freeOverCents) return 0;
  return policy.flatRateCents;
}

export interface PricedShop extends CartShopDto {
  ownerId: number;
}

export function priceCart(lines: readonly CartLineRow[]): { shops: PricedShop[] } & Omit<CartDto, 'shops'> {
  const shops: PricedShop[] = [];
  for (const l of lines) {
    let shop = shops.at(-1);
    if (!shop || shop.shopId !== l.shop_id) {
      shop = {
        shopId: l.shop_id,
        shopName: l.shop_name,
        shopSlug: l.shop_slug,
        ownerId: l.owner_id,
        shippingPolicy: {
          flatRateCents: l.flat_rate_cents,
          freeOverCents: l.free_over_cents,
          processingDays: l.processing_days,
        },
        vacation: l.vacation_since ? { returnsOn: l.vacation_returns_on, message: l.vacation_message } : null,
        items: [],
        subtotalCents: 0,
        shippingCents: 0,
      };
      shops.push(shop);
    }
    // Lines of a shop on vacation stay in the cart, like archived ones, but cannot be bought.
    const active = l.status === 'active' && l.enabled && l.vacation_since === null;
    const item: CartItemDto = {
      cartItemId: l.id,
      productId: l.product_id,
      variantId: l.variant_id,
      options: chosenOptions(l.variation_properties, l.option1, l.option2),
      personalization: l.personalization,
      processing: {
        minDays: l.processing_days_min ?? l.processing_days,
        maxDays: l.processing_days_max ?? l.processing_days,
        madeToOrder: l.made_to_order,
      },
      personalizationSpec:
        l.personalization_prompt !== null
          ? {
              prompt: l.personalization_prompt,
              maxChars: l.personalization_max_chars ?? MAX_PERSONALIZATION_CHARS,
              required: l.personalization_required,
            }
          : null,
      title: l.title,
      priceCents: l.price_cents,
      priceWhenAddedCents: l.price_when_added_cents ?? l.price_cents,
      quantity: l.quantity,
      available: active ? availableUnits({ quantity: l.stock, reserved: l.reserved, status: 'active' }) + l.held : 0,
      image: l.images[0] ?? null,
      reservedUntil: l.held > 0 ? l.hold_expires_at.toISOString() : null,
      held: l.held,
      listingActive: active,
    };
    shop.items.push(item);
    // A listing no longer for sale, or sold out, stays in the cart (so the shopper sees what
    // happened) but is not something they can buy, so it is not in any total.
    if (lineInTotals(item)) shop.subtotalCents += l.price_cents * l.quantity;
  }
  let itemTotalCents = 0;
  let shippingTotalCents = 0;
  let itemCount = 0;
  for (const shop of shops) {
    const buyable = shop.items.some(lineInTotals);
    shop.shippingCents = buyable ? shippingFor(shop.subtotalCents, shop.shippingPolicy) : 0;
    itemTotalCents += shop.subtotalCents;
    shippingTotalCents += shop.shippingCents;
    for (const item of shop.items) itemCount += item.quantity;
  }
  return { shops, itemTotalCents, shippingTotalCents, itemCount };
}

export function toCartDto(lines: readonly CartLineRow[]): CartDto {
  const priced = priceCart(lines);
  return { ...priced, shops: priced.shops.map(({ ownerId: _ownerId, ...shop }) => shop) };
}
