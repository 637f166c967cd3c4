// A deterministic stand-in for a card processor with Stripe-like test tokens. Its state lives in
// the shared Store (Redis across instances), so an order placed through one app instance can be
// refunded through another. Results depend only on the request, which makes replays idempotent.
import type { Store } from '../../services/store';
import {
  type AuthorizeRequest,
  type AuthorizeResult,
  type PaymentProvider,
  PaymentProviderError,
} from './payment-provider';

const DECLINES: Record<string, { declineCode: string; message: string }> = {
  tok_chargeDeclined: { declineCode: 'card_declined', message: 'Your card was declined.' },
  tok_insufficientFunds: { declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  tok_expiredCard: { declineCode: 'expired_card', message: 'Your card has expired.' },
};
const APPROVED = new Set(['tok_visa', 'tok_mastercard', 'tok_amex']);

export type TestPaymentStatus = 'authorized' | 'captured' | 'voided' | 'refunded' | 'partially_refunded';

export interface TestPaymentState {
  ref: string;
  amountCents: number;
  status: TestPaymentStatus;
  refundedCents: number;
}

const TTL_SECONDS = 7 * 86_400;
const stateKey = (ref: string) => `testpay:ref:${ref}`;
const idemKey = (key: string) => `testpay:idem:${key}`;

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Buffer.from(bytes).toString('hex');
}

export class TestPaymentProvider implements PaymentProvider {
  readonly name = 'test';

  constructor(private readonly store: Store) {}

  async authorize(req: AuthorizeRequest): Promise<AuthorizeResult> {
    const fingerprint = `${req.token}|${req.amountCents}|${req.currency}`;
    const previous = await this.store.get(idemKey(req.idempotencyKey));
    if (previous) {
      const stored = JSON.parse(previous) as { fingerprint: string; result: AuthorizeResult };
      if (stored.fingerprint !== fingerprint)
        throw new PaymentProviderError('Idempotency key reused with different parameters.');
      return stored.result;
    }
    const result = await this.decide(req);
    // Concurrent first calls compute the same result; whichever stores first wins, all agree.
    await this.store.setIfAbsent(idemKey(req.idempotencyKey), JSON.stringify({ fingerprint, result }), TTL_SECONDS);
    if (result.ok) {
      const state: TestPaymentState = {
        ref: result.ref,
        amountCents: req.amountCents,
        status: 'authorized',
        refundedCents: 0,
      };
      await this.store.setIfAbsent(stateKey(result.ref), JSON.stringify(state), TTL_SECONDS);
    }
    return result;
  }

  private async decide(req: AuthorizeRequest): Promise<AuthorizeResult> {
    const decline = DECLINES[req.token];
    if (decline) return { ok: false, ...decline };
    if (!APPROVED.has(req.token))
      return { ok: false, declineCode: 'invalid_token', message: 'The payment details could not be read.' };
    if (req.amountCents <= 0 || req.amountCents > 99_999_999)
      return { ok: false, declineCode: 'invalid_amount', message: 'The amount cannot be charged.' };
    return {
      ok: true,
      ref: `pi_test_${(await digest(req.idempotencyKey)).slice(0, 24)}`,
      amountCents: req.amountCents,
    };
  }

  async capture(ref: string): Promise<void> {
    const state = await this.load(ref);
    if (state.status === 'captured') return;
    if (state.status !== 'authorized') throw new PaymentProviderError(`Cannot capture a ${state.status} payment.`);
    await this.save({ ...state, status: 'captured' });
  }

  async void(ref: string): Promise<void> {
    const state = await this.load(ref);
    if (state.status === 'voided') return;
    if (state.status !== 'authorized') throw new PaymentProviderError(`Cannot void a ${state.status} payment.`);
    await this.save({ ...state, status: 'voided' });
  }

  async refund(ref: string, amountCents: number, idempotencyKey: string): Promise<void> {
    if (!(await this.store.setIfAbsent(idemKey(`refund:${idempotencyKey}`), String(amountCents), TTL_SECONDS))) return;
    const state = await this.load(ref);
    if (state.status !== 'captured' && state.status !== 'partially_refunded')
      throw new PaymentProviderError(`Cannot refund a ${state.status} payment.`);
    const refundedCents = state.refundedCents + amountCents;
    if (refundedCents > state.amountCents) throw new PaymentProviderError('Refund exceeds the captured amount.');
    await this.save({
      ...state,
      refundedCents,
      status: refundedCents === state.amountCents ? 'refunded' : 'partially_refunded',
    });
  }

  /** For tests and support tooling: what the processor knows about a payment. */
  async lookup(ref: string): Promise<TestPaymentState | null> {
    const raw = await this.store.get(stateKey(ref));
    return raw ? (JSON.parse(raw) as TestPaymentState) : null;
  }

  private async load(ref: string): Promise<TestPaymentState> {
    const state = await this.lookup(ref);
    if (!state) throw new PaymentProviderError(`Unknown payment ${ref}.`);
    return state;
  }

  private async save(state: TestPaymentState) {
    await this.store.set(stateKey(state.ref), JSON.stringify(state), TTL_SECONDS);
  }
}
