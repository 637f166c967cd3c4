// A submit/action button that says what it is doing: a spinner and a "…ing" label while pending,
// disabled and aria-busy so a second click cannot send the same request twice.
import type { ButtonHTMLAttributes, ReactNode } from 'react';

export function StatusButton({
  pending,
  pendingLabel,
  children,
  className = 'btn btn-primary',
  disabled,
  type = 'submit',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { pending: boolean; pendingLabel: ReactNode }) {
  return (
    <button {...rest} type={type} className={className} disabled={disabled || pending} aria-busy={pending || undefined}>
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
