// Choose a new password from a mailed link (?token=). Success signs out every device; the page
// then sends the shopper to sign in with the new password.
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { z } from 'zod';
import { PASSWORDS_DIFFER, resetPasswordInput } from '../../shared/schemas/account';
import { Field } from '../components/field';
import { PageState, RouteErrorBoundary } from '../components/states';
import { StatusButton } from '../components/ui/status-button';
import { usePageMeta } from '../lib/page-meta';
import { useCheckedForm } from '../lib/use-checked-form';
import { describeError, queryClient, trpc } from '../trpc';

const formSchema = z
  .object({ password: resetPasswordInput.shape.password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: PASSWORDS_DIFFER, path: ['confirm'] });
type FormValues = z.infer<typeof formSchema>;

export function Component() {
  usePageMeta('Choose a new password');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const form = useCheckedForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { password: '', confirm: '' },
  });
  const reset = trpc.account.resetPassword.useMutation({
    onSuccess: async ({ email }) => {
      queryClient.clear();
      toast.success('Password changed. Sign in with your new password.');
      navigate(`/signin?email=${encodeURIComponent(email)}`, { replace: true });
    },
    onError: (e) => form.setError('root', { message: describeError(e).message }),
  });
  // Read the link before asking for a password: a spent one says so now, not after two passwords.
  const status = trpc.account.resetLinkStatus.useQuery(
    { token },
    { enabled: token !== '', retry: false, staleTime: Number.POSITIVE_INFINITY, refetchOnWindowFocus: false },
  );
  const errors = form.formState.errors;
  if (!token)
    return (
      <PageState
        art="🔐"
        title="This link is incomplete"
        link={{ to: '/forgot-password', label: 'Ask for a new link' }}
      >
        Open the link from the mail again, or ask for a new one.
      </PageState>
    );
  // A token that is not even well formed is refused as bad input: the link is no good either.
  const malformed = status.error?.data?.httpStatus === 400;
  if ((status.data && !status.data.usable) || malformed)
    return (
      <PageState
        art="🔐"
        title="This link has been used or has expired"
        link={{ to: '/forgot-password', label: 'Ask for a new link' }}
      >
        {status.data && !status.data.usable && status.data.reason === 'used'
          ? 'Each reset link works once, and this one already set a password.'
          : status.data && !status.data.usable && status.data.reason === 'expired'
            ? 'Reset links work for an hour after they are sent.'
            : 'This link does not work.'}{' '}
        Ask for a new one and use the newest mail.
      </PageState>
    );
  if (status.isPending)
    return (
      <div className="page">
        <div className="auth-wrap card">
          <h1>Choose a new password</h1>
          <p className="muted" role="status">
            Checking your link…
          </p>
        </div>
      </div>
    );
  const tokenProblem = reset.error && describeError(reset.error).code === 'TOKEN_INVALID';
  return (
    <div className="page">
      <div className="auth-wrap card">
        <h1>Choose a new password</h1>
        <form noValidate onSubmit={form.handleSubmit((v) => reset.mutate({ token, password: v.password }))}>
          {errors.root && (
            <div className="notice notice-danger" role="alert">
              <div>
                <p>{errors.root.message}</p>
                {tokenProblem && (
                  <p>
                    <Link to="/forgot-password">Send me a new link</Link>
                  </p>
                )}
              </div>
            </div>
          )}
          <Field label="New password" hint="At least 8 characters." error={errors.password?.message}>
            <input className="input" type="password" autoComplete="new-password" {...form.register('password')} />
          </Field>
          <Field label="New password again" error={errors.confirm?.message}>
            <input className="input" type="password" autoComplete="new-password" {...form.register('confirm')} />
          </Field>
          <p className="small muted">Every device signed in to your account will be signed out.</p>
          <StatusButton className="btn btn-primary btn-block btn-lg" pending={reset.isPending} pendingLabel="Saving…">
            Set new password
          </StatusButton>
        </form>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
