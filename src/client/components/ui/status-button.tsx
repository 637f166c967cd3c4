// A submit/action button that says what it is doing: a spinner and a "…ing" label while pending,
// aria-busy and aria-disabled so a second click cannot send the same request twice. Not `disabled`
// while pending: a disabled button drops keyboard focus to <body>, and the next Tab starts again at
// "Skip to content". The `disabled` prop still disables it for real (nothing to send yet).
// `pending` arrives only with the render after the request starts; a second press before that
// (a double click, Enter pressed twice) would send it again. So the button also remembers the
// mutations its last press started, read from the mutation cache the moment they start, and
// refuses a press while one of them is still in flight.
import { type Mutation, useQueryClient } from '@tanstack/react-query';
import { type ButtonHTMLAttributes, type ReactNode, useRef } from 'react';

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
  const mutations = useQueryClient().getMutationCache();
  const started = useRef<Mutation<unknown, unknown, unknown, unknown>[]>([]);
  const inFlight = () => pending || started.current.some((m) => m.state.status === 'pending');
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
        if (inFlight()) return e.preventDefault();
        // What this press starts: its click handler, or the form's submit handler after it (checking
        // the form first takes only microtasks), all before the next task.
        const mine: typeof started.current = [];
        started.current = mine;
        const stop = mutations.subscribe((event) => {
          if (event.type === 'added') mine.push(event.mutation);
        });
        setTimeout(stop);
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
