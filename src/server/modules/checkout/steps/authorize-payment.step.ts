// Step 2: authorise the confirmed total, outside any lock. Compensation voids the authorisation,
// so a checkout that fails later never leaves money held on the buyer's card. A $0 checkout
// (free listings, free shipping) charges nothing: no card call, and its payment record is
// settled at once (decision 0010).
import { DomainError } from '../../../../shared/errors';
import type { PaymentProvider } from '../../payments/payment-provider';
import { type Step, StepResponse } from '../workflow';

export interface AuthorizePaymentInput {
  provider: PaymentProvider;
  /** The total the buyer confirmed (checked against the cart in checkCart). */
  amountCents: number;
  currency: string;
  token: string;
  /** Unique per attempt: a failed attempt's key may be claimed again, and must not get back
   * the authorisation that was voided. */
  idempotencyKey: string;
}

export interface AuthorizedPayment {
  provider: string;
  ref: string;
  /** 'authorized' needs a capture after commit; 'captured' is already settled ($0). */
  status: 'authorized' | 'captured';
}

interface VoidData {
  provider: PaymentProvider;
  ref: string;
}

/** Provider name of payments that never reached a processor. */
export const NO_CHARGE_PROVIDER = 'none';

export const authorizePayment: Step<AuthorizePaymentInput, AuthorizedPayment, VoidData> = {
  name: 'authorizePayment',
  async invoke({ provider, amountCents, currency, token, idempotencyKey }) {
    if (amountCents === 0)
      return new StepResponse<AuthorizedPayment, VoidData>({
        provider: NO_CHARGE_PROVIDER,
        ref: `free_${crypto.randomUUID()}`,
        status: 'captured',
      });
    const result = await provider.authorize({ amountCents, currency, token, idempotencyKey });
    if (!result.ok) throw new DomainError('PAYMENT_FAILED', result.message, { declineCode: result.declineCode });
    return new StepResponse<AuthorizedPayment, VoidData>(
      { provider: provider.name, ref: result.ref, status: 'authorized' },
      { provider, ref: result.ref },
    );
  },
  async compensate({ provider, ref }) {
    await provider.void(ref);
  },
};
