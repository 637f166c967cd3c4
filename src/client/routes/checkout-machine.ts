// The checkout flow as an explicit state machine: address → payment → review → confirmation.
// Each review attempt carries ONE idempotency key: double clicks and retries of the same attempt
// reuse it (the server answers once), while changing the card or address starts a new attempt.
import type { ShippingAddressInput, UnavailableItem } from '../../shared/schemas/checkout';

export type PaymentToken = 'tok_visa' | 'tok_chargeDeclined' | 'tok_insufficientFunds';

export interface PlacedOrders {
  orders: { orderId: number; shopName: string; totalCents: number; itemCount: number }[];
  totalChargedCents: number;
}

export type CheckoutProblem =
  | { kind: 'inventory'; items: UnavailableItem[]; message: string }
  | { kind: 'declined'; declineCode: string | null; message: string }
  | { kind: 'retryable'; message: string }
  | { kind: 'other'; message: string };

export type CheckoutState =
  | { step: 'address'; address: ShippingAddressInput | null; token: PaymentToken | null }
  | { step: 'payment'; address: ShippingAddressInput; token: PaymentToken | null }
  | {
      step: 'review';
      address: ShippingAddressInput;
      token: PaymentToken;
      attemptKey: string;
      placing: boolean;
      problem: CheckoutProblem | null;
    }
  | { step: 'confirmation'; result: PlacedOrders };

export type CheckoutEvent =
  | { type: 'ADDRESS_DONE'; address: ShippingAddressInput }
  | { type: 'PAYMENT_DONE'; token: PaymentToken }
  | { type: 'BACK_TO'; step: 'address' | 'payment' }
  | { type: 'PLACE' }
  | { type: 'PLACED'; result: PlacedOrders }
  | { type: 'FAILED'; problem: CheckoutProblem };

export const initialCheckout: CheckoutState = { step: 'address', address: null, token: null };

export function checkoutReducer(state: CheckoutState, event: CheckoutEvent): CheckoutState {
  switch (event.type) {
    case 'ADDRESS_DONE':
      if (state.step === 'confirmation') return state;
      return { step: 'payment', address: event.address, token: 'token' in state ? state.token : null };
    case 'PAYMENT_DONE':
      if (state.step !== 'payment') return state;
      return {
        step: 'review',
        address: state.address,
        token: event.token,
        attemptKey: crypto.randomUUID(),
        placing: false,
        problem: null,
      };
    case 'BACK_TO':
      if (state.step === 'confirmation' || (state.step === 'review' && state.placing)) return state;
      if (event.step === 'address') return { step: 'address', address: state.address, token: state.token };
      if (state.step === 'review') return { step: 'payment', address: state.address, token: state.token };
      return state;
    case 'PLACE':
      // A second PLACE while one is in flight changes nothing: same attempt, same key.
      if (state.step !== 'review' || state.placing) return state;
      return { ...state, placing: true, problem: null };
    case 'PLACED':
      if (state.step !== 'review') return state;
      return { step: 'confirmation', result: event.result };
    case 'FAILED': {
      if (state.step !== 'review') return state;
      // A decline or changed stock ends this attempt: the next try is a new request, new key.
      // A transient failure keeps the key, so retrying can never charge twice.
      const newAttempt = event.problem.kind === 'declined' || event.problem.kind === 'inventory';
      return {
        ...state,
        placing: false,
        problem: event.problem,
        attemptKey: newAttempt ? crypto.randomUUID() : state.attemptKey,
      };
    }
  }
}

export const stepOrder = ['address', 'payment', 'review', 'confirmation'] as const;
