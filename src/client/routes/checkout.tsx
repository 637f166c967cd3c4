// Checkout page. The step is read from the URL (?step=) and nowhere else: links and Back/Forward
// move between steps, and what the steps collected lives in checkout-state.ts, which also
// decides which step a URL may show with what has been collected so far. The confirmed address
// (and a guest's email), and what is being typed on the Shipping step, outlive a reload in this
// tab's storage, never the card: checkout-draft-store.ts.
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { type LoaderFunctionArgs, Navigate, useNavigate, useSearchParams } from 'react-router';
import { toast } from 'sonner';
import type { QuoteDto } from '../../shared/schemas/checkout';
import { PageSkeleton, PageState, RouteErrorBoundary } from '../components/states';
import { usePageMeta } from '../lib/page-meta';
import { useMe } from '../lib/session';
import { describeError, trpc, utils } from '../trpc';
import { AddressStep } from './checkout/address-step';
import {
  clearAddressTyping,
  clearCheckoutDraft,
  loadAddressTyping,
  loadCheckoutDraft,
  saveAddressTyping,
  saveCheckoutDraft,
} from './checkout/checkout-draft-store';
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

// Guests check out too (with an email, issue 15 item 5); a signed-in buyer's last address prefills.
export async function loader(_: LoaderFunctionArgs) {
  const [, me] = await Promise.all([
    utils.cart.get.ensureData(),
    utils.auth.me.ensureData(undefined, { staleTime: 60_000 }),
  ]);
  if (me.user) await Promise.all([utils.orders.lastShippingAddress.ensureData(), utils.addresses.list.ensureData()]);
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
  const { user, loading: meLoading } = useMe();
  const userId = user?.id ?? null;
  // What this tab confirmed before a reload (the loader has settled who is signed in by now).
  const [saved] = useState(() => (meLoading ? null : loadCheckoutDraft(userId)));
  const [draft, dispatch] = useReducer(checkoutReducer, saved?.address ?? null, initialDraft);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cart = trpc.cart.get.useQuery();
  const lastAddress = trpc.orders.lastShippingAddress.useQuery(undefined, { enabled: !!user });
  const savedAddresses = trpc.addresses.list.useQuery(undefined, { enabled: !!user });
  const saveAddress = trpc.addresses.create.useMutation({
    onSuccess: (book) => trpcUtils.addresses.list.setData(undefined, book),
    onError: (err) => toast.error(`The address was not saved: ${describeError(err).message}`),
  });
  const trpcUtils = trpc.useUtils();
  const place = trpc.checkout.place.useMutation();
  const placeAsGuest = trpc.checkout.placeAsGuest.useMutation();
  // A guest's email and, once paid, the signed link to their orders.
  const [guestEmail, setGuestEmail] = useState<string | null>(saved?.email ?? null);
  const [guestLink, setGuestLink] = useState<string | null>(null);

  const urlStep = stepFromUrl(params);
  const step = visibleStep(urlStep, draft);
  usePageMeta(`Checkout · ${stepLabels[step]}`);
  // Read each time the Shipping step opens, so it is what was last typed there in this tab.
  const typed = useMemo(
    () => (step === 'address' && !meLoading ? loadAddressTyping(userId) : null),
    [step, meLoading, userId],
  );

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
    const input = {
      idempotencyKey: draft.attemptKey,
      shippingAddress: address,
      quote: { version: quote.version, totalCents: quote.totalCents },
      payment: { token },
    };
    const send = (handlers: Parameters<typeof place.mutate>[1]) => {
      if (user) place.mutate(input, handlers);
      else if (guestEmail)
        placeAsGuest.mutate(
          { ...input, email: guestEmail },
          {
            ...handlers,
            onSuccess: (result, _v, r, c) => {
              setGuestLink(result.orderLink);
              handlers?.onSuccess?.(result, input, r, c);
            },
          },
        );
    };
    send({
      onSuccess: (result) => {
        clearCheckoutDraft();
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
        // The quote on screen counted lines that can no longer be bought: it goes (Place order waits,
        // disabled) and a fresh one says what is left out and what the rest costs.
        if (problem.kind === 'inventory') void trpcUtils.checkout.quote.reset({ shippingAddress: address });
      },
    });
  }

  // A URL ahead of what the buyer has filled in (a reload, a pasted link) is corrected in place.
  if (step !== urlStep) return <Navigate to={{ search: stepSearch(step) }} replace />;
  if (cart.isPending || meLoading || (user && (lastAddress.isPending || savedAddresses.isPending)))
    return <PageSkeleton />;
  const defaultSaved = savedAddresses.data?.find((a) => a.isDefault)?.address;
  // A guest on a later step whose email this tab does not have (a pasted link): ask again.
  if (!user && !guestEmail && (step === 'payment' || step === 'review'))
    return <Navigate to={{ search: stepSearch('address') }} replace />;
  if (step !== 'confirmation' && (!cart.data || cart.data.itemCount === 0)) {
    return (
      <PageState
        art="🛒"
        title={draft.result ? 'Your order is placed' : 'Nothing to check out'}
        link={{ to: draft.result ? '/orders' : '/', label: draft.result ? 'View your orders' : 'Keep shopping' }}
      >
        {draft.result ? 'Your cart is empty now.' : 'Your cart is empty.'}
      </PageState>
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
            initial={draft.address ?? defaultSaved ?? lastAddress.data ?? null}
            typed={typed}
            guestEmail={user ? undefined : (guestEmail ?? '')}
            saved={user ? (savedAddresses.data ?? []) : []}
            onEdit={(typing) => saveAddressTyping(userId, typing)}
            onDone={(address, { email, save }) => {
              if (!user && email) setGuestEmail(email);
              saveCheckoutDraft(userId, { address, email: user ? null : (email ?? null) });
              // Checked and kept as the draft now: the typing it came from is done with.
              clearAddressTyping();
              // Saved alongside, never in the way: checkout goes on whatever the answer.
              if (user && save) saveAddress.mutate({ address });
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
            onProblemSolved={() => dispatch({ type: 'PROBLEM_SOLVED' })}
          />
        )}
        {step === 'confirmation' && draft.result && (
          <Confirmation
            result={draft.result}
            guest={!user && guestEmail && guestLink ? { email: guestEmail, link: guestLink } : undefined}
          />
        )}
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
