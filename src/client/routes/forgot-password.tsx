// Ask for a password reset link. The answer is the same whether or not the address has an
// account, so this page never tells a stranger who shops here.
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import { type RequestPasswordResetInput, requestPasswordResetInput } from '../../shared/schemas/account';
import { EmailText } from '../components/email-text';
import { Field, FormError } from '../components/field';
import { RouteErrorBoundary } from '../components/states';
import { StatusButton } from '../components/ui/status-button';
import { usePageMeta } from '../lib/page-meta';
import { useCheckedForm } from '../lib/use-checked-form';
import { describeError, trpc } from '../trpc';

const focusOnMount = (el: HTMLElement | null) => el?.focus();

export function Component() {
  usePageMeta('Reset your password');
  const form = useCheckedForm<RequestPasswordResetInput>({
    resolver: zodResolver(requestPasswordResetInput),
    defaultValues: { email: '' },
  });
  const request = trpc.account.requestPasswordReset.useMutation({
    onError: (e) => form.setError('root', { message: describeError(e).message }),
  });
  const errors = form.formState.errors;
  return (
    <div className="page">
      <div className="auth-wrap card">
        <h1>Reset your password</h1>
        {request.isSuccess ? (
          // The form goes away: focus moves to the answer so a keyboard user is not left on <body>.
          <div className="notice notice-ok" role="status" tabIndex={-1} ref={focusOnMount}>
            <div>
              <p>
                <strong>Check your inbox.</strong> If an account uses{' '}
                <EmailText email={request.variables?.email ?? ''} />, we sent it a link to choose a new password. The
                link works for one hour.
              </p>
              <p className="small muted">No mail after a few minutes? Look in your spam folder, or ask again.</p>
            </div>
          </div>
        ) : (
          <form noValidate onSubmit={form.handleSubmit((v) => request.mutate(v))}>
            <p className="muted">Enter the email address of your account and we will send you a link.</p>
            <FormError message={errors.root?.message} />
            <Field label="Email" error={errors.email?.message}>
              <input className="input" type="email" autoComplete="email" {...form.register('email')} />
            </Field>
            <StatusButton
              className="btn btn-primary btn-block btn-lg"
              pending={request.isPending}
              pendingLabel="Sending…"
            >
              Send me a link
            </StatusButton>
          </form>
        )}
        <p className="small muted auth-switch">
          Remembered it? <Link to="/signin">Sign in</Link>
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
