// Empty, error and loading states shared by every page.
import type { ReactNode } from 'react';
import { isRouteErrorResponse, Link, useLocation, useRouteError } from 'react-router';
import { searchFallback } from '../../shared/search-url';
import { signInHref } from '../lib/sign-in-link';
import { describeError } from '../trpc';
import { AlertIcon, BasketIcon, BoxIcon, CartIcon, HeartIcon, LockIcon, SearchIcon, StoreIcon } from './icons';

// Emoji render as empty boxes where no emoji font is installed, so callers' emoji pick an SVG
// from the icon set instead.
const artIcons: Record<string, (p: { width: number; height: number }) => ReactNode> = {
  '🛒': CartIcon,
  '🔍': SearchIcon,
  '🔎': SearchIcon,
  '🧭': SearchIcon,
  '♡': HeartIcon,
  '📦': BoxIcon,
  '🔐': LockIcon,
  '🧶': AlertIcon,
  '🏺': StoreIcon,
};

export function EmptyState({
  art,
  icon,
  title,
  children,
  action,
  headingLevel = 2,
}: {
  /** Legacy emoji name of the picture; drawn with the SVG icon set. */
  art?: string;
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  /** 1 when the state is the whole page (not found, errors), so the page still has its h1. */
  headingLevel?: 1 | 2;
}) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const Art = (art && artIcons[art]) || BasketIcon;
  return (
    <div className="empty">
      <div className="empty-art" aria-hidden="true">
        {icon ?? <Art width={40} height={40} />}
      </div>
      <Heading>{title}</Heading>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}

/** A part of the page that did not load ("Orders could not be loaded."), with a retry. */
export function LoadFailed({
  children,
  onRetry,
  tone = 'danger',
}: {
  children: ReactNode;
  onRetry: () => void;
  tone?: 'danger' | 'warn';
}) {
  return (
    <p className={`notice notice-${tone}`} role="alert">
      {children}{' '}
      <button type="button" className="btn btn-sm" onClick={onRetry}>
        Try again
      </button>
    </p>
  );
}

/** A state that is the whole page (not found, an error, a broken link): its h1 and one way on. */
export function PageState({
  art,
  title,
  link,
  action,
  children,
}: {
  art?: string;
  title: string;
  /** The way on, as the page's primary button. */
  link?: { to: string; label: string };
  /** Any other action instead of a link. */
  action?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="page">
      <EmptyState
        art={art}
        headingLevel={1}
        title={title}
        action={
          link ? (
            <Link className="btn btn-primary" to={link.to}>
              {link.label}
            </Link>
          ) : (
            action
          )
        }
      >
        {children}
      </EmptyState>
    </div>
  );
}

/** Route error boundary: friendly words for 404s, sign-in for 401s, a retry for the rest. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const where = useLocation();
  let status = 500;
  let message = 'Something went wrong on our side. Please try again in a moment.';
  if (isRouteErrorResponse(error)) {
    status = error.status;
    message = typeof error.data === 'string' ? error.data : error.statusText;
  } else if (error) {
    const info = describeError(error);
    status = info.httpStatus || 500;
    message = info.message;
  }
  if (status === 404) {
    return (
      <PageState art="🔎" title="We couldn't find that" link={{ to: '/', label: 'Back to the shop floor' }}>
        It may have sold, been archived, or the link is mistyped.
      </PageState>
    );
  }
  if (status === 400) {
    return (
      <PageState
        art="🔍"
        title="We couldn't read that address"
        link={
          where.pathname === '/search'
            ? searchFallback(new URLSearchParams(where.search))
            : { to: '/search', label: 'Browse everything' }
        }
      >
        {message}
      </PageState>
    );
  }
  if (status === 401) {
    return (
      <PageState art="🔐" title="Please sign in" link={{ to: signInHref(), label: 'Sign in' }}>
        {message}
      </PageState>
    );
  }
  return (
    <PageState
      art="🧶"
      title="That didn't work"
      action={
        <button type="button" className="btn btn-primary" onClick={() => location.reload()}>
          Try again
        </button>
      }
    >
      {message}
    </PageState>
  );
}

export function PageSkeleton() {
  return (
    <div className="page" role="status" aria-label="Loading">
      <div className="skeleton skeleton-heading" />
      <div className="skeleton skeleton-block" />
      <div className="skeleton skeleton-text skeleton-w70" />
      <div className="skeleton skeleton-text skeleton-w55" />
    </div>
  );
}
