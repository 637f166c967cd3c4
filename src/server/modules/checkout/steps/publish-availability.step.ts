// After commit: tell live product pages the new availability of what was sold. Best effort and
// in the background: the buyer's answer does not wait for it. Goes through the one announcement
// path (one read and one publish per ~10 ms burst, shared with cart changes; decision 0016).
import type { AppDeps } from '../../../deps';
import { publishAvailability as announce } from '../../realtime/inventory-events';
import type { Effect } from '../workflow';

export const publishAvailability: Effect<{ deps: AppDeps; productIds: readonly number[] }> = {
  name: 'publishAvailability',
  background: true,
  run: ({ deps, productIds }) => announce(deps, productIds),
};
