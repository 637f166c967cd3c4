import { alsoBoughtInput, recordViewInput } from '../../../shared/schemas/feed';
import { publicProcedure, router } from '../../trpc/trpc';
import { alsoBought, homeFeed } from './feed.service';
import { recordShopperView } from './record-view';

export const feedRouter = router({
  home: publicProcedure.query(({ ctx }) => homeFeed(ctx.deps, ctx.user)),
  alsoBought: publicProcedure
    .input(alsoBoughtInput)
    .query(({ ctx, input }) => alsoBought(ctx.deps, ctx.user, input.productId, input.limit)),
  recordView: publicProcedure
    .input(recordViewInput)
    .mutation(({ ctx, input }) => recordShopperView(ctx.deps, ctx.user, input.productId)),
});
