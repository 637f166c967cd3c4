// Follows a verification link (?token=): confirms the address as soon as the page opens.
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmailText } from '../components/email-text';
import { EmptyState, RouteErrorBoundary } from '../components/states';
import { StatusButton } from '../components/ui/status-button';
import { usePageMeta } from '../lib/page-meta';
import { useMe } from '../lib/session';
import { signInHref } from '../lib/sign-in-link';
import { describeError, queryClient, trpc } from '../trpc';

export function Component() {
  usePageMeta('Confirm your email');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { user } = useMe();
  const verify = trpc.account.verifyEmail.useMutation({
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const resend = trpc.account.resendVerification.useMutation();
  // One attempt per page view (a second one would only say "already used").
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    verify.mutate({ token });
  }, [token, verify]);

  if (!token || verify.isError) {
    const message = verify.error ? describeError(verify.error).message : 'This link is incomplete.';
    return (
      <div className="page">
        <EmptyState
          art="🔐"
          headingLevel={1}
          title="We could not confirm this address"
          action={
            user && !user.emailVerified ? (
              resend.isSuccess ? (
                <p role="status">
                  A new link is on its way to <EmailText email={user.email} />.
                </p>
              ) : (
                <StatusButton
                  pending={resend.isPending}
                  pendingLabel="Sending…"
                  type="button"
                  onClick={() => resend.mutate()}
                >
                  Send me a new link
                </StatusButton>
              )
            ) : user ? (
              <Link className="btn btn-primary" to="/account">
                Go to your account
              </Link>
            ) : (
              // Signed out: the account page (where a new link is sent from) is one sign-in away.
              <Link className="btn btn-primary" to={signInHref('/account')}>
                Sign in to get a new link
              </Link>
            )
          }
        >
          {message}
        </EmptyState>
      </div>
    );
  }
  if (!verify.isSuccess)
    return (
      <div className="page">
        <div className="auth-wrap card" aria-busy="true">
          <h1>Confirming your email…</h1>
          <p className="muted">
            <span className="spinner" aria-hidden="true" /> One moment.
          </p>
        </div>
      </div>
    );
  if (verify.data.alreadyConfirmed)
    return (
      <div className="page">
        <div className="auth-wrap card">
          <h1>Email confirmed</h1>
          <div className="notice notice-ok" role="status">
            <p>Your email address is already confirmed.</p>
          </div>
          <p className="auth-actions">
            <Link className="btn btn-primary" to="/">
              Continue shopping
            </Link>{' '}
            <Link className="btn btn-ghost" to={user ? '/account' : signInHref('/account')}>
              Your account
            </Link>
          </p>
        </div>
      </div>
    );
  return (
    <div className="page">
      <div className="auth-wrap card">
        <h1>Email confirmed</h1>
        <div className="notice notice-ok" role="status">
          <p>
            {verify.data.changed ? 'Your account now uses ' : 'Thank you: '}
            <strong>
              <EmailText email={verify.data.email} />
            </strong>
            {verify.data.changed ? '.' : ' is confirmed.'}
          </p>
        </div>
        <p className="auth-actions">
          <Link className="btn btn-primary" to="/">
            Continue shopping
          </Link>{' '}
          <Link className="btn btn-ghost" to="/dashboard">
            Open a shop
          </Link>
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
