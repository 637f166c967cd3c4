// Keeps Meilisearch in step with PostgreSQL: drains the search outbox in batches (see
// modules/search/search-sync.ts) as soon as a due row is written (the outbox trigger signals the
// `search_outbox` channel, decision 0194), and polls once a second for rows that fall due later
// (coalesced counters, retries). While its LISTEN connection is down it polls every 100 ms, as it
// did before it listened. Every instance runs one; they share the work.
import { listenTo } from '../db/listener';
import type { AppDeps } from '../deps';
import { clearStaleReindexRuns, expediteCoalescedRows } from '../modules/search/search.repository';
import { type DrainResult, drainSearchOutbox } from '../modules/search/search-sync';
import type { Job } from './start-jobs';

/** Poll interval while the drainer cannot listen (no signals reach it). */
export const DRAIN_POLL_MS = 100;
/** Poll interval while it listens: only rows that fall due later wait for it. */
export const DRAIN_IDLE_POLL_MS = 1_000;
export const OUTBOX_CHANNEL = 'search_outbox';
const STALE_CHECK_MS = 10_000;

/** One drain pass (for tests and scripts). */
export function drainOnce(deps: AppDeps): Promise<DrainResult> {
  return drainSearchOutbox(deps);
}

/**
 * Drains until the outbox has nothing ready (tests use this to catch up with everything),
 * including counter changes the trigger delayed to coalesce them.
 */
export async function drainAll(deps: AppDeps): Promise<number> {
  await expediteCoalescedRows(deps.db);
  let total = 0;
  for (;;) {
    const r = await drainSearchOutbox(deps);
    total += r.claimed;
    if (r.claimed === 0) return total;
  }
}

export function startSearchOutboxDrainer(
  deps: AppDeps,
  { pollMs = DRAIN_POLL_MS, idlePollMs = DRAIN_IDLE_POLL_MS }: { pollMs?: number; idlePollMs?: number } = {},
): Job {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let current: Promise<void> | null = null;
  let lastStaleCheck = 0;
  // A signal that came while a pass ran: its row may have committed after that pass claimed.
  let signalled = false;

  const tick = async () => {
    signalled = false;
    let busy = false;
    try {
      if (Date.now() - lastStaleCheck > STALE_CHECK_MS) {
        lastStaleCheck = Date.now();
        const cleared = await clearStaleReindexRuns(deps.db);
        if (cleared) deps.log.warn({ job: 'search-outbox', cleared }, 'cleared reindex runs with no heartbeat');
      }
      const r = await drainSearchOutbox(deps);
      // A full batch means more is probably waiting: go again at once.
      busy = r.claimed > 0 && r.failed === 0;
      if (r.claimed) deps.log.debug({ job: 'search-outbox', ...r }, 'search outbox drained');
    } catch (err) {
      deps.log.warn({ job: 'search-outbox', err: err instanceof Error ? err.message : String(err) }, 'drain failed');
    }
    if (!stopped) timer = setTimeout(run, busy || signalled ? 0 : listener.listening ? idlePollMs : pollMs);
  };
  const run = () => {
    timer = null;
    current = tick();
  };
  // A due row was written: drain now, or right after the pass that is running.
  const wake = () => {
    if (stopped) return;
    if (timer === null) {
      signalled = true;
      return;
    }
    clearTimeout(timer);
    run();
  };
  const listener = listenTo(deps.pool.options, OUTBOX_CHANNEL, wake, deps.log);
  timer = setTimeout(run, pollMs);

  return {
    name: 'search-outbox-drainer',
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await listener.stop();
      await current;
    },
  };
}
