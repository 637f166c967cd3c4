// Reviews of a product or a whole shop: the average with a breakdown by stars, a sort, pages of
// 10 behind "Show more reviews", and the seller's one reply per review.
import { useRef, useState } from 'react';
import type { ReviewDto, ReviewPage, ReviewSort } from '../../shared/schemas/reviews';
import { formatDate, plural } from '../lib/format';
import { useFocusAfter } from '../lib/use-focus-after';
import { trpc } from '../trpc';
import { ReplyForm } from './review-forms';
import { Stars } from './stars';
import { LoadFailed } from './states';
import { StatusButton } from './ui/status-button';

const PAGE = 10;
/** The first page every reviews section asks for, so a loader can prefetch exactly that. */
export const FIRST_REVIEWS = { sort: 'newest', limit: PAGE } as const;
const sortLabels: Record<ReviewSort, string> = { newest: 'Newest', highest: 'Highest rated', lowest: 'Lowest rated' };

export function ReviewCard({ review: r, canReply }: { review: ReviewDto; canReply: boolean }) {
  const [replying, setReplying] = useState(false);
  return (
    // tabIndex -1: focus lands on the first newly shown review once "Show more reviews" is gone.
    <article className="review" aria-label={`Review by ${r.authorName}`} tabIndex={-1}>
      <Stars rating={r.rating} />
      <p className="review-text">{r.text}</p>
      <div className="who">
        {r.authorName} · {formatDate(r.createdAt)}
      </div>
      {r.reply ? (
        <div className="reply">
          <strong>Reply from the shop:</strong> {r.reply.text}
        </div>
      ) : (
        canReply &&
        (replying ? (
          <ReplyForm
            reviewId={r.id}
            productId={r.productId}
            onCancel={() => setReplying(false)}
            onDone={() => setReplying(false)}
          />
        ) : (
          <div className="review-actions">
            <button
              type="button"
              className="btn btn-sm btn-ghost"
              aria-label={`Reply to ${r.authorName}’s review`}
              onClick={() => setReplying(true)}
            >
              Reply
            </button>
          </div>
        ))
      )}
    </article>
  );
}

function RatingBreakdown({ page }: { page: ReviewPage }) {
  return (
    <div className="rating-summary">
      <div className="rating-big">
        <strong>{page.rating.toFixed(1)}</strong>
        <Stars rating={page.rating} count={page.reviewCount} />
      </div>
      <ul className="rating-bars" aria-label="Ratings by stars">
        {page.breakdown.map((b) => {
          const share = page.reviewCount ? Math.round((b.count / page.reviewCount) * 100) : 0;
          return (
            <li key={b.stars}>
              <span className="rating-bar-label">{b.stars} ★</span>
              <span className="rating-bar" aria-hidden="true">
                <span style={{ width: `${share}%` }} />
              </span>
              <span className="rating-bar-count">
                {b.count.toLocaleString('en-US')}
                <span className="visually-hidden">
                  {' '}
                  {b.count === 1 ? 'review' : 'reviews'} with {b.stars} stars
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function ReviewsSection({
  target,
  canReply,
  title = 'Reviews',
}: {
  target: { productId: number } | { shopId: number };
  canReply: boolean;
  title?: string;
}) {
  const [sort, setSort] = useState<ReviewSort>(FIRST_REVIEWS.sort);
  const opts = { getNextPageParam: (l: ReviewPage) => l.nextCursor ?? undefined };
  // Both hooks are always called (rules of hooks); only the one for this target runs.
  const byProduct = trpc.reviews.forProduct.useInfiniteQuery(
    { productId: 'productId' in target ? target.productId : 0, sort, limit: PAGE },
    { ...opts, enabled: 'productId' in target },
  );
  const byShop = trpc.reviews.forShop.useInfiniteQuery(
    { shopId: 'shopId' in target ? target.shopId : 0, sort, limit: PAGE },
    { ...opts, enabled: 'shopId' in target },
  );
  const reviews = 'productId' in target ? byProduct : byShop;
  const first = reviews.data?.pages[0];
  const items = reviews.data?.pages.flatMap((p) => p.items) ?? [];
  const headingId = 'productId' in target ? 'reviews-title' : 'shop-reviews-title';
  const list = useRef<HTMLDivElement>(null);
  const focusAfter = useFocusAfter();
  const showMore = () => {
    // The button stays focused while it loads (aria-disabled, not disabled); when the last page
    // removes it, focus goes to the first review it brought instead of dropping to <body>.
    const shown = items.length;
    focusAfter(() => list.current?.querySelectorAll<HTMLElement>('article.review')[shown]);
    reviews.fetchNextPage();
  };
  return (
    <section id="reviews" aria-labelledby={headingId} className="reviews-section">
      <div className="section-head">
        <h2 id={headingId}>
          {title}
          {first ? <span className="muted small"> · {plural(first.reviewCount, 'review')}</span> : null}
        </h2>
        {!!first?.reviewCount && (
          <label className="reviews-sort small">
            Sort by{' '}
            <select className="select" value={sort} onChange={(e) => setSort(e.target.value as ReviewSort)}>
              {(Object.keys(sortLabels) as ReviewSort[]).map((s) => (
                <option key={s} value={s}>
                  {sortLabels[s]}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {reviews.isPending ? (
        <div className="skeleton reviews-skeleton" role="status" aria-label="Loading reviews" />
      ) : reviews.isError ? (
        <LoadFailed tone="warn" onRetry={() => reviews.refetch()}>
          Reviews could not be loaded.
        </LoadFailed>
      ) : !first?.reviewCount ? (
        <p className="muted">No reviews yet. Buyers can review after their order is delivered.</p>
      ) : (
        <div className="reviews-layout">
          <RatingBreakdown page={first} />
          <div ref={list}>
            {items.map((r) => (
              <ReviewCard key={r.id} review={r} canReply={canReply} />
            ))}
            {reviews.hasNextPage && (
              <StatusButton
                type="button"
                className="btn"
                pending={reviews.isFetchingNextPage}
                pendingLabel="Loading…"
                onClick={showMore}
              >
                {`Show more reviews (${(first.reviewCount - items.length).toLocaleString('en-US')} more)`}
              </StatusButton>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
