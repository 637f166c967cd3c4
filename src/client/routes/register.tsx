// Create an account; field errors come from the shared zod schema, then from the server.
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { type RegisterInput, registerInput } from '../../shared/schemas/auth';
import { Field, FormError } from '../components/field';
import { RouteErrorBoundary } from '../components/states';
import { applyServerErrors } from '../lib/form-errors';
import { usePageMeta } from '../lib/page-meta';
import { signInHref } from '../lib/sign-in-link';
import { useSignInReason } from '../lib/sign-in-reason';
import { useCheckedForm } from '../lib/use-checked-form';
import { queryClient, trpc } from '../trpc';

export function Component() {
  usePageMeta('Create an account');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const rawNext = params.get('next');
  const next = rawNext?.startsWith('/') && !rawNext.startsWith('//') ? rawNext : '/';
  const reason = useSignInReason(next, 'Create an account');
  const form = useCheckedForm<RegisterInput>({
    resolver: zodResolver(registerInput),
    defaultValues: { name: '', email: '', password: '' },
  });
  const register = trpc.auth.register.useMutation({
    onSuccess: async ({ user }) => {
      await queryClient.invalidateQueries();
      toast.success(`Welcome to Hearth, ${user.name.split(' ')[0]}!`);
      navigate(next, { replace: true });
    },
    onError: (e) => {
      // A taken email (or any field the server names) lands on its field with focus, as the
      // browser's own checks do; anything else above the form.
      const rest = applyServerErrors(form, e, { EMAIL_TAKEN: 'email' });
      if (rest) form.setError('root', { message: rest });
    },
  });
  const errors = form.formState.errors;
  return (
    <div className="page">
      <div className="auth-wrap card">
        <h1>{reason ?? 'Create your account'}</h1>
        <form noValidate onSubmit={form.handleSubmit((v) => register.mutate(v))}>
          <FormError message={errors.root?.message} />
          <Field label="Your name" error={errors.name?.message}>
            <input className="input" autoComplete="name" {...form.register('name')} />
          </Field>
          <Field label="Email" error={errors.email?.message}>
            <input className="input" type="email" autoComplete="email" {...form.register('email')} />
          </Field>
          <Field label="Password" hint="At least 8 characters." error={errors.password?.message}>
            <input className="input" type="password" autoComplete="new-password" {...form.register('password')} />
          </Field>
          <button type="submit" className="btn btn-primary btn-block btn-lg" disabled={register.isPending}>
            {register.isPending ? 'Creating account…' : 'Create account'}
          </button>
        </form>
        <p className="small muted auth-switch">
          Already have an account? <Link to={signInHref(next)}>Sign in</Link>
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
