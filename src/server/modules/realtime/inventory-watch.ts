// Live availability for a set of listings: the current value first, then every change from
// any instance. A slow client gets the latest value per product, never an unbounded backlog.
// Each client may hold a bounded number of streams (stream-slots.ts), and first values are read
// in shared batches (availability-snapshots.ts), so streams cannot starve the database pool.
import type { AvailabilityEventDto } from '../../../shared/schemas/realtime';
import type { AppDeps } from '../../deps';
import { availabilitySnapshot } from './availability-snapshots';
import { inventoryHub } from './inventory-hub';
import { type StreamClient, streamSlots } from './stream-slots';

export async function* watchAvailability(
  deps: AppDeps,
  productIds: readonly number[],
  signal: AbortSignal | undefined,
  client: StreamClient = { ip: 'in-process', userId: null },
): AsyncGenerator<AvailabilityEventDto, void, unknown> {
  const release = streamSlots(deps.store).acquire(client);
  try {
    yield* streamAvailability(deps, [...new Set(productIds)], signal);
  } finally {
    release();
  }
}

async function* streamAvailability(
  deps: AppDeps,
  ids: number[],
  signal: AbortSignal | undefined,
): AsyncGenerator<AvailabilityEventDto, void, unknown> {
  const pending = new Map<number, AvailabilityEventDto>();
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const leave = await inventoryHub(deps.store).watch(ids, (event) => {
    pending.set(event.productId, event);
    notify();
  });
  signal?.addEventListener('abort', notify, { once: true });
  try {
    // Subscribed before reading, so a change between the read and now is not lost: it is
    // already in `pending` and follows the snapshot.
    const snapshot = await availabilitySnapshot(deps, ids);
    for (const event of snapshot) if (!pending.has(event.productId)) yield event;
    while (!signal?.aborted) {
      if (pending.size === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      const batch = [...pending.values()];
      pending.clear();
      for (const event of batch) yield event;
    }
  } finally {
    signal?.removeEventListener('abort', notify);
    await leave();
  }
}
