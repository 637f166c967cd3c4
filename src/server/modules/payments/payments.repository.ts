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

/**
 * Claims up to `limit` payments whose capture is due (authorised, older than the grace period,
 * next attempt reached) by pushing their next attempt `leaseMs` ahead: SKIP LOCKED lets several
 * instances claim disjoint sets, and the lease keeps another instance off a payment in progress.
 */
export async function claimDueCaptures(
  db: DbOrTx,
  opts: { now: Date; createdBefore: Date; leaseMs: number; limit: number },
) {
  const { rows } = await sql<{ id: number; provider: string; provider_ref: string; capture_attempts: number }>`
    update payments p set next_capture_at = ${new Date(opts.now.getTime() + opts.leaseMs)}
    from (
      select id from payments
      where status = 'authorized' and created_at < ${opts.createdBefore}
        and (next_capture_at is null or next_capture_at <= ${opts.now})
      order by next_capture_at nulls first, created_at
      limit ${opts.limit}
      for update skip locked
    ) due
    where p.id = due.id
    returning p.id, p.provider, p.provider_ref, p.capture_attempts`.execute(db);
  return rows;
}

export function markCaptured(db: DbOrTx, paymentId: number) {
  return db
    .updateTable('payments')
    .set({ status: 'captured', next_capture_at: null, last_capture_error: null, updated_at: new Date() })
    .where('id', '=', paymentId)
    .where('status', '=', 'authorized')
    .execute();
}

export function recordCaptureFailure(db: DbOrTx, paymentId: number, nextAt: Date, error: string) {
  return db
    .updateTable('payments')
    .set((eb) => ({
      capture_attempts: eb('capture_attempts', '+', 1),
      next_capture_at: nextAt,
      last_capture_error: error.slice(0, 500),
      updated_at: new Date(),
    }))
    .where('id', '=', paymentId)
    .where('status', '=', 'authorized')
    .execute();
}

/** Which of these processor refs have a payment record (and so an order). */
export async function knownRefs(db: DbOrTx, refs: readonly string[]): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const rows = await db.selectFrom('payments').select('provider_ref').where('provider_ref', 'in', refs).execute();
  return new Set(rows.map((r) => r.provider_ref));
}

/** Payments to compare with the processor: still open, or changed since `since`. */
export function paymentsToCompare(db: DbOrTx, provider: string, since: Date, limit: number) {
  return db
    .selectFrom('payments')
    .select(['id', 'provider_ref', 'amount_cents', 'refunded_cents', 'status'])
    .where('provider', '=', provider)
    .where((eb) => eb.or([eb('status', '=', 'authorized'), eb('updated_at', '>=', since)]))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Transaction-scoped: one instance at a time runs the orphan sweep and the ledger comparison. */
export async function tryReconciliationLock(tx: Tx): Promise<boolean> {
  const { rows } = await sql<{
    ok: boolean;
  }>`select pg_try_advisory_xact_lock(hashtext('payment-reconciliation')) as ok`.execute(tx);
  return rows[0].ok;
}
