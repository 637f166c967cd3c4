// Publishes availability changes to every app instance through the Store's pub/sub
// (Redis across instances, in-process otherwise). Call after the transaction commits.
import type { AppDeps } from '../../deps';

export const INVENTORY_CHANNEL = 'inventory:availability';

export interface AvailabilityEvent {
  productId: number;
  available: number;
}

/** Reads current availability of the given products and publishes one event each. */
export async function publishAvailability(deps: AppDeps, productIds: readonly number[]): Promise<void> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return;
  try {
    const rows = await deps.db
      .selectFrom('products')
      .select(['id', 'quantity', 'reserved', 'status'])
      .where('id', 'in', ids)
      .execute();
    const events: AvailabilityEvent[] = rows.map((r) => ({
      productId: r.id,
      available: r.status === 'active' ? Math.max(0, r.quantity - r.reserved) : 0,
    }));
    await deps.store.publish(INVENTORY_CHANNEL, JSON.stringify(events));
  } catch (err) {
    deps.log.warn({ err: String(err) }, 'could not publish availability');
  }
}
