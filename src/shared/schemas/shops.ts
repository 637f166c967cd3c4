import { z } from 'zod';
import { centsSchema, idSchema, imageUrlSchema, slugSchema } from './common';
import { text } from './text';

export const shippingPolicySchema = z.object({
  flatRateCents: centsSchema.max(100_000),
  freeOverCents: centsSchema.nullable(),
  processingDays: z.number().int().min(0).max(60),
});
export type ShippingPolicy = z.infer<typeof shippingPolicySchema>;

const shopFields = {
  name: text().min(2, 'Shop name needs at least 2 characters').max(80),
  slug: slugSchema.optional(),
  tagline: text().max(140).optional(),
  description: text({ multiline: true }).max(5000).optional(),
  logoUrl: imageUrlSchema.nullable().optional(),
  bannerUrl: imageUrlSchema.nullable().optional(),
  shippingPolicy: shippingPolicySchema,
};

export const createShopInput = z.object(shopFields);
export type CreateShopInput = z.infer<typeof createShopInput>;

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
}
