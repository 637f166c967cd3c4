// After commit: capture the authorisation and mark our payment record captured. The orders
// stand either way; a failed capture leaves the payment 'authorized' for the reconciliation job
// (jobs/payment-reconciliation.ts) to retry.
import type { Db } from '../../../db/kysely';
import type { PaymentProvider } from '../../payments/payment-provider';
import { setPaymentStatus } from '../../payments/payments.repository';
import type { Effect } from '../workflow';

export interface CapturePaymentInput {
  db: Db;
  provider: PaymentProvider;
  ref: string;
  paymentId: number;
}

export const capturePayment: Effect<CapturePaymentInput> = {
  name: 'capturePayment',
  async run({ db, provider, ref, paymentId }) {
    try {
      await provider.capture(ref);
      await setPaymentStatus(db, paymentId, 'captured');
    } catch (err) {
      throw new Error(`capture of payment ${paymentId} failed: ${String(err)}`);
    }
  },
};
