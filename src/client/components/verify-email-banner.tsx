// Reminds a signed-in shopper whose address is not confirmed yet; they may shop meanwhile.
import { useLocation } from 'react-router';
import { toast } from 'sonner';
import { useMe } from '../lib/session';
import { describeError, trpc } from '../trpc';
import { EmailText } from './email-text';

export function VerifyEmailBanner() {
  const { user } = useMe();
  const { pathname } = useLocation();
  const resend = trpc.account.resendVerification.useMutation({
    onSuccess: () => toast.success('A new link is on its way.'),
    onError: (e) => toast.error(describeError(e).message),
  });
  if (!user || user.emailVerified || pathname === '/verify-email') return null;
  return (
    <section className="verify-banner" aria-label="Confirm your email">
      <p>
        Please confirm{' '}
        <strong>
          <EmailText email={user.email} />
        </strong>
        : follow the link we mailed you.{' '}
        {resend.isSuccess ? (
          <span role="status">Sent.</span>
        ) : (
          <button type="button" className="link-btn" onClick={() => resend.mutate()} disabled={resend.isPending}>
            {resend.isPending ? 'Sending…' : 'Send a new link'}
          </button>
        )}
      </p>
    </section>
  );
}
