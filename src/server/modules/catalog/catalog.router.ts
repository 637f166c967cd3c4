import {
  createProductInput,
  productIdInput,
  shopProductsInput,
  updateProductInput,
} from '../../../shared/schemas/catalog';
import { setVariationsInput, variationsOfInput } from '../../../shared/schemas/variations';
import { listingOwnerProcedure, shopOwnerProcedure } from '../../trpc/ownership';
import { publicProcedure, router } from '../../trpc/trpc';
import { availabilityProcedure } from '../inventory/inventory.router';
import { listingVariations, setVariations } from '../variations/variations.service';
import {
  archiveProduct,
  categoryTree,
  createProduct,
  restoreProduct,
  shopProducts,
  updateProduct,
  viewProduct,
} from './catalog.service';

export const catalogRouter = router({
  categories: publicProcedure.query(({ ctx }) => categoryTree(ctx.deps.readDb)),
  createProduct: shopOwnerProcedure
    .input(createProductInput)
    .mutation(({ ctx, input }) => createProduct(ctx.deps.db, ctx.shop.id, input)),
  updateProduct: listingOwnerProcedure
    .input(updateProductInput)
    .mutation(({ ctx, input }) => updateProduct(ctx.deps, ctx.listing.id, input)),
  archiveProduct: listingOwnerProcedure
    .input(productIdInput)
    .mutation(({ ctx }) => archiveProduct(ctx.deps, ctx.listing.id)),
  restoreProduct: listingOwnerProcedure
    .input(productIdInput)
    .mutation(({ ctx }) => restoreProduct(ctx.deps, ctx.listing.id)),
  product: publicProcedure
    .input(productIdInput)
    .query(({ ctx, input }) => viewProduct(ctx.deps, ctx.user, input.productId)),
  availability: availabilityProcedure,
  setVariations: listingOwnerProcedure
    .input(setVariationsInput)
    .mutation(({ ctx, input }) => setVariations(ctx.deps, { ...input, productId: ctx.listing.id })),
  variations: listingOwnerProcedure
    .input(variationsOfInput)
    .query(({ ctx }) => listingVariations(ctx.deps, ctx.listing.id)),
  shopProducts: publicProcedure
    .input(shopProductsInput)
    .query(({ ctx, input }) => shopProducts(ctx.deps.readDb, input.shopId, input.cursor, input.limit, input.sectionId)),
});
