import { z } from 'zod';
import { idSchema } from './common';

export const MAX_WATCHED_PRODUCTS = 100;

export const watchInventoryInput = z.object({
  productIds: z
    .array(idSchema)
    .min(1, 'Watch at least one product.')
    .max(MAX_WATCHED_PRODUCTS, `Watch at most ${MAX_WATCHED_PRODUCTS} products at once.`),
});
export type WatchInventoryInput = z.infer<typeof watchInventoryInput>;

export interface AvailabilityEventDto {
  productId: number;
  /** Units of the listing (all its combinations) that can still be added to a cart. */
  available: number;
  /** A listing with variations: the same per combination, by combination id. */
  variants?: Record<string, number>;
}
