// Live availability for a set of listings: the current value first, then every change from
// any instance. A slow client gets the latest value per product, never an unbounded backlog.
// Each client may hold a bounded number of streams (stream-slots.ts), and first values are read
// in shared batches (availability-snapshots.ts), so streams cannot starve the database pool.
import type { AvailabilityEventDto } from '../../../shared/schemas/realtime';
import type { AppDeps } from '../../deps';
import { availabilitySnapshot } from './availability-snapshots';
import { inventoryHub } from './inventory-hub';
import { latestPerKeyStream } from './latest-per-key-stream';
import { type StreamClient, streamSlots } from './stream-slots';

export async function* watchAvailability(
  deps: AppDeps,
  productIds: readonly number[],
  signal: AbortSignal | undefined,
  client: StreamClient = { ip: 'in-process', userId: null },
): AsyncGenerator<AvailabilityEventDto, void, unknown> {
  const release = streamSlots(deps.store).acquire(client);
  const ids = [...new Set(productIds)];
  try {
    yield* latestPerKeyStream<AvailabilityEventDto, number>({
      key: (event) => event.productId,
      subscribe: (push) => inventoryHub(deps.store).watch(ids, push),
      snapshot: () => availabilitySnapshot(deps, ids),
      signal,
    });
  } finally {
    release();
  }
}
