// Payment records: one per checkout, shared by that checkout's orders (one charge, many shops).
import { sql } from 'kysely';
import type { PaymentStatus } from '../../db/database';
import type { DbOrTx, Tx } from '../../db/kysely';

export function setPaymentStatus(db: DbOrTx, paymentId: number, status: PaymentStatus) {
  return db.updateTable('payments').set({ status, updated_at: new Date() }).where('id', '=', paymentId).execute();
}

/** Locks the payment row and adds a refund to it (several orders may share one payment). */
export function addRefund(tx: Tx, paymentId: number, amountCents: number) {
  return tx
    .updateTable('payments')
    .set((eb) => ({
      refunded_cents: eb('refunded_cents', '+', amountCents),
      status: sql<PaymentStatus>`case when ${eb.ref('refunded_cents')} + ${amountCents} >= ${eb.ref('amount_cents')}
        then 'refunded' else 'partially_refunded' end`,
      updated_at: new Date(),
    }))
    .where('id', '=', paymentId)
    .returning(['provider', 'provider_ref', 'amount_cents', 'refunded_cents', 'status'])
    .executeTakeFirstOrThrow();
}
