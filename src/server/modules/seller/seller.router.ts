import { sellerDashboardInput, sellerListingsInput } from '../../../shared/schemas/seller';
import { shopOwnerProcedure } from '../../trpc/ownership';
import { router } from '../../trpc/trpc';
import { sellerDashboard, sellerListings } from './seller.service';

export const sellerRouter = router({
  dashboard: shopOwnerProcedure
    .input(sellerDashboardInput)
    .query(({ ctx, input }) => sellerDashboard(ctx.deps, ctx.shop, input)),
  listings: shopOwnerProcedure
    .input(sellerListingsInput)
    .query(({ ctx, input }) => sellerListings(ctx.deps, ctx.shop.id, input)),
});
