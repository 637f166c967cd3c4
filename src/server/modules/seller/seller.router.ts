import { sellerDashboardInput } from '../../../shared/schemas/seller';
import { authedProcedure, router } from '../../trpc/trpc';
import { sellerDashboard } from './seller.service';

export const sellerRouter = router({
  dashboard: authedProcedure
    .input(sellerDashboardInput)
    .query(({ ctx, input }) => sellerDashboard(ctx.deps, ctx.user, input)),
});
