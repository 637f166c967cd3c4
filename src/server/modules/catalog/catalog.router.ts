import {
  createProductInput,
  productIdInput,
  shopProductsInput,
  updateProductInput,
} from '../../../shared/schemas/catalog';
import { authedProcedure, publicProcedure, router } from '../../trpc/trpc';
import { availabilityProcedure } from '../inventory/inventory.router';
import { recordViewInBackground } from '../feed/record-view';
import {
  archiveProduct,
  categoryTree,
  createProduct,
  getProduct,
  shopProducts,
  updateProduct,
} from './catalog.service';

export const catalogRouter = router({
  categories: publicProcedure.query(({ ctx }) => categoryTree(ctx.deps.db)),
  createProduct: authedProcedure
    .input(createProductInput)
    .mutation(({ ctx, input }) => createProduct(ctx.deps.db, ctx.user, input)),
  updateProduct: authedProcedure
    .input(updateProductInput)
    .mutation(({ ctx, input }) => updateProduct(ctx.deps.db, ctx.user, input)),
  archiveProduct: authedProcedure
    .input(productIdInput)
    .mutation(({ ctx, input }) => archiveProduct(ctx.deps.db, ctx.user, input.productId)),
  product: publicProcedure.input(productIdInput).query(async ({ ctx, input }) => {
    const product = await getProduct(ctx.deps.db, input.productId);
    if (ctx.user) recordViewInBackground(ctx.deps, ctx.user.id, input.productId);
    return product;
  }),
  availability: availabilityProcedure,
  shopProducts: publicProcedure
    .input(shopProductsInput)
    .query(({ ctx, input }) => shopProducts(ctx.deps.db, input.shopId, input.cursor, input.limit)),
});
