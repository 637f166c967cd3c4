// Step 2: authorise the charge, outside any lock. Compensation voids the authorisation, so a
// checkout that fails later never leaves money held on the buyer's card.
import { DomainError } from '../../../../shared/errors';
import type { PaymentProvider } from '../../payments/payment-provider';
import { type Step, StepResponse } from '../workflow';

export interface AuthorizePaymentInput {
  provider: PaymentProvider;
  amountCents: number;
  currency: string;
  token: string;
  /** Unique per attempt: a failed attempt's key may be claimed again, and must not get back
   * the authorisation that was voided. */
  idempotencyKey: string;
}

export interface AuthorizedPayment {
  ref: string;
}

interface VoidData {
  provider: PaymentProvider;
  ref: string;
}

export const authorizePayment: Step<AuthorizePaymentInput, AuthorizedPayment, VoidData> = {
  name: 'authorizePayment',
  async invoke({ provider, amountCents, currency, token, idempotencyKey }) {
    const result = await provider.authorize({ amountCents, currency, token, idempotencyKey });
    if (!result.ok) throw new DomainError('PAYMENT_FAILED', result.message, { declineCode: result.declineCode });
    return new StepResponse({ ref: result.ref }, { provider, ref: result.ref });
  },
  async compensate({ provider, ref }) {
    await provider.void(ref);
  },
};
