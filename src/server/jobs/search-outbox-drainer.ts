// Keeps Meilisearch in step with PostgreSQL: polls the search outbox every ~100 ms and drains it
// in batches (see modules/search/search-sync.ts). Every instance runs one; they share the work.
import type { AppDeps } from '../deps';
import { clearStaleReindexRuns, expediteCoalescedRows } from '../modules/search/search.repository';
import { type DrainResult, drainSearchOutbox } from '../modules/search/search-sync';
import type { Job } from './start-jobs';

export const DRAIN_POLL_MS = 100;
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

export function startSearchOutboxDrainer(deps: AppDeps, pollMs = DRAIN_POLL_MS): Job {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let current: Promise<void> | null = null;
  let lastStaleCheck = 0;

  const tick = async () => {
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
    if (!stopped) timer = setTimeout(run, busy ? 0 : pollMs);
  };
  const run = () => {
    current = tick();
  };
  timer = setTimeout(run, pollMs);

  return {
    name: 'search-outbox-drainer',
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
