// First values for live-stock streams, read in shared batches: every stream that opens while a
// read is under way waits for the next one, and that one read serves them all. However many
// pages open at once, streams hold at most one pool connection per instance, so checkout and cart
// keep the rest of the pool (issue 19.5: thousands of anonymous streams starved checkout).
// A batch only serves streams that subscribed before it started, so no change falls between a
// stream's snapshot and its first event.
import type { AvailabilityEventDto } from '../../../shared/schemas/realtime';
import type { AppDeps } from '../../deps';
import { readAvailability } from './availability-read';

/** Current availability of the given listings (0 for archived ones), in one query. */
export async function currentAvailability(
  deps: AppDeps,
  productIds: readonly number[],
): Promise<AvailabilityEventDto[]> {
  return readAvailability(deps.db, productIds);
}

/** Bounds one read's `IN (...)` list; a larger crowd is served by consecutive reads. */
const MAX_IDS_PER_READ = 5_000;

interface Waiter {
  ids: readonly number[];
  resolve: (events: AvailabilityEventDto[]) => void;
  reject: (err: unknown) => void;
}

class SnapshotReader {
  private queue: Waiter[] = [];
  private reading = false;

  constructor(private readonly deps: AppDeps) {}

  read(ids: readonly number[]): Promise<AvailabilityEventDto[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ids, resolve, reject });
      if (!this.reading) void this.drain();
    });
  }

  private async drain() {
    this.reading = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        const wanted = [...new Set(batch.flatMap((w) => w.ids))];
        try {
          const byId = new Map((await currentAvailability(this.deps, wanted)).map((e) => [e.productId, e]));
          for (const w of batch) w.resolve(w.ids.flatMap((id) => byId.get(id) ?? []));
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      this.reading = false;
    }
  }

  private takeBatch(): Waiter[] {
    const batch: Waiter[] = [];
    const ids = new Set<number>();
    while (this.queue.length > 0) {
      const next = this.queue[0]!;
      if (batch.length > 0 && ids.size + next.ids.length > MAX_IDS_PER_READ) break;
      for (const id of next.ids) ids.add(id);
      batch.push(next);
      this.queue.shift();
    }
    return batch;
  }
}

const readers = new WeakMap<AppDeps['db'], SnapshotReader>();

/** Current availability of `ids`, read together with every other stream opening now. */
export function availabilitySnapshot(deps: AppDeps, ids: readonly number[]): Promise<AvailabilityEventDto[]> {
  let reader = readers.get(deps.db);
  if (!reader) {
    reader = new SnapshotReader(deps);
    readers.set(deps.db, reader);
  }
  return reader.read(ids);
}
