// Tells a shop's owner of a new review, inside the review's transaction: always in the app, and
// by email only when they asked for it (reviews are off by default; decision 0116).

import { listingPath } from '../../../shared/listing-url';
import type { Tx } from '../../db/kysely';
import type { AppDeps } from '../../deps';
import { enqueueEmail } from '../email/email-outbox.repository';
import { wantsEmail } from '../notifications/email-preferences';
import { insertNotification } from '../notifications/notifications.repository';

export interface NewReview {
  reviewId: number;
  ownerId: number;
  shopId: number;
  productId: number;
  productTitle: string;
  reviewerName: string;
  rating: number;
}

export async function tellSellerOfReview(deps: AppDeps, tx: Tx, r: NewReview): Promise<void> {
  await insertNotification(tx, r.ownerId, 'review.created', {
    reviewId: r.reviewId,
    shopId: r.shopId,
    productId: r.productId,
    productTitle: r.productTitle,
    reviewerName: r.reviewerName,
    rating: r.rating,
  });
  if (!(await wantsEmail(tx, r.ownerId, 'review.created'))) return;
  const owner = await tx.selectFrom('users').select(['name', 'email']).where('id', '=', r.ownerId).executeTakeFirst();
  if (!owner) return;
  const stars = `${r.rating} star${r.rating === 1 ? '' : 's'}`;
  await enqueueEmail(tx, {
    kind: 'notice',
    to: owner.email,
    dedupeKey: `review-created:${r.reviewId}`,
    payload: {
      name: owner.name,
      subject: `New ${stars} review of ${r.productTitle}`,
      heading: `${r.reviewerName} reviewed ${r.productTitle}`,
      paragraphs: [`They gave it ${stars}. Read the review and answer it on Hearth.`],
      action: {
        href: `${deps.config.appUrl}${listingPath(r.productId, r.productTitle)}#reviews`,
        label: 'Read the review',
      },
      reason: 'You get this because you asked for an email when your listings are reviewed.',
      preference: { userId: r.ownerId, event: 'review.created' },
    },
  });
}
