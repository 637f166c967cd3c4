import { z } from 'zod';
import { centsSchema, idSchema, imageUrlSchema, slugSchema } from './common';
import { tooLongMessage } from './issue-messages';
import type { ShopPoliciesDto } from './storefront';
import { text } from './text';

export const shippingPolicySchema = z.object({
  flatRateCents: centsSchema.max(100_000),
  freeOverCents: centsSchema.nullable(),
  processingDays: z.number().int().min(0).max(60),
});
export type ShippingPolicy = z.infer<typeof shippingPolicySchema>;

const shopFields = {
  name: text().min(2, 'Shop name needs at least 2 characters.').max(80),
  slug: slugSchema.optional(),
  tagline: text().max(140).optional(),
  description: text({ multiline: true }).max(5000).optional(),
  logoUrl: imageUrlSchema.nullable().optional(),
  bannerUrl: imageUrlSchema.nullable().optional(),
  shippingPolicy: shippingPolicySchema,
};

export const createShopInput = z.object(shopFields);
export type CreateShopInput = z.infer<typeof createShopInput>;

/** Optional text on update: '' (or only spaces, trimmed away) removes it; omitted leaves it as is. */
export const updateShopInput = z
  .object({ shopId: idSchema, ...shopFields })
  .partial({ name: true, shippingPolicy: true });
export type UpdateShopInput = z.infer<typeof updateShopInput>;

export const shopBySlugInput = z.object({ slug: text().toLowerCase().min(1).max(60) });

export interface ShopDto {
  id: number;
  slug: string;
  name: string;
  tagline: string;
  description: string;
  logoUrl: string | null;
  bannerUrl: string | null;
  rating: number;
  reviewCount: number;
  salesCount: number;
  favoriteCount: number;
  shippingPolicy: ShippingPolicy;
  createdAt: string;
  /** Vacation mode: listings visible, nothing can be added to a cart (issue 18.5). */
  vacation: ShopVacation | null;
  /** Shown at the top of the shop page; '' when none. */
  announcement: string;
  policies: ShopPoliciesDto;
}

export interface ShopVacation {
  message: string;
  /** YYYY-MM-DD, or null when the seller gave no date. */
  returnsOn: string | null;
  since: string;
}

export const VACATION_MESSAGE_MAX = 500;
/** The seller picks the return date in a calendar: messages speak of the day, never of its format. */
export const VACATION_RETURN_TOO_FAR = 'Pick a return date within the next year.';

/** The latest return date from a day (YYYY-MM-DD): the same day a year later (Feb 29 → Mar 1). */
export function latestVacationReturn(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

// A year of more than 4 digits ("202777", typed into the date picker) fails here.
const isoDate = text()
  .regex(/^\d{4}-\d{2}-\d{2}$/, VACATION_RETURN_TOO_FAR)
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'That date does not exist. Pick another day.',
  );

export const setVacationInput = z
  .object({
    shopId: idSchema,
    on: z.boolean(),
    message: text({ multiline: true })
      .max(VACATION_MESSAGE_MAX, tooLongMessage('Message for shoppers', VACATION_MESSAGE_MAX))
      .optional(),
    returnsOn: isoDate.nullish(),
  })
  .refine((v) => !v.on || (v.message ?? '').length > 0, {
    message: 'Write a short message for shoppers: why you are away and when you are back.',
    path: ['message'],
  });
export type SetVacationInput = z.infer<typeof setVacationInput>;
