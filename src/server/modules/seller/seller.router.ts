import { sellerDashboardInput, sellerListingsInput } from '../../../shared/schemas/seller';
import { authedProcedure, router } from '../../trpc/trpc';
import { sellerDashboard, sellerListings } from './seller.service';

export const sellerRouter = router({
  dashboard: authedProcedure
    .input(sellerDashboardInput)
    .query(({ ctx, input }) => sellerDashboard(ctx.deps, ctx.user, input)),
  listings: authedProcedure
    .input(sellerListingsInput)
    .query(({ ctx, input }) => sellerListings(ctx.deps, ctx.user, input)),
});
