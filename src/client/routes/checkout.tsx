// Checkout page: renders the state machine in checkout-machine.ts. The step is mirrored in the
// URL (?step=) so the browser's back button walks back through the steps.

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useReducer, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { Link, type LoaderFunctionArgs, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { type ShippingAddressInput, shippingAddressSchema, type UnavailableItem } from '../../shared/schemas/checkout';
import { Field } from '../components/field';
import { MoneySummary } from '../components/money-summary';
import { EmptyState, PageSkeleton, RouteErrorBoundary } from '../components/states';
import { formatCents, plural } from '../lib/format';
import { requireUser } from '../lib/session';
import { describeError, trpc, utils } from '../trpc';
import {
  type CheckoutProblem,
  type CheckoutState,
  checkoutReducer,
  initialCheckout,
  type PaymentToken,
  stepOrder,
} from './checkout-machine';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  await utils.cart.get.ensureData();
  return null;
}

const stepLabels = { address: 'Shipping', payment: 'Payment', review: 'Review', confirmation: 'Done' } as const;

function Steps({ current }: { current: CheckoutState['step'] }) {
  const at = stepOrder.indexOf(current);
  return (
    <ol className="steps" aria-label="Checkout progress">
      {stepOrder.map((s, i) => (
        <li key={s} aria-current={s === current ? 'step' : undefined} data-state={i < at ? 'done' : undefined}>
          {stepLabels[s]}
        </li>
      ))}
    </ol>
  );
}

type AddressForm = z.input<typeof shippingAddressSchema>;

function AddressStep({
  initial,
  onDone,
}: {
  initial: ShippingAddressInput | null;
  onDone: (a: ShippingAddressInput) => void;
}) {
  const form = useForm<AddressForm, unknown, ShippingAddressInput>({
    resolver: zodResolver(shippingAddressSchema),
    defaultValues: initial ?? { name: '', line1: '', line2: '', city: '', region: '', postalCode: '', country: 'US' },
  });
  const e = form.formState.errors;
  return (
    <form noValidate onSubmit={form.handleSubmit(onDone)} aria-label="Shipping address">
      <Field label="Full name" error={e.name?.message}>
        <input className="input" autoComplete="name" {...form.register('name')} />
      </Field>
      <Field label="Address line 1" error={e.line1?.message}>
        <input className="input" autoComplete="address-line1" {...form.register('line1')} />
      </Field>
      <Field label="Address line 2 (optional)" error={e.line2?.message}>
        <input className="input" autoComplete="address-line2" {...form.register('line2')} />
      </Field>
      <div className="form-row">
        <Field label="City" error={e.city?.message}>
          <input className="input" autoComplete="address-level2" {...form.register('city')} />
        </Field>
        <Field label="State / region" hint="Two letters in the US and Canada, e.g. NY" error={e.region?.message}>
          <input className="input" autoComplete="address-level1" {...form.register('region')} />
        </Field>
      </div>
      <div className="form-row">
        <Field label="Postal code" error={e.postalCode?.message}>
          <input className="input" autoComplete="postal-code" {...form.register('postalCode')} />
        </Field>
        <Field label="Country code" hint="Two letters, e.g. US, GB, DE" error={e.country?.message}>
          <input className="input" autoComplete="country" maxLength={2} {...form.register('country')} />
        </Field>
      </div>
      <div className="step-actions">
        <Link to="/cart" className="btn btn-ghost">
          ← Back to cart
        </Link>
        <button type="submit" className="btn btn-primary btn-lg">
          Continue to payment
        </button>
      </div>
    </form>
  );
}

const tokens: { value: PaymentToken; label: string; explain: string }[] = [
  { value: 'tok_visa', label: 'Visa ending 4242', explain: 'Test card that always succeeds.' },
  { value: 'tok_chargeDeclined', label: 'Card that is declined', explain: 'Test card the bank declines.' },
  { value: 'tok_insufficientFunds', label: 'Card with insufficient funds', explain: 'Declined for lack of funds.' },
];

function PaymentStep({
  initial,
  onBack,
  onDone,
}: {
  initial: PaymentToken | null;
  onBack: () => void;
  onDone: (t: PaymentToken) => void;
}) {
  return (
    <form
      aria-label="Payment"
      onSubmit={(e) => {
        e.preventDefault();
        const value = new FormData(e.currentTarget).get('token');
        if (typeof value === 'string') onDone(value as PaymentToken);
      }}
    >
      <div className="notice">
        <p>
          <strong>This is a demo store — no real money moves.</strong> Pick a test card below. Real checkouts would
          collect card details in the payment provider’s secure field and send us only a token like these.
        </p>
      </div>
      <fieldset className="token-list">
        <legend className="visually-hidden">Test payment card</legend>
        {tokens.map((t, i) => (
          <label key={t.value} className="token-option">
            <input
              type="radio"
              name="token"
              value={t.value}
              defaultChecked={initial ? initial === t.value : i === 0}
              required
            />
            <span style={{ flex: 1 }}>
              <strong>{t.label}</strong>
              <br />
              <span className="small muted">{t.explain}</span>
            </span>
            <code>{t.value}</code>
          </label>
        ))}
      </fieldset>
      <div className="step-actions">
        <button type="button" className="btn btn-ghost" onClick={onBack}>
          ← Shipping
        </button>
        <button type="submit" className="btn btn-primary btn-lg">
          Review order
        </button>
      </div>
    </form>
  );
}

function ProblemNotice({ problem, onChangeCard }: { problem: CheckoutProblem; onChangeCard: () => void }) {
  if (problem.kind === 'inventory') {
    return (
      <div className="notice notice-danger" role="alert">
        <div>
          <p>
            <strong>Some items are no longer available.</strong> Nothing was charged.
          </p>
          <ul style={{ margin: '6px 0', paddingLeft: 18 }}>
            {problem.items.map((i) => (
              <li key={i.productId}>
                {i.title}: you wanted {i.requested}, {i.available === 0 ? 'none are left' : `only ${i.available} left`}
              </li>
            ))}
          </ul>
          <Link to="/cart" className="btn btn-sm">
            Update your cart
          </Link>
        </div>
      </div>
    );
  }
  if (problem.kind === 'declined') {
    return (
      <div className="notice notice-danger" role="alert">
        <div>
          <p>
            <strong>Your card was declined</strong>
            {problem.declineCode ? ` (${problem.declineCode.replace(/_/g, ' ')})` : ''}. Nothing was charged and your
            items are still held.
          </p>
          <button type="button" className="btn btn-sm" onClick={onChangeCard}>
            Use a different card
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="notice notice-warn" role="alert">
      <p>
        {problem.message}
        {problem.kind === 'retryable' && ' You can safely try again — you will not be charged twice.'}
      </p>
    </div>
  );
}

function unavailableItemsFrom(value: unknown): UnavailableItem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (x): x is UnavailableItem =>
      typeof x === 'object' && x !== null && typeof (x as UnavailableItem).productId === 'number',
  );
}

function problemFrom(err: unknown): CheckoutProblem {
  const info = describeError(err);
  if (info.code === 'INSUFFICIENT_INVENTORY') {
    return { kind: 'inventory', items: unavailableItemsFrom(info.details.unavailableItems), message: info.message };
  }
  if (info.code === 'PAYMENT_FAILED') {
    const code = typeof info.details.declineCode === 'string' ? info.details.declineCode : null;
    return { kind: 'declined', declineCode: code, message: info.message };
  }
  if (info.code === 'IDEMPOTENCY_IN_PROGRESS' || info.httpStatus === 0 || info.httpStatus >= 500) {
    return { kind: 'retryable', message: info.httpStatus === 0 ? 'We lost the connection.' : info.message };
  }
  return { kind: 'other', message: info.message };
}

function ReviewStep({
  state,
  onBack,
  onPlace,
}: {
  state: Extract<CheckoutState, { step: 'review' }>;
  onBack: (s: 'address' | 'payment') => void;
  onPlace: () => void;
}) {
  const quote = trpc.checkout.quote.useQuery({ shippingAddress: state.address }, { staleTime: 0 });
  const q = quote.data;
  const a = state.address;
  const token = tokens.find((t) => t.value === state.token);
  const blocked = !!q?.unavailableItems.length;
  return (
    <div>
      {state.problem && <ProblemNotice problem={state.problem} onChangeCard={() => onBack('payment')} />}
      {blocked && !state.problem && (
        <ProblemNotice
          problem={{ kind: 'inventory', items: q.unavailableItems, message: '' }}
          onChangeCard={() => onBack('payment')}
        />
      )}
      <div className="review-block">
        <h3>
          Ship to{' '}
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => onBack('address')}>
            Edit
          </button>
        </h3>
        <address style={{ fontStyle: 'normal' }}>
          {a.name}
          <br />
          {a.line1}
          {a.line2 ? `, ${a.line2}` : ''}
          <br />
          {a.city}
          {a.region ? `, ${a.region}` : ''} {a.postalCode} · {a.country}
        </address>
      </div>
      <div className="review-block">
        <h3>
          Payment{' '}
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => onBack('payment')}>
            Edit
          </button>
        </h3>
        <p style={{ margin: 0 }}>
          {token?.label} <code className="small">{state.token}</code>
        </p>
      </div>
      <div className="review-block">
        <h3>Orders</h3>
        {quote.isPending ? (
          <div className="skeleton" style={{ height: 60 }} />
        ) : quote.isError ? (
          <p className="error">{describeError(quote.error).message}</p>
        ) : (
          <>
            <p className="small muted">Each shop sends its own order and package.</p>
            {q?.shops.map((s) => (
              <div key={s.shopId} className="summary">
                <div className="row">
                  <strong>{s.shopName}</strong>
                  <span>{plural(s.itemCount, 'item')}</span>
                </div>
                <div className="row small muted">
                  <span>
                    Items {formatCents(s.subtotalCents)} · Shipping {formatCents(s.shippingCents)} · Tax{' '}
                    {formatCents(s.taxCents)}
                  </span>
                  <span>{formatCents(s.totalCents)}</span>
                </div>
              </div>
            ))}
          </>
        )}
      </div>
      {q && <MoneySummary totals={q} style={{ marginTop: 12 }} />}
      <div className="step-actions">
        <button type="button" className="btn btn-ghost" onClick={() => onBack('payment')} disabled={state.placing}>
          ← Payment
        </button>
        <button
          type="button"
          className="btn btn-primary btn-lg"
          onClick={onPlace}
          disabled={state.placing || !q || blocked}
          aria-busy={state.placing}
        >
          {state.placing ? (
            <>
              <span className="spinner" aria-hidden="true" /> Placing order…
            </>
          ) : (
            `Place order${q ? ` · ${formatCents(q.totalCents)}` : ''}`
          )}
        </button>
      </div>
    </div>
  );
}

export function Component() {
  const [state, dispatch] = useReducer(checkoutReducer, initialCheckout);
  const [params, setParams] = useSearchParams();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cart = trpc.cart.get.useQuery();
  const trpcUtils = trpc.useUtils();
  const place = trpc.checkout.place.useMutation();

  // Mirror the step into the URL; the browser's back button moves to an earlier step.
  const urlStep = params.get('step');
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on step changes only; the URL follows the machine
  useEffect(() => {
    if (state.step === 'address' && !urlStep) return;
    if (urlStep !== state.step) setParams({ step: state.step }, { replace: state.step === 'confirmation' });
    headingRef.current?.focus();
  }, [state.step]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on URL changes only (browser back), never on step changes
  useEffect(() => {
    const target = urlStep ?? 'address';
    if ((target === 'address' || target === 'payment') && stepOrder.indexOf(target) < stepOrder.indexOf(state.step)) {
      dispatch({ type: 'BACK_TO', step: target });
    }
  }, [urlStep]);

  function placeOrder() {
    if (state.step !== 'review' || state.placing) return;
    dispatch({ type: 'PLACE' });
    place.mutate(
      { idempotencyKey: state.attemptKey, shippingAddress: state.address, payment: { token: state.token } },
      {
        onSuccess: (result) => {
          dispatch({ type: 'PLACED', result });
          void trpcUtils.cart.get.invalidate();
          void trpcUtils.orders.invalidate();
        },
        onError: (err) => {
          const problem = problemFrom(err);
          dispatch({ type: 'FAILED', problem });
          if (problem.kind === 'inventory') void trpcUtils.cart.get.invalidate();
        },
      },
    );
  }

  if (cart.isPending) return <PageSkeleton />;
  if (state.step !== 'confirmation' && (!cart.data || cart.data.itemCount === 0)) {
    return (
      <div className="page">
        <EmptyState
          art="🛒"
          title="Nothing to check out"
          action={
            <Link className="btn btn-primary" to="/">
              Keep shopping
            </Link>
          }
        >
          Your cart is empty.
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page" style={{ maxWidth: 860 }}>
      <h1 ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
        {state.step === 'confirmation' ? 'Thank you!' : `Checkout · ${stepLabels[state.step]}`}
      </h1>
      <Steps current={state.step} />
      <div className="card">
        {state.step === 'address' && (
          <AddressStep initial={state.address} onDone={(address) => dispatch({ type: 'ADDRESS_DONE', address })} />
        )}
        {state.step === 'payment' && (
          <PaymentStep
            initial={state.token}
            onBack={() => dispatch({ type: 'BACK_TO', step: 'address' })}
            onDone={(token) => dispatch({ type: 'PAYMENT_DONE', token })}
          />
        )}
        {state.step === 'review' && (
          <ReviewStep state={state} onBack={(step) => dispatch({ type: 'BACK_TO', step })} onPlace={placeOrder} />
        )}
        {state.step === 'confirmation' && (
          <div className="confirmation" role="status">
            <div className="big-check" aria-hidden="true">
              ✓
            </div>
            <h2>
              Your {state.result.orders.length === 1 ? 'order is' : `${state.result.orders.length} orders are`} placed
            </h2>
            <p>
              We charged {formatCents(state.result.totalChargedCents)}. Each shop will ship its own package and you’ll
              see updates on your orders page.
            </p>
            <ul style={{ listStyle: 'none', padding: 0, maxWidth: 460, margin: '0 auto 20px', textAlign: 'left' }}>
              {state.result.orders.map((o) => (
                <li key={o.orderId} className="order-row" style={{ gridTemplateColumns: '1fr auto' }}>
                  <Link to={`/orders/${o.orderId}`}>
                    Order #{o.orderId} from {o.shopName}
                  </Link>
                  <span>{formatCents(o.totalCents)}</span>
                </li>
              ))}
            </ul>
            <Link to="/orders" className="btn btn-primary">
              View your orders
            </Link>{' '}
            <Link to="/" className="btn">
              Keep shopping
            </Link>
          </div>
        )}
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
