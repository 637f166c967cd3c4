import {
  createReviewInput,
  productReviewsInput,
  replyToReviewInput,
  shopReviewsInput,
} from '../../../shared/schemas/reviews';
import { orderBuyerProcedure, reviewShopOwnerProcedure } from '../../trpc/ownership';
import { publicProcedure, router } from '../../trpc/trpc';
import { createReview, productReviews, replyToReview, shopReviews } from './reviews.service';

export const reviewsRouter = router({
  create: orderBuyerProcedure
    .input(createReviewInput)
    .mutation(({ ctx, input }) => createReview(ctx.deps, ctx.user, ctx.order, input)),
  forProduct: publicProcedure.input(productReviewsInput).query(({ ctx, input }) => productReviews(ctx.deps, input)),
  forShop: publicProcedure.input(shopReviewsInput).query(({ ctx, input }) => shopReviews(ctx.deps, input)),
  reply: reviewShopOwnerProcedure
    .input(replyToReviewInput)
    .mutation(({ ctx, input }) => replyToReview(ctx.deps, ctx.review.id, input.text)),
});
