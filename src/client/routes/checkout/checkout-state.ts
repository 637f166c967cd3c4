// Checkout state. The STEP lives only in the URL (?step=), so Back/Forward, reloads and the
// screen can never disagree; this file holds what the steps collect (address, card, the
// attempt's idempotency key, the result) and decides which step the URL may show with it.
// Each review attempt carries ONE idempotency key: double clicks and retries of the same attempt
// reuse it (the server answers once), while changing the card or address starts a new attempt.
import type { QuoteDto, ShippingAddressInput, UnavailableItem } from '../../../shared/schemas/checkout';

export type PaymentToken = 'tok_visa' | 'tok_chargeDeclined' | 'tok_insufficientFunds';

export const CHECKOUT_STEPS = ['address', 'payment', 'review', 'confirmation'] as const;
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number];

export interface PlacedOrders {
  orders: { orderId: number; shopName: string; totalCents: number; itemCount: number }[];
  totalChargedCents: number;
}

export type CheckoutProblem =
  | { kind: 'inventory'; items: UnavailableItem[]; message: string }
  | { kind: 'declined'; declineCode: string | null; message: string }
  /** The server refused the quote the buyer confirmed; they confirm `next` or go back. */
  | { kind: 'priceChanged'; previous: QuoteDto; next: QuoteDto; message: string }
  | { kind: 'retryable'; message: string }
  | { kind: 'other'; message: string };

export interface CheckoutDraft {
  address: ShippingAddressInput | null;
  token: PaymentToken | null;
  attemptKey: string;
  placing: boolean;
  problem: CheckoutProblem | null;
  result: PlacedOrders | null;
}

export type CheckoutEvent =
  | { type: 'ADDRESS_DONE'; address: ShippingAddressInput }
  | { type: 'PAYMENT_DONE'; token: PaymentToken }
  | { type: 'PLACE' }
  | { type: 'PLACED'; result: PlacedOrders }
  | { type: 'FAILED'; problem: CheckoutProblem }
  /** What the refusal asked for is done (its lines removed, a fresh quote on screen). */
  | { type: 'PROBLEM_SOLVED' };

const newKey = () => crypto.randomUUID();

/** A fresh checkout, or one resumed with the address confirmed before a reload. */
export function initialDraft(address: ShippingAddressInput | null = null): CheckoutDraft {
  return { address, token: null, attemptKey: newKey(), placing: false, problem: null, result: null };
}

export function checkoutReducer(draft: CheckoutDraft, event: CheckoutEvent): CheckoutDraft {
  // Nothing changes while an order is being placed or after it was placed.
  if (draft.result || (draft.placing && event.type !== 'PLACED' && event.type !== 'FAILED')) return draft;
  switch (event.type) {
    case 'ADDRESS_DONE':
      return { ...draft, address: event.address, attemptKey: newKey(), problem: null };
    case 'PAYMENT_DONE':
      return { ...draft, token: event.token, attemptKey: newKey(), problem: null };
    case 'PLACE':
      if (!draft.address || !draft.token) return draft;
      return { ...draft, placing: true, problem: null };
    case 'PLACED':
      return { ...draft, placing: false, result: event.result };
    case 'PROBLEM_SOLVED':
      return { ...draft, problem: null };
    case 'FAILED': {
      // A decline, changed stock or changed prices end this attempt: the next try is a new
      // request, new key. A transient failure keeps the key, so retrying can never charge twice.
      const newAttempt = ['declined', 'inventory', 'priceChanged'].includes(event.problem.kind);
      return {
        ...draft,
        placing: false,
        problem: event.problem,
        attemptKey: newAttempt ? newKey() : draft.attemptKey,
      };
    }
  }
}

/** The step named in the URL; anything missing or unknown is the first step. */
export function stepFromUrl(params: URLSearchParams): CheckoutStep {
  const value = params.get('step');
  return (CHECKOUT_STEPS as readonly string[]).includes(value ?? '') ? (value as CheckoutStep) : 'address';
}

/** The furthest step the draft has earned. */
export function furthestStep(draft: CheckoutDraft): CheckoutStep {
  if (draft.result) return 'confirmation';
  if (!draft.address) return 'address';
  if (!draft.token) return 'payment';
  return 'review';
}

/**
 * The step to show for a URL: the URL's own step when the draft has reached it, else the
 * furthest one reached (a reload or a pasted link to ?step=review starts where data allows).
 * Confirmation is shown only at its own URL, so browsing Back after placing never re-shows a
 * form for an order that exists.
 */
export function visibleStep(urlStep: CheckoutStep, draft: CheckoutDraft): CheckoutStep {
  if (urlStep === 'confirmation') return draft.result ? 'confirmation' : furthestStep({ ...draft, result: null });
  const reached = CHECKOUT_STEPS.indexOf(furthestStep({ ...draft, result: null }));
  return CHECKOUT_STEPS.indexOf(urlStep) <= reached ? urlStep : CHECKOUT_STEPS[reached];
}

/** The search string of a step's URL. */
export function stepSearch(step: CheckoutStep): string {
  return `?step=${step}`;
}
