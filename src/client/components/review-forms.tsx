// Writing a review (buyer, per delivered order line) and answering one (the shop's seller, once).
// Both validate with the shared zod schemas before sending, so the limits and messages are the
// server's; server field errors land on the same fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { type Ref, useId } from 'react';
import { Controller } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { createReviewInput, REVIEW_TEXT_MAX, replyToReviewInput } from '../../shared/schemas/reviews';
import { applyServerErrors } from '../lib/form-errors';
import { useCheckedForm } from '../lib/use-checked-form';
import { describeError, trpc } from '../trpc';
import { Field } from './field';
import { StatusButton } from './ui/status-button';

const STAR_WORDS = ['', 'Poor', 'Fair', 'Good', 'Very good', 'Excellent'];

/**
 * Five radio buttons drawn as stars: arrow keys move, each has a spoken label ("4 stars, Very good").
 * `inputRef` goes on the radio that Tab would reach (the chosen one, else the first), so a form
 * can focus the rating when it is the first thing to put right.
 */
export function StarRatingInput({
  value,
  onChange,
  error,
  inputRef,
}: {
  value: number;
  onChange: (rating: number) => void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset className="field star-input" aria-describedby={error ? errorId : undefined}>
      <legend className="label">Your rating</legend>
      <div className="star-input-row">
        <span className="star-input-stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className={n <= value ? 'on' : undefined}>
              <input
                ref={n === (value || 1) ? inputRef : undefined}
                type="radio"
                name={name}
                value={n}
                checked={value === n}
                onChange={() => onChange(n)}
                aria-invalid={error ? true : undefined}
              />
              <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="30" height="30">
                <path d="M12 2.8l2.8 5.9 6.4.8-4.7 4.4 1.2 6.4L12 17.2l-5.7 3.1 1.2-6.4-4.7-4.4 6.4-.8z" />
              </svg>
              <span className="visually-hidden">
                {n} {n === 1 ? 'star' : 'stars'}, {STAR_WORDS[n]}
              </span>
            </label>
          ))}
        </span>
        <span className="star-input-word" aria-hidden="true">
          {value ? STAR_WORDS[value] : 'Choose 1 to 5 stars'}
        </span>
      </div>
      {error && (
        <span className="error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}

function counterHint(length: number): string {
  const left = REVIEW_TEXT_MAX - length;
  return left >= 0
    ? `${length.toLocaleString('en-US')} / ${REVIEW_TEXT_MAX.toLocaleString('en-US')} characters`
    : `${(-left).toLocaleString('en-US')} characters over the ${REVIEW_TEXT_MAX.toLocaleString('en-US')} limit`;
}

const reviewFields = createReviewInput.pick({ rating: true, text: true });
type ReviewFields = z.input<typeof reviewFields>;
const replyFields = replyToReviewInput.pick({ text: true });
type ReplyFields = z.input<typeof replyFields>;

export function ReviewForm({
  orderId,
  productId,
  productTitle,
  onCancel,
  onDone,
}: {
  orderId: number;
  productId: number;
  productTitle: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const trpcUtils = trpc.useUtils();
  const form = useCheckedForm<ReviewFields>({
    resolver: zodResolver(reviewFields),
    defaultValues: { rating: 0, text: '' },
  });
  const create = trpc.reviews.create.useMutation({
    onSuccess: async () => {
      await Promise.all([
        trpcUtils.orders.byId.invalidate({ orderId }),
        trpcUtils.orders.list.invalidate(),
        trpcUtils.reviews.forProduct.invalidate({ productId }),
        trpcUtils.catalog.product.invalidate({ productId }),
      ]);
      toast.success('Thanks! Your review is on the product page.');
      onDone();
    },
    onError: (err) => {
      const message = applyServerErrors(form, err);
      toast.error(message ?? 'Please fix the highlighted fields.');
    },
  });
  const e = form.formState.errors;
  const text = form.watch('text') ?? '';

  return (
    <form
      className="review-form"
      noValidate
      onSubmit={form.handleSubmit((v) => create.mutate({ orderId, productId, rating: v.rating, text: v.text }))}
      aria-label={`Review ${productTitle}`}
    >
      <Controller
        control={form.control}
        name="rating"
        render={({ field }) => (
          <StarRatingInput
            value={field.value}
            // So that react-hook-form can focus the rating (a server error on it, an empty submit).
            inputRef={field.ref}
            onChange={(n) => {
              field.onChange(n);
              field.onBlur();
            }}
            error={e.rating ? 'Choose a rating from 1 to 5 stars.' : undefined}
          />
        )}
      />
      <Field label="Your review" hint={counterHint(text.length)} error={e.text?.message}>
        <textarea
          className="textarea"
          placeholder="How is it in real life? Quality, size, how it arrived…"
          maxLength={REVIEW_TEXT_MAX}
          {...form.register('text')}
        />
      </Field>
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </button>
        <StatusButton pending={create.isPending} pendingLabel="Posting…">
          Post review
        </StatusButton>
      </div>
    </form>
  );
}

export function ReplyForm({
  reviewId,
  productId,
  onCancel,
  onDone,
}: {
  reviewId: number;
  productId: number;
  onCancel: () => void;
  onDone: () => void;
}) {
  const trpcUtils = trpc.useUtils();
  const form = useCheckedForm<ReplyFields>({
    resolver: zodResolver(replyFields),
    defaultValues: { text: '' },
  });
  const reply = trpc.reviews.reply.useMutation({
    onSuccess: async () => {
      await Promise.all([
        trpcUtils.reviews.forProduct.invalidate({ productId }),
        trpcUtils.reviews.forShop.invalidate(),
      ]);
      toast.success('Reply posted.');
      onDone();
    },
    onError: (err) => {
      const message = applyServerErrors(form, err);
      toast.error(message ?? 'Please fix your reply.');
      // Someone (another tab) replied first: show theirs.
      if (describeError(err).code === 'CONFLICT') void trpcUtils.reviews.forProduct.invalidate({ productId });
    },
  });
  const text = form.watch('text') ?? '';

  return (
    <form
      className="review-form reply-form"
      noValidate
      onSubmit={form.handleSubmit((v) => reply.mutate({ reviewId, text: v.text }))}
      aria-label="Reply to this review"
    >
      <Field
        label="Your public reply"
        hint={`${counterHint(text.length)} · You can reply once.`}
        error={form.formState.errors.text?.message}
      >
        <textarea
          className="textarea"
          maxLength={REVIEW_TEXT_MAX}
          // biome-ignore lint/a11y/noAutofocus: the seller just asked to reply; the box is where they type
          autoFocus
          {...form.register('text')}
        />
      </Field>
      <div className="form-actions">
        <button type="button" className="btn btn-ghost btn-sm" onClick={onCancel} disabled={reply.isPending}>
          Cancel
        </button>
        <StatusButton className="btn btn-primary btn-sm" pending={reply.isPending} pendingLabel="Posting…">
          Post reply
        </StatusButton>
      </div>
    </form>
  );
}
