import { toggleProductFavoriteInput, toggleShopFavoriteInput } from '../../../shared/schemas/favorites';
import { authedProcedure, router } from '../../trpc/trpc';
import { listFavorites, toggleProductFavorite, toggleShopFavorite } from './favorites.service';

export const favoritesRouter = router({
  list: authedProcedure.query(({ ctx }) => listFavorites(ctx.deps, ctx.user.id)),
  toggleProduct: authedProcedure
    .input(toggleProductFavoriteInput)
    .mutation(({ ctx, input }) => toggleProductFavorite(ctx.deps, ctx.user.id, input)),
  toggleShop: authedProcedure
    .input(toggleShopFavoriteInput)
    .mutation(({ ctx, input }) => toggleShopFavorite(ctx.deps, ctx.user.id, input)),
});
