import { z } from 'zod';
import { idSchema } from './common';

export const MAX_WATCHED_PRODUCTS = 100;

export const watchInventoryInput = z.object({
  productIds: z
    .array(idSchema)
    .min(1, 'Watch at least one product')
    .max(MAX_WATCHED_PRODUCTS, `Watch at most ${MAX_WATCHED_PRODUCTS} products at once`),
});
export type WatchInventoryInput = z.infer<typeof watchInventoryInput>;

export interface AvailabilityEventDto {
  productId: number;
  available: number;
}
