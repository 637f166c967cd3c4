// Live availability for a set of listings: the current value first, then every change from
// any instance. A slow client gets the latest value per product, never an unbounded backlog.
import type { AvailabilityEventDto } from '../../../shared/schemas/realtime';
import type { AppDeps } from '../../deps';
import { inventoryHub } from './inventory-hub';

export async function currentAvailability(
  deps: AppDeps,
  productIds: readonly number[],
): Promise<AvailabilityEventDto[]> {
  const rows = await deps.db
    .selectFrom('products')
    .select(['id', 'quantity', 'reserved', 'status'])
    .where('id', 'in', [...productIds])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    productId: r.id,
    available: r.status === 'active' ? Math.max(0, r.quantity - r.reserved) : 0,
  }));
}

export async function* watchAvailability(
  deps: AppDeps,
  productIds: readonly number[],
  signal: AbortSignal | undefined,
): AsyncGenerator<AvailabilityEventDto, void, unknown> {
  const ids = [...new Set(productIds)];
  const pending = new Map<number, number>();
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const leave = await inventoryHub(deps.store).watch(ids, (event) => {
    pending.set(event.productId, event.available);
    notify();
  });
  signal?.addEventListener('abort', notify, { once: true });
  try {
    // Subscribed before reading, so a change between the read and now is not lost: it is
    // already in `pending` and follows the snapshot.
    const snapshot = await currentAvailability(deps, ids);
    for (const event of snapshot) if (!pending.has(event.productId)) yield event;
    while (!signal?.aborted) {
      if (pending.size === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      const batch = [...pending.entries()];
      pending.clear();
      for (const [productId, available] of batch) yield { productId, available };
    }
  } finally {
    signal?.removeEventListener('abort', notify);
    await leave();
  }
}
