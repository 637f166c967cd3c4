// Where a mail's unsubscribe link opens (?token=). Opening it changes nothing (mail scanners fetch
// links); the button confirms. Mail clients unsubscribe in one click by POSTing the same URL.
import { Link, useSearchParams } from 'react-router';
import { EMAIL_EVENTS } from '../../shared/schemas/notifications';
import { BellIcon } from '../components/icons';
import { EmptyState, RouteErrorBoundary } from '../components/states';
import { StatusButton } from '../components/ui/status-button';
import { usePageMeta } from '../lib/page-meta';
import { useMe } from '../lib/session';
import { signInHref } from '../lib/sign-in-link';
import { describeError, trpc } from '../trpc';

/** The kind of email a link names (token: user id, event, signature), for the question only; the server checks it. */
function labelOf(token: string): string | null {
  const event = token.split('.').slice(1, -1).join('.');
  return Object.hasOwn(EMAIL_EVENTS, event) ? EMAIL_EVENTS[event as keyof typeof EMAIL_EVENTS].label : null;
}

export function Component() {
  usePageMeta('Unsubscribe');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { user } = useMe();
  const stop = trpc.notifications.unsubscribe.useMutation();
  const account = (
    <Link className="btn btn-ghost" to={user ? '/account#email-choices' : signInHref('/account')}>
      Choose all your email settings
    </Link>
  );
  if (stop.isSuccess)
    return (
      <div className="page">
        <EmptyState
          icon={<BellIcon width={40} height={40} />}
          headingLevel={1}
          title="You are unsubscribed"
          action={account}
        >
          {`We will no longer email you about “${stop.data.label}”. You still see it under the bell on Hearth.`}
        </EmptyState>
      </div>
    );
  if (!token || stop.isError)
    return (
      <div className="page">
        <EmptyState art="🔐" headingLevel={1} title="We could not use this link" action={account}>
          {stop.error ? describeError(stop.error).message : 'This unsubscribe link is incomplete.'}
        </EmptyState>
      </div>
    );
  return (
    <div className="page">
      <EmptyState
        icon={<BellIcon width={40} height={40} />}
        headingLevel={1}
        title="Stop these emails?"
        action={
          <StatusButton
            pending={stop.isPending}
            pendingLabel="Unsubscribing…"
            type="button"
            onClick={() => stop.mutate({ token })}
          >
            Unsubscribe
          </StatusButton>
        }
      >
        {labelOf(token)
          ? `You will stop getting emails about “${labelOf(token)}” from Hearth.`
          : 'You will stop getting this kind of email from Hearth.'}{' '}
        Receipts and account security emails still arrive.
      </EmptyState>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
