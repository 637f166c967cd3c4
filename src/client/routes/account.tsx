// Your account: the address (verified or not, a change waiting), change email, change password,
// which notifications also come by email, the address book.
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { toast } from 'sonner';
import { z } from 'zod';
import {
  type ChangeEmailInput,
  changeEmailInput,
  changePasswordInput,
  PASSWORDS_DIFFER,
} from '../../shared/schemas/account';
import { AddressBook } from '../components/address-book';
import { EmailChoices } from '../components/email-choices';
import { EmailText } from '../components/email-text';
import { Field, FormError } from '../components/field';
import { ResendVerificationButton } from '../components/resend-verification-button';
import { PageSkeleton, RouteErrorBoundary } from '../components/states';
import { StatusButton } from '../components/ui/status-button';
import { applyServerErrors } from '../lib/form-errors';
import { usePageMeta } from '../lib/page-meta';
import { requireUser } from '../lib/session';
import { useCheckedForm } from '../lib/use-checked-form';
import { trpc, utils } from '../trpc';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  await utils.account.get.ensureData();
  return null;
}

/** A server error on the field it names (which takes focus), else on the form. */
function serverError<T extends FieldValues>(form: UseFormReturn<T>, err: unknown) {
  const message = applyServerErrors(form, err);
  if (message) form.setError('root', { message });
}

function EmailSection() {
  const account = trpc.account.get.useQuery();
  const form = useCheckedForm<ChangeEmailInput>({
    resolver: zodResolver(changeEmailInput),
    defaultValues: { email: '', password: '' },
  });
  const change = trpc.account.changeEmail.useMutation({
    onSuccess: (data) => {
      utils.account.get.setData(undefined, data);
      form.reset();
      toast.success(`We sent a link to ${data.pendingEmail}. Your email changes when you follow it.`);
    },
    onError: (e) => serverError(form, e),
  });
  const a = account.data;
  if (!a) return null;
  const errors = form.formState.errors;
  return (
    <section className="card account-section" aria-labelledby="email-h">
      <h2 id="email-h">Email</h2>
      <p className="account-email">
        <strong>
          <EmailText email={a.email} />
        </strong>{' '}
        {a.emailVerified ? (
          <span className="badge badge-sage">Confirmed</span>
        ) : (
          <span className="badge badge-warn">Not confirmed</span>
        )}
      </p>
      {!a.emailVerified && (
        <div className="notice notice-warn">
          <div>
            <p>Follow the link we mailed you to confirm this address. You need it to open a shop.</p>
            <ResendVerificationButton sentMessage="A new link is on its way." />
          </div>
        </div>
      )}
      {a.pendingEmail && (
        <p className="notice" role="status">
          Waiting for confirmation: <strong>{a.pendingEmail}</strong>. Follow the link we sent there to switch.
        </p>
      )}
      <form noValidate onSubmit={form.handleSubmit((v) => change.mutate(v))} className="account-form">
        <h3>Change email</h3>
        <FormError message={errors.root?.message} />
        <Field label="New email" error={errors.email?.message}>
          <input className="input" type="email" autoComplete="email" {...form.register('email')} />
        </Field>
        <Field label="Your password" error={errors.password?.message}>
          <input className="input" type="password" autoComplete="current-password" {...form.register('password')} />
        </Field>
        <StatusButton pending={change.isPending} pendingLabel="Sending link…">
          Send confirmation link
        </StatusButton>
      </form>
    </section>
  );
}

const passwordForm = changePasswordInput
  .extend({ confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { message: PASSWORDS_DIFFER, path: ['confirm'] });
type PasswordForm = z.infer<typeof passwordForm>;

function PasswordSection() {
  const form = useCheckedForm<PasswordForm>({
    resolver: zodResolver(passwordForm),
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
  });
  const change = trpc.account.changePassword.useMutation({
    onSuccess: () => {
      form.reset();
      toast.success('Password changed. Other devices have been signed out.');
    },
    onError: (e) => serverError(form, e),
  });
  const errors = form.formState.errors;
  return (
    <section className="card account-section" aria-labelledby="password-h">
      <h2 id="password-h">Password</h2>
      <form
        noValidate
        className="account-form"
        onSubmit={form.handleSubmit((v) =>
          change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
        )}
      >
        <FormError message={errors.root?.message} />
        <Field label="Current password" error={errors.currentPassword?.message}>
          <input
            className="input"
            type="password"
            autoComplete="current-password"
            {...form.register('currentPassword')}
          />
        </Field>
        <Field label="New password" hint="At least 8 characters." error={errors.newPassword?.message}>
          <input className="input" type="password" autoComplete="new-password" {...form.register('newPassword')} />
        </Field>
        <Field label="New password again" error={errors.confirm?.message}>
          <input className="input" type="password" autoComplete="new-password" {...form.register('confirm')} />
        </Field>
        <StatusButton pending={change.isPending} pendingLabel="Saving…">
          Change password
        </StatusButton>
      </form>
    </section>
  );
}

export function Component() {
  usePageMeta('Your account');
  useLoaderData();
  const account = trpc.account.get.useQuery();
  if (account.isPending) return <PageSkeleton />;
  return (
    <div className="page account-page">
      <h1>Your account</h1>
      {account.data && <p className="muted">Signed in as {account.data.name}.</p>}
      <div className="account-grid">
        <EmailSection />
        <PasswordSection />
        <EmailChoices />
        <AddressBook />
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
