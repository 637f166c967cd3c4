// One Store subscription per process for availability events, fanned out to watchers by
// product id. Thousands of open pages cost one Redis subscription and one JSON parse per event.
// The hub subscribes when the first watcher arrives and unsubscribes when the last one leaves.

import { perStore } from '../../services/per-store';
import type { Store } from '../../services/store';
import { type AvailabilityEvent, INVENTORY_CHANNEL } from './inventory-events';

export type AvailabilityListener = (event: AvailabilityEvent) => void;

class InventoryHub {
  private readonly listeners = new Map<number, Set<AvailabilityListener>>();
  private watchers = 0;
  /** Serialises subscribe/unsubscribe so a quick leave-and-return never loses the subscription. */
  private transition: Promise<void> = Promise.resolve();
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(private readonly store: Store) {}

  get activeWatchers(): number {
    return this.watchers;
  }

  private dispatch = (message: string) => {
    let events: AvailabilityEvent[];
    try {
      const parsed: unknown = JSON.parse(message);
      events = Array.isArray(parsed) ? (parsed as AvailabilityEvent[]) : [parsed as AvailabilityEvent];
    } catch {
      return;
    }
    for (const event of events) {
      if (typeof event?.productId !== 'number' || typeof event.available !== 'number') continue;
      for (const listener of this.listeners.get(event.productId) ?? []) listener(event);
    }
  };

  /** Resolves once events for `productIds` will reach `listener`; returns the way out. */
  async watch(productIds: readonly number[], listener: AvailabilityListener): Promise<() => Promise<void>> {
    for (const id of productIds) {
      let set = this.listeners.get(id);
      if (!set) {
        set = new Set();
        this.listeners.set(id, set);
      }
      set.add(listener);
    }
    this.watchers += 1;
    this.transition = this.transition.then(async () => {
      if (this.watchers > 0 && !this.unsubscribe)
        this.unsubscribe = await this.store.subscribe(INVENTORY_CHANNEL, this.dispatch);
    });
    await this.transition;

    let left = false;
    return async () => {
      if (left) return;
      left = true;
      for (const id of productIds) {
        const set = this.listeners.get(id);
        set?.delete(listener);
        if (set?.size === 0) this.listeners.delete(id);
      }
      this.watchers -= 1;
      this.transition = this.transition.then(async () => {
        if (this.watchers === 0 && this.unsubscribe) {
          const stop = this.unsubscribe;
          this.unsubscribe = null;
          await stop();
        }
      });
      await this.transition;
    };
  }
}

/** The hub of this Store (one per app instance; tests with two instances get two). */
export const inventoryHub = perStore((store) => new InventoryHub(store));
