import { z } from 'zod';
import { cursorSchema, idSchema, limitSchema } from './common';
import { tooLongMessage } from './issue-messages';
import { text } from './text';

export const REVIEW_TEXT_MAX = 2000;

export const createReviewInput = z.object({
  orderId: idSchema,
  productId: idSchema,
  rating: z
    .number()
    .int('Rating must be a whole number of stars.')
    .min(1, 'Rating is 1 to 5.')
    .max(5, 'Rating is 1 to 5.'),
  text: text({ multiline: true })
    .min(1, 'Write a few words about the item.')
    .max(REVIEW_TEXT_MAX, tooLongMessage('Review', REVIEW_TEXT_MAX)),
});
export type CreateReviewInput = z.infer<typeof createReviewInput>;

export const REVIEW_SORTS = ['newest', 'highest', 'lowest'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];
const reviewSort = z.enum(REVIEW_SORTS).default('newest');

/** One page of a listing's or a shop's reviews. */
const reviewPage = { cursor: cursorSchema, limit: limitSchema, sort: reviewSort };

export const productReviewsInput = z.object({ productId: idSchema, ...reviewPage });
export type ProductReviewsInput = z.infer<typeof productReviewsInput>;

export const shopReviewsInput = z.object({ shopId: idSchema, ...reviewPage });
export type ShopReviewsInput = z.infer<typeof shopReviewsInput>;

export const replyToReviewInput = z.object({
  reviewId: idSchema,
  text: text({ multiline: true })
    .min(1, 'Write a reply.')
    .max(REVIEW_TEXT_MAX, tooLongMessage('Reply', REVIEW_TEXT_MAX)),
});
export type ReplyToReviewInput = z.infer<typeof replyToReviewInput>;

export interface ReviewDto {
  id: number;
  productId: number;
  productTitle: string;
  shopId: number;
  rating: number;
  text: string;
  /** First name and initial only: reviews are public. */
  authorName: string;
  createdAt: string;
  reply: { text: string; repliedAt: string } | null;
}

export interface ReviewPage {
  items: ReviewDto[];
  nextCursor: number | null;
  rating: number;
  reviewCount: number;
  /** How many reviews gave each number of stars, 5 down to 1 (every star present, zeros too). */
  breakdown: { stars: number; count: number }[];
}
