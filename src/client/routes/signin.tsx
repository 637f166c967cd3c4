// Sign in. On success, go back to where the shopper was headed (?next=), same-origin paths only.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { type LoginInput, loginInput } from '../../shared/schemas/auth';
import { Field, FormError } from '../components/field';
import { RouteErrorBoundary } from '../components/states';
import { StatusButton } from '../components/ui/status-button';
import { usePageMeta } from '../lib/page-meta';
import { useSignInReason } from '../lib/sign-in-reason';
import { useCheckedForm } from '../lib/use-checked-form';
import { describeError, queryClient, trpc } from '../trpc';

function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function Component() {
  usePageMeta('Sign in');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const reason = useSignInReason(next, 'Sign in');
  const form = useCheckedForm<LoginInput>({
    resolver: zodResolver(loginInput),
    defaultValues: { email: params.get('email') ?? '', password: '' },
  });
  // Sent here with the address filled in (after a password reset): the password is all that is left.
  const emailGiven = !!params.get('email');
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival
  useEffect(() => {
    if (emailGiven) form.setFocus('password');
  }, []);
  const login = trpc.auth.login.useMutation({
    onSuccess: async ({ user }) => {
      await queryClient.invalidateQueries();
      toast.success(`Welcome back, ${user.name.split(' ')[0]}!`);
      navigate(next, { replace: true });
    },
    onError: (e) => form.setError('root', { message: describeError(e).message }),
  });
  const errors = form.formState.errors;
  return (
    <div className="page">
      <div className="auth-wrap card">
        <h1>{reason ?? 'Sign in'}</h1>
        <form noValidate onSubmit={form.handleSubmit((v) => login.mutate(v))}>
          <FormError message={errors.root?.message} />
          <Field label="Email" error={errors.email?.message}>
            <input className="input" type="email" autoComplete="email" {...form.register('email')} />
          </Field>
          <Field label="Password" error={errors.password?.message}>
            <input className="input" type="password" autoComplete="current-password" {...form.register('password')} />
          </Field>
          <Link className="auth-forgot" to="/forgot-password">
            Forgot your password?
          </Link>
          <StatusButton
            className="btn btn-primary btn-block btn-lg"
            pending={login.isPending}
            pendingLabel="Signing in…"
          >
            Sign in
          </StatusButton>
        </form>
        <p className="small muted auth-switch">
          New to Hearth? <Link to={`/register?next=${encodeURIComponent(next)}`}>Create an account</Link>
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
