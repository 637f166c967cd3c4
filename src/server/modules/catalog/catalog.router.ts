import {
  createProductInput,
  productIdInput,
  shopProductsInput,
  updateProductInput,
} from '../../../shared/schemas/catalog';
import { authedProcedure, publicProcedure, router } from '../../trpc/trpc';
import { recordViewInBackground } from '../feed/record-view';
import { availabilityProcedure } from '../inventory/inventory.router';
import { publishAvailability } from '../realtime/inventory-events';
import {
  archiveProduct,
  categoryTree,
  createProduct,
  getProduct,
  restoreProduct,
  shopProducts,
  updateProduct,
} from './catalog.service';

export const catalogRouter = router({
  categories: publicProcedure.query(({ ctx }) => categoryTree(ctx.deps.db)),
  createProduct: authedProcedure
    .input(createProductInput)
    .mutation(({ ctx, input }) => createProduct(ctx.deps.db, ctx.user, input)),
  // Restocks, quantity edits and archiving change availability: tell open pages after commit.
  updateProduct: authedProcedure.input(updateProductInput).mutation(async ({ ctx, input }) => {
    const product = await updateProduct(ctx.deps.db, ctx.user, input);
    void publishAvailability(ctx.deps, [input.productId]);
    return product;
  }),
  archiveProduct: authedProcedure.input(productIdInput).mutation(async ({ ctx, input }) => {
    const result = await archiveProduct(ctx.deps.db, ctx.user, input.productId);
    void publishAvailability(ctx.deps, [input.productId]);
    return result;
  }),
  restoreProduct: authedProcedure.input(productIdInput).mutation(async ({ ctx, input }) => {
    const result = await restoreProduct(ctx.deps.db, ctx.user, input.productId);
    if (result.restored) void publishAvailability(ctx.deps, [input.productId]);
    return result;
  }),
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
