// catalog.availability lives here and is mounted on the catalog router (the contract's name).
import { availabilityInput } from '../../../shared/schemas/catalog';
import { publicProcedure } from '../../trpc/trpc';
import { currentCartOwner } from '../cart/cart-owner';
import { productAvailability } from './inventory.service';

export const availabilityProcedure = publicProcedure
  .input(availabilityInput)
  .query(({ ctx, input }) =>
    productAvailability(
      ctx.deps,
      input.productId,
      currentCartOwner(ctx),
      ctx.user?.shopId ?? null,
      input.variantId ?? null,
    ),
  );
