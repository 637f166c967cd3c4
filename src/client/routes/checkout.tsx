// Checkout page. The step is read from the URL (?step=) and nowhere else: links and Back/Forward
// move between steps, and what the steps collected lives in checkout-state.ts, which also
// decides which step a URL may show with what has been collected so far.
import { useEffect, useReducer, useRef } from 'react';
import { Link, type LoaderFunctionArgs, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { QuoteDto } from '../../shared/schemas/checkout';
import { EmptyState, PageSkeleton, RouteErrorBoundary } from '../components/states';
import { usePageMeta } from '../lib/page-meta';
import { requireUser } from '../lib/session';
import { trpc, utils } from '../trpc';
import { AddressStep } from './checkout/address-step';
import {
  CHECKOUT_STEPS,
  type CheckoutStep,
  checkoutReducer,
  initialDraft,
  stepFromUrl,
  stepSearch,
  visibleStep,
} from './checkout/checkout-state';
import { Confirmation } from './checkout/confirmation';
import { PaymentStep } from './checkout/payment-step';
import { problemFrom } from './checkout/problem-notice';
import { ReviewStep } from './checkout/review-step';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  await Promise.all([utils.cart.get.ensureData(), utils.orders.lastShippingAddress.ensureData()]);
  return null;
}

const stepLabels: Record<CheckoutStep, string> = {
  address: 'Shipping',
  payment: 'Payment',
  review: 'Review',
  confirmation: 'Done',
};

function Steps({ current }: { current: CheckoutStep }) {
  const at = CHECKOUT_STEPS.indexOf(current);
  return (
    <ol className="steps" aria-label="Checkout progress">
      {CHECKOUT_STEPS.map((s, i) => (
        <li key={s} aria-current={s === current ? 'step' : undefined} data-state={i < at ? 'done' : undefined}>
          <span className="step-label">{stepLabels[s]}</span>
        </li>
      ))}
    </ol>
  );
}

export function Component() {
  const [draft, dispatch] = useReducer(checkoutReducer, undefined, () => initialDraft());
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cart = trpc.cart.get.useQuery();
  const lastAddress = trpc.orders.lastShippingAddress.useQuery();
  const trpcUtils = trpc.useUtils();
  const place = trpc.checkout.place.useMutation();

  const urlStep = stepFromUrl(params);
  const step = visibleStep(urlStep, draft);
  usePageMeta(`Checkout · ${stepLabels[step]}`);

  // Focus moves to the heading on each step so screen readers announce where the buyer is.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    headingRef.current?.focus();
  }, [step]);

  const go = (next: CheckoutStep, replace = false) => navigate({ search: stepSearch(next) }, { replace });

  function placeOrder(quote: QuoteDto) {
    const { address, token } = draft;
    if (!address || !token || draft.placing) return;
    dispatch({ type: 'PLACE' });
    place.mutate(
      {
        idempotencyKey: draft.attemptKey,
        shippingAddress: address,
        quote: { version: quote.version, totalCents: quote.totalCents },
        payment: { token },
      },
      {
        onSuccess: (result) => {
          dispatch({ type: 'PLACED', result });
          go('confirmation', true);
          void trpcUtils.cart.get.invalidate();
          void trpcUtils.orders.invalidate();
        },
        onError: (err) => {
          const problem = problemFrom(err, quote);
          dispatch({ type: 'FAILED', problem });
          // The review now shows the server's new quote; confirming it places at that price.
          if (problem.kind === 'priceChanged')
            trpcUtils.checkout.quote.setData({ shippingAddress: address }, problem.next);
          if (problem.kind === 'inventory' || problem.kind === 'priceChanged') void trpcUtils.cart.get.invalidate();
        },
      },
    );
  }

  // A URL ahead of what the buyer has filled in (a reload, a pasted link) is corrected in place.
  if (step !== urlStep) return <Navigate to={{ search: stepSearch(step) }} replace />;
  if (cart.isPending || lastAddress.isPending) return <PageSkeleton />;
  if (step !== 'confirmation' && (!cart.data || cart.data.itemCount === 0)) {
    return (
      <div className="page">
        <EmptyState
          art="🛒"
          title={draft.result ? 'Your order is placed' : 'Nothing to check out'}
          action={
            <Link className="btn btn-primary" to={draft.result ? '/orders' : '/'}>
              {draft.result ? 'View your orders' : 'Keep shopping'}
            </Link>
          }
        >
          {draft.result ? 'Your cart is empty now.' : 'Your cart is empty.'}
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page page-narrow">
      <h1 ref={headingRef} tabIndex={-1} className="focus-heading">
        {step === 'confirmation' ? 'Thank you!' : `Checkout · ${stepLabels[step]}`}
      </h1>
      <Steps current={step} />
      <div className="card">
        {step === 'address' && (
          <AddressStep
            initial={draft.address ?? lastAddress.data ?? null}
            onDone={(address) => {
              dispatch({ type: 'ADDRESS_DONE', address });
              go('payment');
            }}
          />
        )}
        {step === 'payment' && (
          <PaymentStep
            initial={draft.token}
            onDone={(token) => {
              dispatch({ type: 'PAYMENT_DONE', token });
              go('review');
            }}
          />
        )}
        {step === 'review' && draft.address && draft.token && cart.data && (
          <ReviewStep
            address={draft.address}
            token={draft.token}
            cart={cart.data}
            placing={draft.placing}
            problem={draft.problem}
            onPlace={placeOrder}
          />
        )}
        {step === 'confirmation' && draft.result && <Confirmation result={draft.result} />}
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
