// The small count on a header icon (cart, messages, notifications): hidden from assistive
// technology because the icon's accessible name already says the number; nothing at zero.
export function CountBadge({ count, testId }: { count: number; testId?: string }) {
  if (count <= 0) return null;
  return (
    <span className="cart-count" aria-hidden="true" data-testid={testId}>
      {count > 99 ? '99+' : count}
    </span>
  );
}
