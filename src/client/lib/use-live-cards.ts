// Product cards stay live: search results and feeds come with the count read when the page was
// served (the search index keeps only in/out of stock), and inventory.watch (SSE) updates it
// while the page is open, so "Only 1 left" and "Sold out" follow other shoppers' carts.
import { useMemo, useState } from 'react';
import type { ProductCard } from '../../shared/schemas/catalog';
import { useLiveAvailability } from './use-live-availability';

/** inventory.watch takes up to 100 listings: the first 100 cards, in display order. */
const WATCH_LIMIT = 100;

export function useLiveCards<T extends ProductCard>(products: readonly T[]): readonly T[] {
  const [live, setLive] = useState<ReadonlyMap<number, number>>(() => new Map());
  useLiveAvailability(
    products.slice(0, WATCH_LIMIT).map((p) => p.id),
    (e) => setLive((m) => (m.get(e.productId) === e.available ? m : new Map(m).set(e.productId, e.available))),
  );
  return useMemo(
    () =>
      products.map((p) => {
        const available = live.get(p.id);
        return available === undefined || available === p.available ? p : { ...p, available };
      }),
    [products, live],
  );
}
