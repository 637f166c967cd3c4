// Reviews: a buyer reviews each delivered order line once; the seller may answer once.
// The review and the product and shop aggregates commit together. Whose order or review it is was
// decided before these run (trpc/ownership.ts); the rules here are about the purchase itself.
import { DomainError } from '../../../shared/errors';
import type {
  CreateReviewInput,
  ProductReviewsInput,
  ReviewDto,
  ReviewPage,
  ShopReviewsInput,
} from '../../../shared/schemas/reviews';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../auth/auth.session';
import { announceNotifications } from '../notifications/notification-events';
import { tellSellerOfReview } from './review-notice';
import {
  enqueueShopProductsForSearch,
  findOrderLineForReview,
  findReview,
  insertReview,
  listReviews,
  lockProductForRating,
  lockShopForRating,
  productRatingSummary,
  type ReviewRow,
  ratingBreakdown,
  refreshProductRating,
  refreshShopRating,
  setReplyOnce,
  shopRatingSummary,
} from './reviews.repository';

const PAGE_SIZE = 20;

/** Reviews are public: show a first name and an initial, never the full name. */
function publicName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0] ?? 'A shopper';
  const last = parts.length > 1 ? ` ${parts.at(-1)?.[0]?.toUpperCase()}.` : '';
  return `${first}${last}`;
}

function toReviewDto(row: ReviewRow): ReviewDto {
  return {
    id: row.id,
    productId: row.product_id,
    productTitle: row.product_title,
    shopId: row.shop_id,
    rating: row.rating,
    text: row.text,
    authorName: publicName(row.author_name),
    createdAt: row.created_at.toISOString(),
    reply: row.reply && row.replied_at ? { text: row.reply, repliedAt: row.replied_at.toISOString() } : null,
  };
}

/** The parties of the order being reviewed, as loaded from the database. */
export interface ReviewedOrder {
  id: number;
  shopId: number;
  ownerId: number;
}

/** `order` is one the caller bought (the orderBuyer procedure checked it). */
export async function createReview(
  deps: AppDeps,
  user: SessionUser,
  reviewed: ReviewedOrder,
  input: CreateReviewInput,
): Promise<ReviewDto> {
  // Decided from the shop's owner in the database, never from the session's cached shopId: a user
  // who opened a shop in another browser must not praise their own listing from this one.
  if (reviewed.ownerId === user.id)
    throw new DomainError('OWN_PRODUCT', 'You cannot review listings from your own shop.');
  const reviewId = await inTransaction(deps.db, async (tx) => {
    const lines = await findOrderLineForReview(tx, reviewed.id, input.productId);
    const order = lines[0];
    if (!order) throw new DomainError('NOT_FOUND', 'Order not found.');
    if (order.order_item_id === null) throw new DomainError('BAD_REQUEST', 'That item is not part of this order.');
    if (order.status !== 'delivered')
      throw new DomainError('PRECONDITION_FAILED', 'You can review an item once its order has been delivered.', {
        orderStatus: order.status,
      });
    const line = lines.find((l) => l.review_id === null);
    if (!line?.order_item_id)
      throw new DomainError('ALREADY_REVIEWED', 'You have already reviewed this item from this order.');

    const product = await lockProductForRating(tx, input.productId);
    if (!product) throw new DomainError('NOT_FOUND', 'Listing not found.');
    const shop = await lockShopForRating(tx, order.shop_id);
    const { id } = await insertReview(tx, {
      order_item_id: line.order_item_id,
      product_id: input.productId,
      shop_id: order.shop_id,
      user_id: user.id,
      rating: input.rating,
      text: input.text,
    }); // a concurrent duplicate hits the unique index: ALREADY_REVIEWED (db/unique-violation.ts)
    await refreshProductRating(tx, input.productId);
    const after = await refreshShopRating(tx, order.shop_id);
    if (after.rating !== shop.rating) await enqueueShopProductsForSearch(tx, order.shop_id);
    await tellSellerOfReview(deps, tx, {
      reviewId: id,
      ownerId: reviewed.ownerId,
      shopId: order.shop_id,
      productId: input.productId,
      productTitle: product.title,
      reviewerName: user.name,
      rating: input.rating,
    });
    return id;
  });
  void announceNotifications(deps, [reviewed.ownerId]);
  const row = await findReview(deps.db, reviewId);
  if (!row) throw new DomainError('NOT_FOUND', 'Review not found.');
  return toReviewDto(row);
}

export async function productReviews(deps: AppDeps, input: ProductReviewsInput): Promise<ReviewPage> {
  const summary = await productRatingSummary(deps.readDb, input.productId);
  if (!summary) throw new DomainError('NOT_FOUND', 'Listing not found.');
  const limit = input.limit ?? PAGE_SIZE;
  const by = { productId: input.productId };
  const [rows, breakdown] = await Promise.all([
    listReviews(deps.readDb, by, input.sort, input.cursor, limit),
    ratingBreakdown(deps.readDb, by),
  ]);
  return page(rows, limit, summary, breakdown);
}

export async function shopReviews(deps: AppDeps, input: ShopReviewsInput): Promise<ReviewPage> {
  const summary = await shopRatingSummary(deps.readDb, input.shopId);
  if (!summary) throw new DomainError('NOT_FOUND', 'Shop not found.');
  const limit = input.limit ?? PAGE_SIZE;
  const by = { shopId: input.shopId };
  const [rows, breakdown] = await Promise.all([
    listReviews(deps.readDb, by, input.sort, input.cursor, limit),
    ratingBreakdown(deps.readDb, by),
  ]);
  return page(rows, limit, summary, breakdown);
}

function page(
  rows: ReviewRow[],
  limit: number,
  summary: { rating: number; review_count: number },
  breakdown: ReviewPage['breakdown'],
): ReviewPage {
  const items = rows.slice(0, limit);
  return {
    items: items.map(toReviewDto),
    nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null,
    rating: summary.rating,
    reviewCount: summary.review_count,
    breakdown,
  };
}

/** Answers a review left on the caller's shop (the reviewShopOwner procedure checked it). */
export async function replyToReview(deps: AppDeps, reviewId: number, text: string): Promise<ReviewDto> {
  if (!(await setReplyOnce(deps.db, reviewId, text)))
    throw new DomainError('CONFLICT', 'This review already has a reply.');
  const row = await findReview(deps.db, reviewId);
  if (!row) throw new DomainError('NOT_FOUND', 'Review not found.');
  return toReviewDto(row);
}
