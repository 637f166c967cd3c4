import { z } from 'zod';
import type { ProductCard } from './catalog';
import { idSchema } from './common';

export const recordViewInput = z.object({ productId: idSchema });
export type RecordViewInput = z.infer<typeof recordViewInput>;

export const alsoBoughtInput = z.object({ productId: idSchema, limit: z.number().int().positive().max(24).optional() });
export type AlsoBoughtInput = z.infer<typeof alsoBoughtInput>;

export type FeedSectionKey =
  | 'because-favorited'
  | 'because-bought'
  | 'more-in-category'
  | 'new-from-shops'
  | 'trending'
  | 'fresh';

export interface FeedSection {
  /** Unique within one response (e.g. `because-favorited:42`). */
  key: string;
  kind: FeedSectionKey;
  title: string;
  /** Why the shopper sees this section, in words. */
  reason: string;
  /** The app path that shows more of this section (a search the server accepts), or null. */
  seeMore: string | null;
  products: ProductCard[];
}

export interface FeedHomeDto {
  personal: boolean;
  sections: FeedSection[];
}

export interface AlsoBoughtDto {
  products: ProductCard[];
  /** 'co-purchase' when ranked from other buyers' orders, 'similar' when filled with look-alikes. */
  source: 'co-purchase' | 'similar' | 'mixed';
}
