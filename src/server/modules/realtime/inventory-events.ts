// Publishes availability changes to every app instance through the Store's pub/sub
// (Redis across instances, in-process otherwise). The one way any module says "availability of
// these listings changed": services call it after their transaction commits.
import type { AvailabilityEventDto } from '../../../shared/schemas/realtime';
import type { AppDeps } from '../../deps';
import { readAvailability } from './availability-read';

export const INVENTORY_CHANNEL = 'inventory:availability';

export type AvailabilityEvent = AvailabilityEventDto;

/** How long changes gather before one read and one message go out: short next to a person reading
 * the page, long enough that a busy listing costs a few reads a second, not one per cart change. */
const COALESCE_MS = 50;

interface PendingBatch {
  ids: Set<number>;
  published: Promise<void>;
}

const pending = new WeakMap<AppDeps, PendingBatch>();

/**
 * Announces new availability for these products, after the caller's commit. Changes arriving
 * within ~50 ms coalesce into one read and one event batch (a busy listing in many carts costs one
 * message, not one per cart change). The promise settles once the batch is published; it never
 * rejects (a lost event only delays a live page until its next change or refresh).
 */
export function publishAvailability(deps: AppDeps, productIds: readonly number[]): Promise<void> {
  if (productIds.length === 0) return Promise.resolve();
  let batch = pending.get(deps);
  if (!batch) {
    const ids = new Set<number>();
    const published = new Promise<void>((resolve) => {
      setTimeout(() => {
        pending.delete(deps);
        void readAndPublish(deps, [...ids]).then(resolve);
      }, COALESCE_MS);
    });
    batch = { ids, published };
    pending.set(deps, batch);
  }
  for (const id of productIds) batch.ids.add(id);
  return batch.published;
}

/** Reads current availability of the given products and publishes one event each. */
async function readAndPublish(deps: AppDeps, ids: number[]): Promise<void> {
  try {
    const events: AvailabilityEvent[] = await readAvailability(deps.db, ids);
    await deps.store.publish(INVENTORY_CHANNEL, JSON.stringify(events));
  } catch (err) {
    deps.log.warn({ err: String(err) }, 'could not publish availability');
  }
}
