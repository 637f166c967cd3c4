// A deterministic stand-in for a card processor with Stripe-like test tokens. Like a real
// processor it keeps its own durable ledger (the test_processor_* tables), independent of our
// Redis, so an order placed through one app instance can be refunded through another and a
// Redis outage never loses a payment. Results depend only on the request, so replays agree.
import { sql } from 'kysely';
import type { Db } from '../../db/kysely';
import { inTransaction } from '../../db/transaction';
import {
  type AuthorizeRequest,
  type AuthorizeResult,
  type PaymentProvider,
  PaymentProviderError,
  type ProcessorPayment,
  type ProcessorStatus,
} from './payment-provider';

const DECLINES: Record<string, { declineCode: string; message: string }> = {
  tok_chargeDeclined: { declineCode: 'card_declined', message: 'Your card was declined.' },
  tok_insufficientFunds: { declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  tok_expiredCard: { declineCode: 'expired_card', message: 'Your card has expired.' },
};
const APPROVED = new Set(['tok_visa', 'tok_mastercard', 'tok_amex']);
/** Like Stripe's USD limit: $999,999.99 in one charge. */
export const TEST_MAX_AMOUNT_CENTS = 99_999_999;

export type TestPaymentStatus = ProcessorStatus;
export type TestPaymentState = ProcessorPayment;

// Synchronous: WebCrypto's promise costs a thread hop per authorisation for 60 bytes of input.
function digest(text: string): string {
  return new Bun.CryptoHasher('sha256').update(text).digest('hex');
}

export class TestPaymentProvider implements PaymentProvider {
  readonly name = 'test';
  readonly maxAmountCents = TEST_MAX_AMOUNT_CENTS;

  constructor(private readonly db: Db) {}

  async authorize(req: AuthorizeRequest): Promise<AuthorizeResult> {
    const fingerprint = `${req.token}|${req.amountCents}|${req.currency}`;
    const decided = await this.decide(req);
    // One round trip: record the decision (first call wins), open the payment when approved, and
    // return what is stored for this key. A concurrent first call that lost the insert race may
    // not see the winner's row in its snapshot; it reads it once more.
    const { rows } = await sql<{ fingerprint: string; result: AuthorizeResult }>`
      with ins as (
        insert into test_processor_authorizations (idempotency_key, fingerprint, result)
        values (${req.idempotencyKey}, ${fingerprint}, ${JSON.stringify(decided)}::jsonb)
        on conflict (idempotency_key) do nothing
        returning fingerprint, result
      ), opened as (
        insert into test_processor_payments (ref, amount_cents, status)
        select ${decided.ok ? decided.ref : ''}, ${req.amountCents}, 'authorized' from ins where ${decided.ok}
        on conflict (ref) do nothing
      )
      select fingerprint, result from ins
      union all
      select fingerprint, result from test_processor_authorizations
        where idempotency_key = ${req.idempotencyKey} and not exists (select 1 from ins)`.execute(this.db);
    const stored =
      rows[0] ??
      (await this.db
        .selectFrom('test_processor_authorizations')
        .select(['fingerprint', 'result'])
        .where('idempotency_key', '=', req.idempotencyKey)
        .executeTakeFirstOrThrow());
    if (stored.fingerprint !== fingerprint)
      throw new PaymentProviderError('Idempotency key reused with different parameters.');
    return stored.result as AuthorizeResult;
  }

  private async decide(req: AuthorizeRequest): Promise<AuthorizeResult> {
    const decline = DECLINES[req.token];
    if (decline) return { ok: false, ...decline };
    if (!APPROVED.has(req.token))
      return { ok: false, declineCode: 'invalid_token', message: 'The payment details could not be read.' };
    if (req.amountCents <= 0 || req.amountCents > TEST_MAX_AMOUNT_CENTS)
      return { ok: false, declineCode: 'invalid_amount', message: 'The amount cannot be charged.' };
    return {
      ok: true,
      ref: `pi_test_${digest(req.idempotencyKey).slice(0, 24)}`,
      amountCents: req.amountCents,
    };
  }

  capture(ref: string): Promise<void> {
    return this.transition(ref, 'authorized', 'captured');
  }

  void(ref: string): Promise<void> {
    return this.transition(ref, 'authorized', 'voided');
  }

  /** Moves a payment from one status to the next; repeating a finished move is a no-op. */
  private async transition(ref: string, from: TestPaymentStatus, to: TestPaymentStatus) {
    const moved = await this.db
      .updateTable('test_processor_payments')
      .set({ status: to, updated_at: new Date() })
      .where('ref', '=', ref)
      .where('status', '=', from)
      .executeTakeFirst();
    if (moved.numUpdatedRows > 0n) return;
    const state = await this.load(ref);
    if (state.status !== to) throw new PaymentProviderError(`Cannot move a ${state.status} payment to ${to}.`);
  }

  async refund(ref: string, amountCents: number, idempotencyKey: string): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      const fresh = await tx
        .insertInto('test_processor_refunds')
        .values({ idempotency_key: idempotencyKey, ref, amount_cents: amountCents })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning('ref')
        .executeTakeFirst();
      if (!fresh) return;
      const state = await tx
        .selectFrom('test_processor_payments')
        .select(['status', 'amount_cents', 'refunded_cents'])
        .where('ref', '=', ref)
        .forUpdate()
        .executeTakeFirst();
      if (!state) throw new PaymentProviderError(`Unknown payment ${ref}.`);
      if (state.status !== 'captured' && state.status !== 'partially_refunded')
        throw new PaymentProviderError(`Cannot refund a ${state.status} payment.`);
      const refundedCents = state.refunded_cents + amountCents;
      if (refundedCents > state.amount_cents) throw new PaymentProviderError('Refund exceeds the captured amount.');
      await tx
        .updateTable('test_processor_payments')
        .set({
          refunded_cents: refundedCents,
          status: refundedCents === state.amount_cents ? 'refunded' : 'partially_refunded',
          updated_at: new Date(),
        })
        .where('ref', '=', ref)
        .execute();
    });
  }

  /** For tests and support tooling: what the processor knows about a payment. */
  async lookup(ref: string): Promise<TestPaymentState | null> {
    const row = await this.db
      .selectFrom('test_processor_payments')
      .select(['ref', 'amount_cents', 'status', 'refunded_cents'])
      .where('ref', '=', ref)
      .executeTakeFirst();
    return row
      ? {
          ref: row.ref,
          amountCents: row.amount_cents,
          status: row.status as TestPaymentStatus,
          refundedCents: row.refunded_cents,
        }
      : null;
  }

  async listOpenAuthorizations({ olderThan, limit }: { olderThan: Date; limit: number }): Promise<ProcessorPayment[]> {
    // An authorised payment has not moved since it was opened, so updated_at is its age.
    const rows = await this.db
      .selectFrom('test_processor_payments')
      .select(['ref', 'amount_cents', 'status', 'refunded_cents'])
      .where('status', '=', 'authorized')
      .where('updated_at', '<', olderThan)
      .orderBy('updated_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      ref: r.ref,
      amountCents: r.amount_cents,
      status: r.status as ProcessorStatus,
      refundedCents: r.refunded_cents,
    }));
  }

  private async load(ref: string): Promise<TestPaymentState> {
    const state = await this.lookup(ref);
    if (!state) throw new PaymentProviderError(`Unknown payment ${ref}.`);
    return state;
  }
}
