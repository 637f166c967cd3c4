// A guest checkout's orders, opened from a signed link (?token=): the confirmation page's, or the
// one in the confirmation mail, which may also turn the guest's email into an account.
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { z } from 'zod';
import { claimGuestAccountInput, PASSWORDS_DIFFER } from '../../shared/schemas/account';
import type { OrderDetailDto } from '../../shared/schemas/orders';
import { AddressBlock } from '../components/address-block';
import { EmailText } from '../components/email-text';
import { Field, FormError } from '../components/field';
import { MoneySummary } from '../components/money-summary';
import { OrderEstimate } from '../components/order-estimate';
import { OrderStatusBadge } from '../components/order-status';
import { OrderTimeline, TrackingNotice } from '../components/order-timeline';
import { EmptyState, PageSkeleton, RouteErrorBoundary } from '../components/states';
import { StatusButton } from '../components/ui/status-button';
import { formatCents, formatDateTime } from '../lib/format';
import { usePageMeta } from '../lib/page-meta';
import { signInHref } from '../lib/sign-in-link';
import { useCheckedForm } from '../lib/use-checked-form';
import { describeError, queryClient, trpc } from '../trpc';

function GuestOrder({ o }: { o: OrderDetailDto }) {
  return (
    <section className="card guest-order" aria-labelledby={`order-${o.orderId}`}>
      <div className="title-row">
        <h2 id={`order-${o.orderId}`}>
          Order #{o.orderId} · <Link to={`/shop/${o.shopSlug}`}>{o.shopName}</Link>
        </h2>
        <OrderStatusBadge status={o.status} />
      </div>
      <p className="small muted">Placed {formatDateTime(o.createdAt)}</p>
      <OrderEstimate order={o} className="small muted" />
      <ul className="plain-list">
        {o.items.map((i) => (
          <li key={`${i.productId}-${i.title}`} className="guest-order-line">
            <Link to={`/product/${i.productId}`}>{i.title}</Link>
            <span className="small muted">
              {i.quantity} × {formatCents(i.priceCents)}
            </span>
            <strong>{formatCents(i.priceCents * i.quantity)}</strong>
          </li>
        ))}
      </ul>
      <MoneySummary totals={o} className="summary-inline">
        {o.refundedCents > 0 && (
          <div className="row small refund-row">
            <span>Refunded</span>
            <span>{formatCents(o.refundedCents)}</span>
          </div>
        )}
      </MoneySummary>
      <div className="guest-order-meta">
        <div>
          <h3 className="card-title">Status</h3>
          <TrackingNotice order={o} />
          <OrderTimeline history={o.history} placedAt={o.createdAt} refundedCents={o.refundedCents} />
        </div>
        <div>
          <h3 className="card-title">Shipping to</h3>
          <AddressBlock address={o.shippingAddress} className="small" />
        </div>
      </div>
    </section>
  );
}

const passwordForm = z
  .object({ password: claimGuestAccountInput.shape.password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: PASSWORDS_DIFFER, path: ['confirm'] });

function SetPassword({ token, email }: { token: string; email: string }) {
  const navigate = useNavigate();
  const form = useCheckedForm<z.infer<typeof passwordForm>>({
    resolver: zodResolver(passwordForm),
    defaultValues: { password: '', confirm: '' },
  });
  const claim = trpc.account.claimGuestAccount.useMutation({
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      toast.success('Your account is ready. Your orders are in it.');
      navigate('/orders');
    },
    onError: (e) => form.setError('root', { message: describeError(e).message }),
  });
  const errors = form.formState.errors;
  return (
    <section className="card" aria-labelledby="claim-h">
      <h2 id="claim-h">Keep your orders in an account</h2>
      <p className="muted">
        Choose a password for <EmailText email={email} />: you can then follow your orders and check out faster.
      </p>
      <form noValidate onSubmit={form.handleSubmit((v) => claim.mutate({ token, password: v.password }))}>
        <FormError message={errors.root?.message} />
        <div className="form-row">
          <Field label="Password" hint="At least 8 characters." error={errors.password?.message}>
            <input className="input" type="password" autoComplete="new-password" {...form.register('password')} />
          </Field>
          <Field label="Password again" error={errors.confirm?.message}>
            <input className="input" type="password" autoComplete="new-password" {...form.register('confirm')} />
          </Field>
        </div>
        <StatusButton pending={claim.isPending} pendingLabel="Creating account…">
          Create my account
        </StatusButton>
      </form>
    </section>
  );
}

export function Component() {
  usePageMeta('Your order');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const view = trpc.orders.guest.useQuery({ token }, { enabled: token !== '' });
  if (!token || view.isError)
    return (
      <div className="page">
        <EmptyState
          art="📦"
          headingLevel={1}
          title="We could not open this order"
          action={
            <Link className="btn btn-primary" to={signInHref('/orders')}>
              Sign in to see your orders
            </Link>
          }
        >
          {view.error ? describeError(view.error).message : 'This link is incomplete. Open it again from your mail.'}
        </EmptyState>
      </div>
    );
  if (view.isPending) return <PageSkeleton />;
  const { orders, email, canSetPassword } = view.data;
  return (
    <div className="page page-narrow guest-orders">
      <h1>{orders.length === 1 ? 'Your order' : `Your ${orders.length} orders`}</h1>
      <p className="muted">
        Placed with <EmailText email={email} />. Each shop ships its own package.
      </p>
      {orders.map((o) => (
        <GuestOrder key={o.orderId} o={o} />
      ))}
      {canSetPassword && <SetPassword token={token} email={email} />}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
