// Finishes payments that checkout could not: retries captures after commit with backoff, voids
// authorisations that never got an order, and reports disagreements with the processor's ledger
// (modules/payments/payment-reconciliation.ts). Every instance runs the timer; captures are
// claimed with SKIP LOCKED and the sweep takes an advisory lock, so instances never double up.
import type { AppDeps } from '../deps';
import { reconcilePayments } from '../modules/payments/payment-reconciliation';
import type { Job } from './start-jobs';

export const RECONCILE_INTERVAL_MS = 30_000;

export function startPaymentReconciliation(deps: AppDeps, intervalMs = RECONCILE_INTERVAL_MS): Job {
  let running: Promise<unknown> | null = null;
  // A disagreement stays until a person resolves it: log it once per process, not every pass.
  const reported = new Set<string>();
  const tick = () => {
    if (running) return;
    running = reconcilePayments(deps)
      .then((r) => {
        for (const m of r.mismatches) {
          const key = `${m.ref}:${m.problem}`;
          if (reported.has(key)) continue;
          if (reported.size > 10_000) reported.clear();
          reported.add(key);
          deps.log.error({ job: 'payment-reconciliation', ...m }, 'payment record disagrees with the processor');
        }
        if (r.captured || r.captureFailures || r.voided)
          deps.log.info(
            { job: 'payment-reconciliation', captured: r.captured, failed: r.captureFailures, voided: r.voided },
            'payments reconciled',
          );
      })
      .catch((err) => deps.log.warn({ job: 'payment-reconciliation', err: String(err) }, 'reconciliation failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  return {
    name: 'payment-reconciliation',
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
