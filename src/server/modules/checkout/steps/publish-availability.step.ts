// After commit: tell live product pages the new availability of what was sold. Best effort and
// in the background: the buyer's answer does not wait for it.
import type { AppDeps } from '../../../deps';
import { publishAvailability as publish } from '../../realtime/inventory-events';
import type { Effect } from '../workflow';

export const publishAvailability: Effect<{ deps: AppDeps; productIds: readonly number[] }> = {
  name: 'publishAvailability',
  background: true,
  run: ({ deps, productIds }) => publish(deps, productIds),
};
