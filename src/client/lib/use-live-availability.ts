// Live availability: subscribe to inventory.watch (SSE) for the given products and refresh the
// cached availability/cart whenever any instance reports a change.
import type { AvailabilityEventDto } from '../../shared/schemas/realtime';
import { trpc } from '../trpc';

export function useLiveAvailability(productIds: number[], onEvent?: (e: AvailabilityEventDto) => void) {
  const trpcUtils = trpc.useUtils();
  const ids = [...new Set(productIds)].sort((a, b) => a - b).slice(0, 100);
  trpc.inventory.watch.useSubscription(
    { productIds: ids },
    {
      enabled: ids.length > 0,
      onData: (event) => {
        onEvent?.(event);
        // The stream opens with a snapshot; only refetch what actually changed. A listing with
        // variations refetches its combinations' answers too (the listing total may not move).
        const cached = trpcUtils.catalog.availability.getData({ productId: event.productId });
        if (cached?.available !== event.available || event.variants) {
          void trpcUtils.catalog.availability.invalidate({ productId: event.productId });
        }
      },
    },
  );
}
