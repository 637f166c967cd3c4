// Cart inputs and DTOs, shared by the server and the cart page.
import { z } from 'zod';
import { idSchema } from './common';
import { tooLongMessage } from './issue-messages';
import type { ShippingPolicy } from './shops';
import { text } from './text';

/** Most units of one listing a single cart line may want. */
export const MAX_LINE_QUANTITY = 999;

const quantity = z
  .number()
  .int('Quantity must be a whole number.')
  .positive('Quantity must be at least 1.')
  .max(MAX_LINE_QUANTITY, `Quantity must be at most ${MAX_LINE_QUANTITY}.`);

/** Longest personalisation any listing may allow (a listing sets its own limit, up to this). */
export const MAX_PERSONALIZATION_CHARS = 1024;

/**
 * Which line of a listing: its combination (omitted: the listing's only, default combination; a
 * listing with variations refuses that with field `variantId`) and the buyer's personalisation
 * ('' or omitted: none). Lines differ by either.
 */
const personalizationText = text({ multiline: true }).max(
  MAX_PERSONALIZATION_CHARS,
  tooLongMessage('Personalisation', MAX_PERSONALIZATION_CHARS),
);

const lineKey = {
  productId: idSchema,
  variantId: idSchema.optional(),
  personalization: personalizationText.optional(),
};

export const addItemInput = z.object({ ...lineKey, quantity });
export type AddItemInput = z.infer<typeof addItemInput>;

/** 0 removes the line. */
export const updateQuantityInput = z.object({
  ...lineKey,
  quantity: z
    .number()
    .int('Quantity must be a whole number.')
    .min(0, 'Quantity cannot be negative.')
    .max(MAX_LINE_QUANTITY, `Quantity must be at most ${MAX_LINE_QUANTITY}.`),
});
export type UpdateQuantityInput = z.infer<typeof updateQuantityInput>;

export const removeItemInput = z.object(lineKey);
export type RemoveItemInput = z.infer<typeof removeItemInput>;

/** A line's new personalisation ('' clears it, where the listing allows). */
export const updatePersonalizationInput = z.object({
  cartItemId: idSchema,
  personalization: personalizationText,
});
export type UpdatePersonalizationInput = z.infer<typeof updatePersonalizationInput>;

/** A chosen variation value, as the buyer sees it: "Size: 7". */
export interface ChosenOption {
  name: string;
  value: string;
}

export interface CartItemDto {
  cartItemId: number;
  productId: number;
  /** The combination this line holds (the listing's default one when it has no variations). */
  variantId: number;
  /** The chosen values; empty for a listing without variations. */
  options: ChosenOption[];
  /** The buyer's personalisation text, '' when none. */
  personalization: string;
  title: string;
  priceCents: number;
  /** The unit price when the line was added; differs from `priceCents` when the seller changed it since. */
  priceWhenAddedCents: number;
  /** Units the buyer wants. */
  quantity: number;
  /** Most units this line could hold right now: free stock plus what this line already holds. */
  available: number;
  image: string | null;
  /** When this line's hold lapses; null when nothing is held (expired or unavailable). */
  reservedUntil: string | null;
  /** Units currently held for this buyer. Less than `quantity` after a hold expired. */
  held: number;
  /** Business days to make and dispatch (the listing's own, or its shop's). */
  processing: { minDays: number; maxDays: number; madeToOrder: boolean };
  /** What the seller asks for, so the text can be edited in the cart; null: none taken. */
  personalizationSpec: { prompt: string; maxChars: number; required: boolean } | null;
  /** False when the listing was archived (or the combination switched off) after it was added. */
  listingActive: boolean;
}

export interface CartShopDto {
  shopId: number;
  shopName: string;
  shopSlug: string;
  shippingPolicy: ShippingPolicy;
  /** The shop is on vacation: its lines stay but cannot be bought (listingActive false). */
  vacation: { returnsOn: string | null; message: string } | null;
  items: CartItemDto[];
  subtotalCents: number;
  shippingCents: number;
}

export interface CartDto {
  shops: CartShopDto[];
  itemTotalCents: number;
  shippingTotalCents: number;
  itemCount: number;
}

export interface AvailabilityDto {
  /** Units nobody holds: what can still be added to a cart. */
  available: number;
  /** Units of it in the caller's cart. */
  inCart: number;
  /** Number of other shoppers' carts holding it. */
  inOtherCarts: number;
  canAddMore: boolean;
  /**
   * Why it can or cannot be added: 'held' means every unit left is in other shoppers' carts (it
   * may free up at `nextReleaseAt`), 'sold_out' that none are left, 'unavailable' that the listing
   * is not for sale.
   */
  status: 'available' | 'held' | 'sold_out' | 'unavailable';
  /** Units other shoppers' carts hold. */
  heldByOthers: number;
  /** When 'held': the earliest time one of those holds runs out (ISO), unless renewed or bought. */
  nextReleaseAt: string | null;
  /** The caller's own shop sells it (they cannot buy it; they can edit it). */
  ownListing: boolean;
}
