// Writing a review (buyer, per delivered order line) and answering one (the shop's seller, once).
// Both validate with the shared zod schemas before sending, so the limits and messages are the
// server's; server field errors land on the same fields.
import { useId, useState } from 'react';
import { toast } from 'sonner';
import { createReviewInput, REVIEW_TEXT_MAX, replyToReviewInput } from '../../shared/schemas/reviews';
import { describeError, trpc } from '../trpc';
import { Field } from './field';

const STAR_WORDS = ['', 'Poor', 'Fair', 'Good', 'Very good', 'Excellent'];

/** Five radio buttons drawn as stars: arrow keys move, each has a spoken label ("4 stars, Very good"). */
export function StarRatingInput({
  value,
  onChange,
  error,
}: {
  value: number;
  onChange: (rating: number) => void;
  error?: string;
}) {
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset className="field star-input" aria-describedby={error ? errorId : undefined}>
      <legend className="label">Your rating</legend>
      <div className="star-input-row">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={n <= value ? 'on' : undefined}>
            <input
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

function fieldErrorsOf(err: unknown): { fields: Record<string, string>; message: string } {
  const info = describeError(err);
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(info.fieldErrors)) fields[k] = v[0] ?? 'Invalid';
  return { fields, message: info.message };
}

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
  const [rating, setRating] = useState(0);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
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
      const { fields, message } = fieldErrorsOf(err);
      setErrors(fields);
      toast.error(Object.keys(fields).length ? 'Please fix the highlighted fields.' : message);
    },
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = createReviewInput.safeParse({ orderId, productId, rating, text });
    if (!parsed.success) {
      const fe: Record<string, string> = {};
      for (const issue of parsed.error.issues) fe[String(issue.path[0])] ??= issue.message;
      if (fe.rating) fe.rating = 'Choose a rating from 1 to 5 stars';
      setErrors(fe);
      return;
    }
    setErrors({});
    create.mutate(parsed.data);
  }

  return (
    <form className="review-form" noValidate onSubmit={submit} aria-label={`Review ${productTitle}`}>
      <StarRatingInput
        value={rating}
        onChange={(n) => {
          setRating(n);
          setErrors(({ rating: _r, ...rest }) => rest);
        }}
        error={errors.rating}
      />
      <Field label="Your review" hint={counterHint(text.length)} error={errors.text}>
        <textarea
          className="textarea"
          value={text}
          placeholder="How is it in real life? Quality, size, how it arrived…"
          onChange={(e) => {
            setText(e.target.value);
            if (errors.text) setErrors(({ text: _t, ...rest }) => rest);
          }}
          maxLength={REVIEW_TEXT_MAX}
        />
      </Field>
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? (
            <>
              <span className="spinner" aria-hidden="true" /> Posting…
            </>
          ) : (
            'Post review'
          )}
        </button>
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
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const reply = trpc.reviews.reply.useMutation({
    onSuccess: async () => {
      await trpcUtils.reviews.forProduct.invalidate({ productId });
      toast.success('Reply posted');
      onDone();
    },
    onError: (err) => {
      const { fields, message } = fieldErrorsOf(err);
      setError(fields.text);
      toast.error(fields.text ? 'Please fix your reply.' : message);
      // Someone (another tab) replied first: show theirs.
      if (describeError(err).code === 'CONFLICT') void trpcUtils.reviews.forProduct.invalidate({ productId });
    },
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = replyToReviewInput.safeParse({ reviewId, text });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Write a reply');
      return;
    }
    setError(undefined);
    reply.mutate(parsed.data);
  }

  return (
    <form className="review-form reply-form" noValidate onSubmit={submit} aria-label="Reply to this review">
      <Field label="Your public reply" hint={`${counterHint(text.length)} · You can reply once.`} error={error}>
        <textarea
          className="textarea"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(undefined);
          }}
          maxLength={REVIEW_TEXT_MAX}
          // biome-ignore lint/a11y/noAutofocus: the seller just asked to reply; the box is where they type
          autoFocus
        />
      </Field>
      <div className="form-actions">
        <button type="button" className="btn btn-ghost btn-sm" onClick={onCancel} disabled={reply.isPending}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary btn-sm" disabled={reply.isPending}>
          {reply.isPending ? (
            <>
              <span className="spinner" aria-hidden="true" /> Posting…
            </>
          ) : (
            'Post reply'
          )}
        </button>
      </div>
    </form>
  );
}
