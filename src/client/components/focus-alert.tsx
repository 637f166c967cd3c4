// An error that the shopper must not miss: when it appears it scrolls into view, takes focus (so
// keyboard and screen-reader users land on it rather than on <body>) and is announced (role=alert).
// Use it for the outcome of an action the shopper just took: a declined card, a refused change.
import { type ReactNode, useEffect, useRef } from 'react';

export function FocusAlert({
  children,
  tone = 'danger',
  className = '',
}: {
  children: ReactNode;
  tone?: 'danger' | 'warn';
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    el.focus({ preventScroll: true });
  }, []);
  return (
    <div ref={ref} tabIndex={-1} role="alert" className={`notice notice-${tone} focus-alert ${className}`.trim()}>
      {children}
    </div>
  );
}
