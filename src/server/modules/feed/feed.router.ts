import { alsoBoughtInput, recordViewInput } from '../../../shared/schemas/feed';
import { publicProcedure, router } from '../../trpc/trpc';
import { alsoBought, homeFeed } from './feed.service';
import { recordView } from './record-view';

export const feedRouter = router({
  home: publicProcedure.query(({ ctx }) => homeFeed(ctx.deps, ctx.user)),
  alsoBought: publicProcedure
    .input(alsoBoughtInput)
    .query(({ ctx, input }) => alsoBought(ctx.deps, ctx.user, input.productId, input.limit)),
  // Signed-out views are not recorded: there is nobody to personalise for.
  recordView: publicProcedure
    .input(recordViewInput)
    .mutation(({ ctx, input }) =>
      ctx.user ? recordView(ctx.deps, ctx.user.id, input.productId) : { recorded: false },
    ),
});
