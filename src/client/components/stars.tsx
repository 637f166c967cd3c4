export function Stars({ rating, count }: { rating: number; count?: number }) {
  if (!rating && !count) return <span className="stars stars-none small">No reviews yet</span>;
  const full = Math.round(rating);
  return (
    <span
      className="stars"
      role="img"
      aria-label={`Rated ${rating.toFixed(1)} out of 5${count !== undefined ? `, ${count} ${count === 1 ? 'review' : 'reviews'}` : ''}`}
    >
      <span aria-hidden="true">
        {'★'.repeat(full)}
        {'☆'.repeat(5 - full)}
      </span>
      {count !== undefined && (
        <span className="count" aria-hidden="true">
          ({count.toLocaleString('en-US')})
        </span>
      )}
    </span>
  );
}
