// The boundary to a card processor. Checkout and orders talk only to this interface, so a real
// processor (Stripe, Adyen) can replace the deterministic test provider without touching them.
// Every call carries an idempotency key: a retried call must never charge or refund twice.

export type AuthorizeResult =
  | { ok: true; ref: string; amountCents: number }
  | { ok: false; declineCode: string; message: string };

export interface AuthorizeRequest {
  amountCents: number;
  currency: string;
  /** Card token from the client (never a card number). */
  token: string;
  idempotencyKey: string;
}

export type ProcessorStatus = 'authorized' | 'captured' | 'voided' | 'refunded' | 'partially_refunded';

/** What the processor's own ledger says about one payment. */
export interface ProcessorPayment {
  ref: string;
  amountCents: number;
  status: ProcessorStatus;
  refundedCents: number;
}

export interface PaymentProvider {
  readonly name: string;
  /** The largest single charge the processor accepts; checkout refuses larger totals at quote time. */
  readonly maxAmountCents: number;
  authorize(req: AuthorizeRequest): Promise<AuthorizeResult>;
  capture(ref: string): Promise<void>;
  /** Releases an authorisation that will not be captured. Voiding twice is a no-op. */
  void(ref: string): Promise<void>;
  refund(ref: string, amountCents: number, idempotencyKey: string): Promise<void>;
  /** The processor's record of a payment; null when it has none. */
  lookup(ref: string): Promise<ProcessorPayment | null>;
  /** Authorisations still open (neither captured nor voided) since before `olderThan`, oldest first. */
  listOpenAuthorizations(opts: { olderThan: Date; limit: number }): Promise<ProcessorPayment[]>;
}

export class PaymentProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaymentProviderError';
  }
}
