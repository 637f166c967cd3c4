import { z } from 'zod';
import type { ProductCard } from './catalog';
import { idSchema } from './common';

/** `favorited` omitted flips the current state; given, it sets that state (safe to retry). */
export const toggleProductFavoriteInput = z.object({ productId: idSchema, favorited: z.boolean().optional() });
export type ToggleProductFavoriteInput = z.infer<typeof toggleProductFavoriteInput>;

export const toggleShopFavoriteInput = z.object({ shopId: idSchema, favorited: z.boolean().optional() });
export type ToggleShopFavoriteInput = z.infer<typeof toggleShopFavoriteInput>;

export interface FavoriteToggleResult {
  favorited: boolean;
  favoriteCount: number;
}

export interface FavoriteShopCard {
  id: number;
  slug: string;
  name: string;
  tagline: string;
  logoUrl: string | null;
  rating: number;
  reviewCount: number;
  favoriteCount: number;
  favoritedAt: string;
}

export interface FavoritesDto {
  products: (ProductCard & { favoritedAt: string })[];
  shops: FavoriteShopCard[];
}
