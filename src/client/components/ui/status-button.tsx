// A submit/action button that says what it is doing: a spinner and a "…ing" label while pending,
// aria-busy and aria-disabled so a second click cannot send the same request twice. Not `disabled`
// while pending: a disabled button drops keyboard focus to <body>, and the next Tab starts again at
// "Skip to content". The `disabled` prop still disables it for real (nothing to send yet).
import type { ButtonHTMLAttributes, ReactNode } from 'react';

export function StatusButton({
  pending,
  pendingLabel,
  children,
  className = 'btn btn-primary',
  disabled,
  type = 'submit',
  onClick,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { pending: boolean; pendingLabel: ReactNode }) {
  return (
    <button
      {...rest}
      type={type}
      className={className}
      disabled={disabled}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      onClick={(e) => {
        // Cancels the press, and the form submission a submit button (or Enter in a field) would start.
        if (pending) return e.preventDefault();
        onClick?.(e);
      }}
    >
      {pending ? (
        <>
          <span className="spinner" aria-hidden="true" /> {pendingLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}
