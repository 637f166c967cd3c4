// Payment reconciliation: what checkout could not finish in the request is finished here.
// 1. Captures that failed after the order committed are retried with exponential backoff.
// 2. Authorisations with no payment record (the process died between authorising and committing,
//    or the void after a failed commit failed too) are voided once they are old enough that no
//    checkout can still be writing them.
// 3. Our payment records are compared with the processor's ledger and mismatches reported.
// Safe with several instances: captures are claimed with SKIP LOCKED and a lease; the sweep and
// the comparison run under a transaction-scoped advisory lock, one instance at a time.
import type { Db } from '../../db/kysely';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import type { PaymentProvider, ProcessorPayment } from './payment-provider';
import { paymentProvider } from './payments.registry';
import {
  claimDueCaptures,
  knownRefs,
  markCaptured,
  paymentsToCompare,
  recordCaptureFailure,
  tryReconciliationLock,
} from './payments.repository';

export interface ReconcileOptions {
  /** The clock (tests move it forward instead of sleeping). */
  now?: Date;
  /** A payment younger than this is left to its own request's capture. */
  captureGraceMs?: number;
  /** An open authorisation with no payment record older than this is voided. */
  orphanAfterMs?: number;
  /** Records changed within this window are compared with the processor's ledger. */
  compareWindowMs?: number;
  batch?: number;
}

export const RECONCILE_DEFAULTS = {
  captureGraceMs: 60_000,
  // Far beyond any checkout: a claimed idempotency key is stale after 2 minutes.
  orphanAfterMs: 15 * 60_000,
  compareWindowMs: 24 * 3_600_000,
  batch: 100,
} as const;

const CAPTURE_LEASE_MS = 2 * 60_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 3_600_000;

/** Delay before capture attempt n+1 after n failures: 30 s, 1 min, 2 min … capped at 1 h. */
export function captureBackoffMs(failures: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
}

export interface PaymentMismatch {
  paymentId: number | null;
  ref: string;
  problem: string;
  ours: { status: string; amountCents: number; refundedCents: number } | null;
  processor: ProcessorPayment | null;
}

export interface ReconcileResult {
  captured: number;
  captureFailures: number;
  voided: number;
  mismatches: PaymentMismatch[];
  /** Another instance held the sweep lock: only captures ran. */
  sweepSkipped: boolean;
}

export async function reconcilePayments(deps: AppDeps, opts: ReconcileOptions = {}): Promise<ReconcileResult> {
  const o = { ...RECONCILE_DEFAULTS, ...opts };
  const now = opts.now ?? new Date();
  const provider = paymentProvider(deps);
  const captures = await retryCaptures(deps, provider, now, o);
  const sweep = await inTransaction(deps.db, async (tx) => {
    if (!(await tryReconciliationLock(tx))) return null;
    const voided = await voidOrphans(deps.db, provider, new Date(now.getTime() - o.orphanAfterMs), o.batch);
    const mismatches = await compareWithProcessor(
      deps.db,
      provider,
      new Date(now.getTime() - o.compareWindowMs),
      o.batch,
    );
    return { voided, mismatches };
  });
  return { ...captures, voided: sweep?.voided ?? 0, mismatches: sweep?.mismatches ?? [], sweepSkipped: !sweep };
}

async function retryCaptures(
  deps: AppDeps,
  provider: PaymentProvider,
  now: Date,
  o: { captureGraceMs: number; batch: number },
) {
  const due = await claimDueCaptures(deps.db, {
    now,
    createdBefore: new Date(now.getTime() - o.captureGraceMs),
    leaseMs: CAPTURE_LEASE_MS,
    limit: o.batch,
  });
  let captured = 0;
  let captureFailures = 0;
  for (const p of due) {
    if (p.provider !== provider.name) continue; // recorded through another processor
    try {
      // Capturing an already captured payment is a no-op, so a capture that reached the
      // processor but not our record is simply confirmed here.
      await provider.capture(p.provider_ref);
      await markCaptured(deps.db, p.id);
      captured++;
    } catch (err) {
      captureFailures++;
      const failures = p.capture_attempts + 1;
      await recordCaptureFailure(deps.db, p.id, new Date(now.getTime() + captureBackoffMs(failures)), String(err));
      deps.log.warn(
        { job: 'payment-reconciliation', paymentId: p.id, failures, err: String(err) },
        'capture retry failed; backing off',
      );
    }
  }
  return { captured, captureFailures };
}

async function voidOrphans(db: Db, provider: PaymentProvider, olderThan: Date, limit: number): Promise<number> {
  const open = await provider.listOpenAuthorizations({ olderThan, limit });
  const known = await knownRefs(
    db,
    open.map((p) => p.ref),
  );
  let voided = 0;
  for (const p of open) {
    if (known.has(p.ref)) continue; // has an order: captured by retryCaptures, never voided
    await provider.void(p.ref);
    voided++;
  }
  return voided;
}

type OurPayment = Awaited<ReturnType<typeof paymentsToCompare>>[number];

/** What is wrong between our record and the processor's, or null when they agree. */
function disagreement(ours: OurPayment, theirs: ProcessorPayment | null): string | null {
  if (!theirs) return 'unknown to the processor';
  if (theirs.amountCents !== ours.amount_cents) return 'amount differs';
  // A capture that went through but was not recorded yet is settled by the capture retry.
  if (ours.status === 'authorized' && theirs.status === 'captured') return null;
  if (theirs.status !== ours.status) return 'status differs';
  if (theirs.refundedCents !== ours.refunded_cents) return 'refunded amount differs';
  return null;
}

async function compareWithProcessor(
  db: Db,
  provider: PaymentProvider,
  since: Date,
  limit: number,
): Promise<PaymentMismatch[]> {
  const mismatches: PaymentMismatch[] = [];
  for (const p of await paymentsToCompare(db, provider.name, since, limit)) {
    const theirs = await provider.lookup(p.provider_ref);
    const problem = disagreement(p, theirs);
    if (problem)
      mismatches.push({
        paymentId: p.id,
        ref: p.provider_ref,
        problem,
        ours: { status: p.status, amountCents: p.amount_cents, refundedCents: p.refunded_cents },
        processor: theirs,
      });
  }
  return mismatches;
}
