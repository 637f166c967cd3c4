import { z } from 'zod';
import { centsSchema, idSchema, imageUrlSchema, slugSchema } from './common';

export const shippingPolicySchema = z.object({
  flatRateCents: centsSchema.max(100_000),
  freeOverCents: centsSchema.nullable(),
  processingDays: z.number().int().min(0).max(60),
});
export type ShippingPolicy = z.infer<typeof shippingPolicySchema>;

const shopFields = {
  name: z.string().trim().min(2, 'Shop name needs at least 2 characters').max(80),
  slug: slugSchema.optional(),
  tagline: z.string().trim().max(140).optional(),
  description: z.string().trim().max(5000).optional(),
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

export const shopBySlugInput = z.object({ slug: z.string().trim().toLowerCase().min(1).max(60) });

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
