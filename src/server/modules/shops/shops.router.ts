import { createShopInput, setVacationInput, shopBySlugInput, updateShopInput } from '../../../shared/schemas/shops';
import { shopOwnerProcedure } from '../../trpc/ownership';
import { authedProcedure, publicProcedure, router } from '../../trpc/trpc';
import { setVacation } from './shop-vacation';
import { createShop, myShop, shopBySlug, updateShop } from './shops.service';

export const shopsRouter = router({
  create: authedProcedure.input(createShopInput).mutation(({ ctx, input }) => createShop(ctx.deps, ctx.user.id, input)),
  update: shopOwnerProcedure
    .input(updateShopInput)
    .mutation(({ ctx, input }) => updateShop(ctx.deps.db, ctx.shop, input)),
  bySlug: publicProcedure.input(shopBySlugInput).query(({ ctx, input }) => shopBySlug(ctx.deps.readDb, input.slug)),
  setVacation: shopOwnerProcedure
    .input(setVacationInput)
    .mutation(({ ctx, input }) => setVacation(ctx.deps, ctx.shop, input)),
  mine: authedProcedure.query(({ ctx }) => myShop(ctx.deps.db, ctx.user.id)),
});
