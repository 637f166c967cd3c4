// The address book: saved shipping addresses, one of them the default (prefilled at checkout).
import { z } from 'zod';
import { shippingAddressSchema } from './checkout';
import { idSchema } from './common';
import type { ShippingAddressDto } from './orders';

export const MAX_SAVED_ADDRESSES = 20;

export const createAddressInput = z.object({
  address: shippingAddressSchema,
  makeDefault: z.boolean().optional(),
});
export type CreateAddressInput = z.infer<typeof createAddressInput>;

export const updateAddressInput = z.object({ addressId: idSchema, address: shippingAddressSchema });
export type UpdateAddressInput = z.infer<typeof updateAddressInput>;

export const addressIdInput = z.object({ addressId: idSchema });

export interface SavedAddressDto {
  id: number;
  address: ShippingAddressDto;
  isDefault: boolean;
}
