// After commit: tell live product pages the new availability of what was sold. Best effort and
// in the background: the buyer's answer does not wait for it. Goes through the inventory
// module's coalescing (one read and one publish per ~10 ms burst, shared with cart changes).
import type { AppDeps } from '../../../deps';
import { announceAvailability } from '../../inventory/inventory.service';
import type { Effect } from '../workflow';

export const publishAvailability: Effect<{ deps: AppDeps; productIds: readonly number[] }> = {
  name: 'publishAvailability',
  background: true,
  run: async ({ deps, productIds }) => announceAvailability(deps, productIds),
};
