import { z } from 'zod';
import { canonicalMaterial } from '../materials';
import { MAX_PERSONALIZATION_CHARS } from './cart';
import { cursorSchema, idSchema, imageUrlSchema, limitSchema, priceCentsSchema } from './common';
import { text } from './text';
import { variationTableInput } from './variations';

// Tags and materials are typed comma-separated in the listing form, which shows these words.
const tagSchema = text().toLowerCase().min(1).max(40, 'Keep each tag or material to 40 characters or fewer.');

const productFields = {
  title: text().min(3, 'Title needs at least 3 characters.').max(140),
  description: text({ multiline: true }).max(5000),
  priceCents: priceCentsSchema,
  quantity: z.number().int().min(0).max(10_000),
  categorySlug: text().min(1).max(60),
  tags: z.array(tagSchema).max(13, 'Use at most 13 tags.'),
  // Stored under canonical names ("925 silver" -> "sterling silver") so the materials facet
  // counts one thing once (src/shared/materials.ts).
  materials: z.array(tagSchema.transform(canonicalMaterial)).max(13, 'List at most 13 materials.'),
  isVintage: z.boolean(),
  images: z.array(imageUrlSchema).max(10),
  /** Null or omitted: no personalisation. The buyer's text is checked against it (issue 16 item 4). */
  personalization: z
    .object({
      prompt: text({ multiline: true })
        .min(3, 'Tell buyers what to write (e.g. Name to engrave, max 12 letters).')
        .max(500),
      maxChars: z
        .number()
        .int('Enter a whole number of characters.')
        .min(1, 'Allow at least 1 character.')
        .max(MAX_PERSONALIZATION_CHARS, `At most ${MAX_PERSONALIZATION_CHARS} characters.`),
      required: z.boolean(),
    })
    .nullable()
    .optional(),
  /** Business days to make and dispatch; null or omitted: the shop's processing time. */
  processing: z
    .object({
      minDays: z.number().int().min(0, 'Enter 0 days or more.').max(90, 'Use at most 90 days.'),
      maxDays: z.number().int().min(0, 'Enter 0 days or more.').max(90, 'Use at most 90 days.'),
    })
    .refine((p) => p.minDays <= p.maxDays, {
      message: 'The longest time cannot be shorter than the shortest.',
      path: ['maxDays'],
    })
    .nullable()
    .optional(),
  /** Made to order: no stock to count, only a processing time (decision 0081). */
  madeToOrder: z.boolean().optional(),
};

export const createProductInput = z.object({
  shopId: idSchema,
  ...productFields,
  /**
   * Published with its variations in one go (issue 16 item 6): the same table as
   * catalog.setVariations; price and quantity then come from the combinations.
   */
  variations: variationTableInput.optional(),
});
export type CreateProductInput = z.infer<typeof createProductInput>;

export const updateProductInput = z.object({ productId: idSchema, ...productFields }).partial({
  title: true,
  description: true,
  priceCents: true,
  quantity: true,
  categorySlug: true,
  tags: true,
  materials: true,
  isVintage: true,
  images: true,
  personalization: true,
  processing: true,
  madeToOrder: true,
});
export type UpdateProductInput = z.infer<typeof updateProductInput>;

export const productIdInput = z.object({ productId: idSchema });
/** Availability of a listing, or of one of its combinations when `variantId` is given. */
export const availabilityInput = z.object({ productId: idSchema, variantId: idSchema.optional() });
export const shopProductsInput = z.object({
  shopId: idSchema,
  /** Only the listings in this section of the shop (issue 18.3). */
  sectionId: idSchema.optional(),
  cursor: cursorSchema,
  limit: limitSchema,
});

export interface ProductCard {
  id: number;
  title: string;
  priceCents: number;
  /** A listing with variations priced differently: its highest price (the card says "From"). */
  priceMaxCents?: number | null;
  image: string | null;
  shopId: number;
  shopName: string;
  isVintage: boolean;
  available: number;
  rating: number;
  /** How many reviews the rating averages, so "★ 5.0" says "(1)" when it is one review. */
  reviewCount: number;
}

export interface CategoryNode {
  slug: string;
  name: string;
  children: CategoryNode[];
}

/** A listing's variations as a buyer picks them (decision 0080). */
export interface ProductVariationsDto {
  properties: { name: string; values: string[] }[];
  /** Every combination the seller offers; `enabled: false` ones are shown as unavailable. */
  /** `inCarts`: units held in shoppers' carts (none of them free: "In someone's cart", not sold out). */
  combinations: {
    id: number;
    values: string[];
    priceCents: number;
    available: number;
    inCarts: number;
    enabled: boolean;
  }[];
}

export interface ProductDto {
  id: number;
  title: string;
  description: string;
  /** The price; for a listing with variations, the lowest ("from"). */
  priceCents: number;
  /** With variations: the highest price when it differs from `priceCents`; otherwise null. */
  priceMaxCents: number | null;
  /** Null: no variations (one price, one quantity). */
  variations: ProductVariationsDto | null;
  /** Null: the listing takes no personalisation. */
  personalization: { prompt: string; maxChars: number; required: boolean } | null;
  /** Business days to make and dispatch: the listing's own, or the shop's default (`shopDefault`). */
  processing: { minDays: number; maxDays: number; madeToOrder: boolean; shopDefault: boolean };
  quantity: number;
  available: number;
  isVintage: boolean;
  status: 'active' | 'archived';
  category: { slug: string; name: string };
  tags: string[];
  materials: string[];
  images: string[];
  shop: { id: number; slug: string; name: string; rating: number };
  rating: number;
  reviewCount: number;
  favoriteCount: number;
  inCarts: number;
  createdAt: string;
}
